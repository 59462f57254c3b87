public import FHIRAccess
public import FHIRAudit
public import Foundation

/// One event to record, as the server knows it before its record is built: what the request's
/// ``AuditTrail`` gathered, the outcome, and the references whose patients the record must
/// name (found in the search index when the record is written).
public struct PendingAudit: Sendable {
    /// The AuditEvent id: a new random UUID.
    public var id: String
    /// When the event happened.
    public var recorded: Date
    /// The request's id; empty for an event of the server itself.
    public var requestID: String
    /// The interaction.
    public var interaction: AuditedInteraction
    /// The view.
    public var view: AuditEventFacts.View
    /// The caller, if known.
    public var principal: Principal?
    /// The client's network address.
    public var sourceAddress: String?
    /// The resources read (`Type/id`), whose patients the record names.
    public var read: [String]
    /// The versions written (`Type/id/_history/n`), named as entities with their patients.
    public var written: [String]
    /// How Consent took part.
    public var consent: AuditEventFacts.Consent
    /// The HTTP status answered (200 for an event of the server itself).
    public var status: Int
    /// For a login form: whether the credentials were accepted.
    public var loginSucceeded: Bool?
    /// The `jti` of an access token issued.
    public var issuedTokenID: String?
    /// What an administration request changed, in a short phrase of Kiln's own (`client
    /// registered`, `user removed`), never the registration's name.
    public var administrativeAction: String?

    /// An event.
    public init(id: String = UUID().uuidString.lowercased(), recorded: Date = Date(), requestID: String, interaction: AuditedInteraction,
                view: AuditEventFacts.View, principal: Principal? = nil, sourceAddress: String? = nil, read: [String] = [], written: [String] = [],
                consent: AuditEventFacts.Consent = .notApplicable, status: Int, loginSucceeded: Bool? = nil, issuedTokenID: String? = nil,
                administrativeAction: String? = nil) {
        self.id = id
        self.recorded = recorded
        self.requestID = requestID
        self.interaction = interaction
        self.view = view
        self.principal = principal
        self.sourceAddress = sourceAddress
        self.read = read
        self.written = written
        self.consent = consent
        self.status = status
        self.loginSucceeded = loginSucceeded
        self.issuedTokenID = issuedTokenID
        self.administrativeAction = administrativeAction
    }

    /// The event a request's trail describes, answered with `status`.
    init(trail: AuditTrail, status: Int, written: [String] = []) {
        let state = trail.snapshot
        let fallback = AuditedInteraction.classifying(method: trail.method, path: trail.path)
        var view = state.interaction == nil ? fallback.1 : state.view
        if case .system = view { view = fallback.1 }
        self.init(requestID: trail.requestID, interaction: state.interaction ?? fallback.0, view: view, principal: state.principal,
                  sourceAddress: trail.sourceAddress, read: state.read, written: written, consent: state.consent, status: status,
                  loginSucceeded: state.loginSucceeded, issuedTokenID: state.issuedTokenID,
                  administrativeAction: state.interaction == nil ? fallback.0.operation : nil)
    }

    /// Every reference whose patients the record names: what was read and, without their
    /// version, what was written.
    var referencesToResolve: [String] {
        read + written.map { reference in
            let parts = reference.split(separator: "/")
            return parts.count >= 2 ? "\(parts[0])/\(parts[1])" : reference
        }
    }
}
