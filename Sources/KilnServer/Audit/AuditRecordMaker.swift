import FHIRAccess
import FHIRAudit
import Foundation

/// Turns a ``PendingAudit`` into the records the log keeps, through FHIRAudit's BALP
/// ``FHIRAudit/AuditEventBuilder``: the event, and a consent decision when Consent denied the
/// request or break-glass overrode a denial.
enum AuditRecordMaker {
    static let builder = AuditEventBuilder()

    /// The records of `event`, naming the patients of what it read and wrote (`patients`: by
    /// `Type/id`, from the search index).
    static func records(for event: PendingAudit, patients: [String: [String]], server: AuditServer) -> [AuditRecord] {
        builder.records(for: facts(of: event, patients: patients, server: server))
    }

    /// The facts of `event` as the builder takes them.
    static func facts(of event: PendingAudit, patients: [String: [String]], server: AuditServer) -> AuditEventFacts {
        var seenPatients = Set<String>()
        var eventPatients: [String] = []
        for reference in event.referencesToResolve {
            for patient in patients[reference] ?? [] where seenPatients.insert(patient).inserted { eventPatients.append(patient) }
        }
        var seenEntities = Set<String>()
        let entities = (event.written + event.read).filter { seenEntities.insert($0).inserted }
        let principal = event.principal
        let caller = AuditEventFacts.Caller(
            clientID: principal?.clientID, subject: principal?.subject, fhirUser: principal?.fhirUser, role: principal?.role,
            organization: principal?.organization, purposeOfUse: principal?.purposeOfUse,
            tokenID: principal?.tokenID ?? event.issuedTokenID, networkAddress: event.sourceAddress
        )
        return AuditEventFacts(
            id: event.id, recorded: event.recorded, requestID: event.requestID, kind: kind(of: event), view: event.view,
            resourceType: event.interaction.resourceType, entities: entities, patients: eventPatients, caller: caller,
            server: AuditEventFacts.Server(name: server.name, baseURL: server.baseURL()), consent: event.consent, status: event.status
        )
    }

    /// The kind of event an interaction's name stands for.
    static func kind(of event: PendingAudit) -> AuditEventFacts.Kind {
        let interaction = event.interaction
        switch interaction.name {
        case "read": return .read
        case "vread": return .vread
        case "search-type", "search-system": return .search(query: Array((interaction.query ?? "").utf8))
        case "history-instance", "history-type", "history-system": return .history
        case "create": return .create
        case "update": return .update
        case "patch": return .patch
        case "delete": return .delete
        case "transaction": return .transaction
        case "batch": return .batch
        case "capabilities": return .capabilities
        case "operation" where interaction.operation == "consent-decision": return .consentDecision
        case "operation": return .operation(interaction.operation ?? "unknown")
        case "token": return event.status < 400 ? .tokenIssued : .tokenRefused
        case "login": return .login(succeeded: event.loginSucceeded ?? (event.status < 400))
        case "revocation": return .revocation
        case "introspection": return .introspection
        case "administration": return .administration(action: event.administrativeAction ?? "administration request")
        case "application-start": return .applicationStart
        case "application-stop": return .applicationStop
        case "other": return .operation("unrouted")
        default: return .operation(interaction.name)
        }
    }
}
