public import FHIRAccess
public import FHIRAudit
import Synchronization

/// What one request's audit record will say, gathered while the request is served: the
/// middleware makes one per request, the responders and the service add to it, and the
/// middleware turns it into the record once the status is known.
///
/// It holds references and codes only, never resource bodies or tokens. Every part of the
/// server that learns something the record needs (who the caller is, which interaction, which
/// resources were read or written, the consent decision) notes it here.
public final class AuditTrail: Sendable {
    /// The request's id (``RequestID``).
    public let requestID: String
    /// The HTTP method and path, for requests that never reach a FHIR interaction.
    public let method: String
    /// The request's path without its query.
    public let path: String
    /// The client's network address, when known.
    public let sourceAddress: String?

    private let state = Mutex(AuditTrailState())

    /// The trail of the request being served, for the parts of the server that add to it
    /// without having it passed down (the service, the research view, Bundle entries); set by
    /// the audit middleware around each request, nil outside one.
    @TaskLocal public static var current: AuditTrail?

    /// A trail for one request.
    public init(requestID: String, method: String, path: String, sourceAddress: String?) {
        self.requestID = requestID
        self.method = method
        self.path = path
        self.sourceAddress = sourceAddress
    }

    /// What has been noted so far.
    public var snapshot: AuditTrailState { state.withLock { $0 } }

    /// Notes who the caller is.
    public func noteCaller(_ principal: Principal) {
        state.withLock { $0.principal = principal }
    }

    /// Notes the interaction, once the request has been decoded.
    public func noteInteraction(_ interaction: AuditedInteraction) {
        state.withLock { $0.interaction = interaction }
    }

    /// Notes the view the request addresses.
    public func noteView(_ view: AuditEventFacts.View) {
        state.withLock { $0.view = view }
    }

    /// Notes resources whose data the response contains (`Type/id`): their patients are found
    /// when the record is written.
    public func noteRead(_ references: some Sequence<String>) {
        state.withLock { $0.read.append(contentsOf: references) }
    }

    /// Notes one resource whose data the response contains.
    public func noteRead(_ reference: String) {
        state.withLock { $0.read.append(reference) }
    }

    /// Notes how the patients' Consents took part.
    public func noteConsent(_ decision: AuditEventFacts.Consent) {
        state.withLock { state in
            // The strongest decision wins: an override or a denial is never hidden by a later filter.
            if decision.rank > state.consent.rank { state.consent = decision }
        }
    }

    /// Notes a user's login attempt: its outcome, which the page's status does not tell.
    public func noteLogin(succeeded: Bool, username: String?) {
        state.withLock { state in
            state.loginSucceeded = succeeded
            if let username { state.principal = Principal(subject: username, clientID: state.principal?.clientID) }
        }
    }

    /// Notes the `jti` of an access token the request issued.
    public func noteIssuedToken(_ tokenID: String) {
        state.withLock { $0.issuedTokenID = tokenID }
    }

    /// Notes that the request's write recorded its audit in its own transaction, which has
    /// committed when the request succeeds; `records` are mirrored to the line sink then.
    func noteRecordedWithWrite(_ records: [[UInt8]]) {
        state.withLock { state in
            state.recordedWithWrite = true
            state.recordsWithWrite += records
        }
    }
}

/// The facts an ``AuditTrail`` has gathered.
public struct AuditTrailState: Sendable {
    /// The caller; nil until authenticated (or for an open endpoint).
    public var principal: Principal?
    /// The interaction; nil when the request was refused before it was decoded.
    public var interaction: AuditedInteraction?
    /// The view.
    public var view: AuditEventFacts.View = .system
    /// The resources read, `Type/id`, in order, possibly repeated.
    public var read: [String] = []
    /// How Consent took part.
    public var consent: AuditEventFacts.Consent = .notApplicable
    /// Whether a write recorded the request in its own transaction.
    public var recordedWithWrite = false
    /// The canonical bytes of the records written with the request's writes.
    public var recordsWithWrite: [[UInt8]] = []
    /// For a login form: whether the user's credentials were accepted.
    public var loginSucceeded: Bool?
    /// The `jti` of the access token issued, for a token request.
    public var issuedTokenID: String?
}

/// The interaction a request asked for, as the audit record names it.
public struct AuditedInteraction: Sendable, Hashable {
    /// The FHIR restful interaction or Kiln's own name (`read`, `search-type`, `create`,
    /// `operation`, `token`, …).
    public var name: String
    /// The resource type addressed, if any.
    public var resourceType: String?
    /// The resource id addressed, if any.
    public var resourceID: String?
    /// The operation's name without `$`, for operations.
    public var operation: String?
    /// For searches: the request line (`GET /fhir/Observation?code=…`) the record carries as
    /// its query, base64-encoded.
    public var query: String?

    /// An interaction.
    public init(name: String, resourceType: String? = nil, resourceID: String? = nil, operation: String? = nil, query: String? = nil) {
        self.name = name
        self.resourceType = resourceType
        self.resourceID = resourceID
        self.operation = operation
        self.query = query
    }
}

extension AuditEventFacts.Consent {
    /// Which of two decisions a request's record keeps: the stronger.
    var rank: Int {
        switch self {
        case .notApplicable: 0
        case .permitted: 1
        case .filtered: 2
        case .denied: 3
        case .overridden: 4
        }
    }
}
