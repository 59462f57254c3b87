/// One `name=value` pair of a granular scope's query, percent-decoded.
///
/// The pair means what the same pair means in a FHIR search of the scope's resource type:
/// `category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory` matches
/// Observations with that category; a comma in the value means OR, as in a search.
public struct ScopeParameter: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The search parameter name, e.g. `category`; never chained, modified or a result parameter.
    public let name: String
    /// The search value, decoded, e.g. `http://terminology.hl7.org/CodeSystem/observation-category|laboratory`.
    public let value: String

    /// A pair. The name is not checked here; a pair parsed from a scope always passed the checks.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// `name=value`, percent-encoded where needed, as a query spells it.
    public var queryText: String {
        "\(PercentEncoding.encode(name))=\(PercentEncoding.encode(value))"
    }

    /// ``queryText``.
    public var description: String {
        queryText
    }

    /// By name, then value.
    public static func < (lhs: ScopeParameter, rhs: ScopeParameter) -> Bool {
        (lhs.name, lhs.value) < (rhs.name, rhs.value)
    }
}
