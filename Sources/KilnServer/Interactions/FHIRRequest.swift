import Foundation
public import FHIRAccess
public import FHIRModel

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
    /// The parsed body: a resource, or for PATCH a JSON Patch document.
    public var body: JSONValue?
    /// Who asks.
    public var principal: Principal
    /// The validation issues of the body, once it has been validated for a write (before the
    /// transaction opens); nil when it has not been validated yet.
    var validationIssues: [OperationOutcomeIssue]?

    /// A request.
    public init(
        method: FHIRMethod, route: FHIRRoute, query: [QueryParameter] = [], ifMatch: String? = nil,
        ifNoneExist: String? = nil, ifNoneMatch: String? = nil, preferReturn: PreferReturn? = nil,
        body: JSONValue? = nil, principal: Principal = .anonymous
    ) {
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

/// One `name=value` of a query string, percent-decoded.
public struct QueryParameter: Sendable, Hashable {
    /// The name, possibly with a modifier (`identifier:of-type`).
    public var name: String
    /// The value.
    public var value: String

    /// A parameter.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// Parses a query string (without `?`): `&`-separated, `+` is a space, percent-decoded.
    public static func parse(_ queryString: String) -> [QueryParameter] {
        queryString.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            return QueryParameter(name: name, value: value)
        }
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
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
