/// The query of a granular scope: `name=value` pairs that a resource must all match.
///
/// Several granular scopes on the same resource type and permission combine as a union: a
/// resource is reachable when it matches every pair of at least one of them.
///
/// ```swift
/// let scope = try ResourceScope(parsing: "patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory")
/// scope.query?.parameters   // [category = http://terminology.hl7.org/CodeSystem/observation-category|laboratory]
/// ```
public struct ScopeQuery: Sendable, Hashable, CustomStringConvertible {
    /// The pairs, sorted by name and value, without repeats. Never empty.
    public let parameters: [ScopeParameter]

    /// A query of these pairs; nil when there are none (a scope without a query is unrestricted).
    public init?(_ parameters: some Sequence<ScopeParameter>) {
        let sorted = Set(parameters).sorted()
        guard !sorted.isEmpty else { return nil }
        self.parameters = sorted
    }

    /// The parameters starting with `_` that a scope may restrict by; every other one is refused.
    public static let allowedCommonParameters: Set<String> = ["_id", "_lastUpdated", "_profile", "_security", "_source", "_tag"]

    /// Parameters that shape a search result rather than select resources.
    static let resultParameters: Set<String> = [
        "_count", "_sort", "_total", "_summary", "_elements", "_contained", "_containedType", "_cursor", "_format", "_pretty",
    ]

    /// Whether every resource matching this query matches `other` too (this has all of its pairs).
    public func isNarrower(than other: ScopeQuery) -> Bool {
        Set(other.parameters).isSubset(of: parameters)
    }

    /// The query a resource matches when it matches both this and `other`.
    func conjunction(_ other: ScopeQuery) -> ScopeQuery {
        ScopeQuery(parameters: Set(parameters).union(other.parameters).sorted())
    }

    private init(parameters: [ScopeParameter]) {
        self.parameters = parameters
    }

    /// The pairs joined by `&`, percent-encoded where needed.
    public var queryText: String {
        parameters.map(\.queryText).joined(separator: "&")
    }

    /// ``queryText``.
    public var description: String {
        queryText
    }

    /// The query after the `?` of `scope`; throws for anything Kiln cannot enforce.
    static func parse(_ text: Substring, scope: String) throws(ScopeError) -> ScopeQuery {
        guard !text.isEmpty else { throw .malformedQuery(scope: scope, reason: "nothing follows '?'") }
        var parameters: [ScopeParameter] = []
        for pair in text.split(separator: "&", omittingEmptySubsequences: false) {
            parameters.append(try parameter(pair, scope: scope))
        }
        return ScopeQuery(parameters: Set(parameters).sorted())
    }

    private static func parameter(_ pair: Substring, scope: String) throws(ScopeError) -> ScopeParameter {
        guard !pair.isEmpty else { throw .malformedQuery(scope: scope, reason: "an empty pair between '&'s") }
        guard let equals = pair.firstIndex(of: "=") else {
            throw .malformedQuery(scope: scope, reason: "'\(pair)' has no '='")
        }
        let rawName = pair[..<equals]
        let rawValue = pair[pair.index(after: equals)...]
        guard !rawValue.contains("=") else {
            throw .malformedQuery(scope: scope, reason: "'\(pair)' has more than one '='; write an '=' inside a value as %3D")
        }
        guard let name = PercentEncoding.decode(rawName), let value = PercentEncoding.decode(rawValue) else {
            throw .malformedQuery(scope: scope, reason: "'\(pair)' has a '%' that is not followed by two hex digits of UTF-8 text")
        }
        guard !name.isEmpty else { throw .emptyParameterName(scope: scope) }
        try checkName(name, scope: scope)
        guard !value.isEmpty else { throw .emptyParameterValue(scope: scope, name: name) }
        return ScopeParameter(name: name, value: value)
    }

    /// Refuses chains, modifiers, `_has`, includes, result parameters and odd names.
    private static func checkName(_ name: String, scope: String) throws(ScopeError) {
        if name.hasPrefix("_has") { throw .reverseChain(scope: scope, name: name) }
        let base = name.prefix { $0 != ":" && $0 != "." }
        if base == "_include" || base == "_revinclude" { throw .includeParameter(scope: scope, name: name) }
        if name.contains(".") { throw .chainedParameter(scope: scope, name: name) }
        if name.contains(":") { throw .modifiedParameter(scope: scope, name: name) }
        if name.hasPrefix("_") {
            if resultParameters.contains(name) { throw .resultParameter(scope: scope, name: name) }
            guard allowedCommonParameters.contains(name) else { throw .unsupportedParameter(scope: scope, name: name) }
            return
        }
        guard let first = name.unicodeScalars.first, first.isASCIILetter,
              name.unicodeScalars.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || $0 == "-" })
        else {
            throw .malformedQuery(scope: scope, reason: "'\(name)' is not a search parameter name (letters, digits and '-')")
        }
    }
}
