import Foundation
public import FHIRAccess
public import FHIRModel
public import FHIRSearch

/// One FHIR interaction request, independent of HTTP: what the HTTP layer decodes and what each
/// batch or transaction Bundle entry becomes, so both take the same path through the service.
public struct FHIRRequest: Sendable {
    /// The HTTP verb.
    public var method: FHIRMethod
    /// Where the request points.
    public var route: FHIRRoute
    /// The query parameters in order (a name may repeat).
    public var query: [QueryParameter]
    /// `If-Match`: the version the client expects to replace, e.g. `W/"3"`.
    public var ifMatch: String?
    /// `If-None-Exist`: conditional create criteria, a query string without `?`.
    public var ifNoneExist: String?
    /// `If-None-Match` (conditional read).
    public var ifNoneMatch: String?
    /// `Prefer: return=…`; nil when the client did not say (writes then return the resource).
    public var preferReturn: PreferReturn?
    /// `Prefer: handling=…`; nil when the client did not say (search is then strict).
    public var preferHandling: PreferHandling?
    /// The parsed body: a resource, or for PATCH a JSON Patch document.
    public var body: JSONValue?
    /// Who asks.
    public var principal: Principal
    /// The access controller of the authenticated caller (its token's scopes and role); the
    /// service's own controller decides when nil.
    public var accessController: (any AccessController)?
    /// The request's id (``RequestID``), which its audit record and Provenance carry; empty for
    /// a request that did not come through HTTP.
    public var requestID: String = ""
    /// The view the request addresses: `/fhir` (clinical) or `/research/fhir` (research, whose
    /// access decisions and consent defaults differ).
    public var view: DataView = .clinical
    /// The `X-Provenance` header's JSON (``ProvenanceHeader``), parsed but not yet checked: a
    /// Provenance the client wants stored for the request's writes; nil when not sent.
    public var provenanceHeader: JSONValue?
    /// The validation issues of the body, once it has been validated for a write (before the
    /// transaction opens); nil when it has not been validated yet.
    var validationIssues: [OperationOutcomeIssue]?

    /// A request.
    public init(
        method: FHIRMethod, route: FHIRRoute, query: [QueryParameter] = [], ifMatch: String? = nil,
        ifNoneExist: String? = nil, ifNoneMatch: String? = nil, preferReturn: PreferReturn? = nil,
        preferHandling: PreferHandling? = nil, body: JSONValue? = nil, principal: Principal = .anonymous
    ) {
        self.preferHandling = preferHandling
        self.method = method
        self.route = route
        self.query = query
        self.ifMatch = ifMatch
        self.ifNoneExist = ifNoneExist
        self.ifNoneMatch = ifNoneMatch
        self.preferReturn = preferReturn
        self.body = body
        self.principal = principal
    }

    /// The values of the query parameter `name`, in order.
    public func values(of name: String) -> [String] {
        query.filter { $0.name == name }.map(\.value)
    }

    /// The last value of the query parameter `name`.
    public func value(of name: String) -> String? {
        query.last { $0.name == name }?.value
    }
}

/// The HTTP verbs of the FHIR RESTful API.
public enum FHIRMethod: String, Sendable, Hashable {
    /// GET
    case get = "GET"
    /// HEAD: as GET, without a body.
    case head = "HEAD"
    /// POST
    case post = "POST"
    /// PUT
    case put = "PUT"
    /// PATCH
    case patch = "PATCH"
    /// DELETE
    case delete = "DELETE"
}

/// What a successful write returns, as `Prefer: return=…` asks.
public enum PreferReturn: String, Sendable, Hashable {
    /// No body.
    case minimal
    /// The resource as stored (the default).
    case representation
    /// An OperationOutcome about the interaction.
    case operationOutcome = "OperationOutcome"

    /// Parses a `Prefer` header; nil when it has no known `return=`.
    public init?(header: String?) {
        guard let header else { return nil }
        for part in header.split(separator: ";").flatMap({ $0.split(separator: ",") }) {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("return="), let value = PreferReturn(rawValue: String(trimmed.dropFirst("return=".count))) {
                self = value
                return
            }
        }
        return nil
    }
}

/// How a search treats parameters it cannot honour, as `Prefer: handling=…` asks.
public enum PreferHandling: String, Sendable, Hashable {
    /// Refuse the search with 400 (the default).
    case strict
    /// Ignore such parameters and report them in the Bundle.
    case lenient

    /// Parses a `Prefer` header; nil when it has no known `handling=`.
    public init?(header: String?) {
        guard let header else { return nil }
        for part in header.split(separator: ";").flatMap({ $0.split(separator: ",") }) {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("handling="), let value = PreferHandling(rawValue: String(trimmed.dropFirst("handling=".count))) {
                self = value
                return
            }
        }
        return nil
    }
}
