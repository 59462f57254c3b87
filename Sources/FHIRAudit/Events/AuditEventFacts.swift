public import Foundation

/// Everything Kiln knows about one audited event, as the request handler collected it: what
/// happened, to which resources and patients, who asked, which server answered, what consent
/// decided and how it ended. ``AuditEventBuilder`` turns it into the AuditEvent recorded.
///
/// Nothing here is data: no resource bodies, no token (only its `jti`), no patient names.
///
/// ```swift
/// var facts = AuditEventFacts(id: UUID().uuidString.lowercased(), recorded: Date(), requestID: requestID,
///                             kind: .read, server: AuditEventFacts.Server(baseURL: "https://kiln.example/fhir"))
/// facts.resourceType = "Observation"
/// facts.entities = ["Observation/12/_history/3"]
/// facts.patients = ["Patient/7"]
/// ```
public struct AuditEventFacts: Sendable, Hashable {
    /// The AuditEvent's id: a lowercase UUID the caller supplies.
    public var id: String
    /// When the event happened (the AuditEvent's `recorded`).
    public var recorded: Date
    /// The request's id (`X-Request-Id`); empty for events that answer no request.
    public var requestID: String
    /// What happened.
    public var kind: Kind
    /// The view of the data the request used.
    public var view: View
    /// The resource type the interaction was about, when it was about one.
    public var resourceType: String?
    /// The resources read or written, as references (`Observation/12/_history/3`).
    public var entities: [String]
    /// The patients whose data the response contained or the write touched, as `Patient/ID`,
    /// one each.
    public var patients: [String]
    /// Who asked; all empty for an unauthenticated or anonymous request.
    public var caller: Caller
    /// The server that answered.
    public var server: Server
    /// What patients' Consents decided.
    public var consent: Consent
    /// The Consents that decided, as `Consent/ID`; empty when the default policy decided.
    public var consentReferences: [String]
    /// The HTTP status of the response.
    public var status: Int
    /// Kiln's own short description of the outcome (its error message), if any.
    public var outcomeDescription: String?

    /// The facts of one event; what is not given is empty.
    public init(
        id: String,
        recorded: Date,
        requestID: String,
        kind: Kind,
        view: View = .clinical,
        resourceType: String? = nil,
        entities: [String] = [],
        patients: [String] = [],
        caller: Caller = Caller(),
        server: Server,
        consent: Consent = .notApplicable,
        consentReferences: [String] = [],
        status: Int = 200,
        outcomeDescription: String? = nil
    ) {
        self.id = id
        self.recorded = recorded
        self.requestID = requestID
        self.kind = kind
        self.view = view
        self.resourceType = resourceType
        self.entities = entities
        self.patients = patients
        self.caller = caller
        self.server = server
        self.consent = consent
        self.consentReferences = consentReferences
        self.status = status
        self.outcomeDescription = outcomeDescription
    }
}
