import FHIRConsent
import FHIRModel
import FHIRSearch
import Foundation
import Logging
import PostgresNIO

/// Replaces the compiled rows of Consents (``FHIRConsent/CompiledConsent``) in the transaction
/// that writes them, so the next statement on any node decides by the new version.
enum ConsentPolicyWriter {
    /// One Consent's row number and what it compiles to (nil: nothing, as for a deleted,
    /// inactive or inert Consent).
    struct Item {
        var rid: Int64
        var consent: CompiledConsent?
    }

    /// Removes the earlier rows of `items` and inserts the new ones.
    static func write(_ items: [Item], on connection: PostgresConnection, logger: Logger) async throws {
        guard !items.isEmpty else { return }
        let rids = items.map(\.rid)
        try await connection.query("DELETE FROM \(unescaped: ConsentTables.provision) WHERE consent_rid = ANY(\(rids))", logger: logger)
        try await connection.query("DELETE FROM \(unescaped: ConsentTables.policy) WHERE consent_rid = ANY(\(rids))", logger: logger)
        for item in items {
            guard let consent = item.consent else { continue }
            try await connection.query(
                """
                INSERT INTO \(unescaped: ConsentTables.policy)
                    (consent_rid, patient_id, recorded, period_low, period_high, purposes_for, base_permit,
                     root_purposes, root_actors, root_actions, root_scoped)
                VALUES (\(item.rid), \(consent.patientID), \(consent.recorded.map(FHIRInstant.format))::timestamptz,
                        \(Self.bound(consent.periodStart, open: "-infinity"))::timestamptz, \(Self.bound(consent.periodEnd, open: "infinity"))::timestamptz,
                        \(consent.purposesFor), \(consent.basePermit), \(consent.rootPurposes), \(consent.rootActors), \(consent.rootActions),
                        \(consent.rootResources != nil))
                """,
                logger: logger
            )
            var provisions: [(position: Int, provision: CompiledProvision)] = []
            if let root = consent.rootResources {
                provisions.append((0, CompiledProvision(permit: consent.basePermit, resources: root)))
            }
            provisions += consent.provisions.enumerated().map { ($0.offset + 1, $0.element) }
            for (position, provision) in provisions {
                let resources = provision.resources
                try await connection.query(
                    """
                    INSERT INTO \(unescaped: ConsentTables.provision)
                        (consent_rid, position, permit, purposes, actors, actions, period_low, period_high, labels, classes, codes,
                         data_period, data_low, data_high, data_instance, data_related, data_dependents, data_authoredby)
                    VALUES (\(item.rid), \(position), \(provision.permit), \(provision.purposes), \(provision.actors), \(provision.actions),
                            \(Self.bound(provision.periodStart, open: "-infinity"))::timestamptz, \(Self.bound(provision.periodEnd, open: "infinity"))::timestamptz,
                            \(resources.securityLabels), \(resources.classes), \(resources.codes),
                            \(resources.hasDataPeriod), \(resources.dataPeriodStart.map(FHIRInstant.format))::timestamptz,
                            \(resources.dataPeriodEnd.map(FHIRInstant.format))::timestamptz,
                            \(resources.dataInstances), \(resources.dataRelated), \(resources.dataDependents), \(resources.dataAuthoredBy))
                    """,
                    logger: logger
                )
            }
        }
    }

    /// An instant as PostgreSQL reads it, or `open` for no bound.
    private static func bound(_ date: Date?, open: String) -> String {
        date.map(FHIRInstant.format) ?? open
    }
}
