public import FHIRAccess
public import FHIRModel
public import Foundation

/// Builds the Provenance Kiln writes for a request's writes: pure, so what a write records is
/// tested without a database.
///
/// ```swift
/// let provenance = ProvenanceBuilder.provenance(
///     targets: [WrittenVersion(resourceType: "Observation", id: "12", versionID: 3, activity: .update)],
///     principal: request.principal, requestID: request.requestID, recorded: transaction.now)
/// // {"resourceType": "Provenance", "extension": [request id], "target": [{"reference":
/// //  "Observation/12/_history/3"}], "recorded": "…", "reason": [purpose of use],
/// //  "activity": UPDATE, "agent": [the caller]}
/// ```
public enum ProvenanceBuilder {
    /// The versions whose write is recorded: every one but a Provenance's, so that writing a
    /// Provenance (Kiln's own or a client's) never calls for another about it. Each version
    /// once, in the order written.
    public static func targets(of written: [WrittenVersion]) -> [WrittenVersion] {
        var seen = Set<WrittenVersion>()
        return written.filter { $0.resourceType != "Provenance" && seen.insert($0).inserted }
    }

    /// The Provenance of a request that wrote `targets` (not empty), made by `principal`, with
    /// the request's id (``RequestIDExtension``, left out when empty) and the time of the write.
    ///
    /// `activity` is the one activity all targets share (``ProvenanceActivity/common(to:)``),
    /// left out when they differ; `reason` is the principal's purpose of use, a v3-ActReason
    /// code, when it has one.
    public static func provenance(targets: [WrittenVersion], principal: Principal, requestID: String, recorded: Date) -> JSONObject {
        var provenance = JSONObject()
        provenance["resourceType"] = "Provenance"
        if !requestID.isEmpty {
            provenance["extension"] = [RequestIDExtension.extensionValue(requestID)]
        }
        provenance["target"] = .array(targets.map { ["reference": .string($0.reference)] })
        provenance["recorded"] = .string(FHIRInstant.format(recorded))
        if let purpose = principal.purposeOfUse {
            provenance["reason"] = [["coding": [["system": .string(reasonSystem), "code": .string(purpose)]]]]
        }
        if let activity = ProvenanceActivity.common(to: targets) {
            provenance["activity"] = activity.codeableConcept
        }
        provenance["agent"] = [ProvenanceAgent.agent(for: principal)]
        return provenance
    }

    /// The code system of purposes of use (`Provenance.reason`).
    public static let reasonSystem = "http://terminology.hl7.org/CodeSystem/v3-ActReason"
}
