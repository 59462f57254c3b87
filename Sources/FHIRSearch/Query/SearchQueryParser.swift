public import FHIRModel
public import FHIRTerminology
public import Foundation

/// Turns the parameters of a search request into a ``SearchQuery``, checking each against the
/// ``SearchRegistry``.
///
/// Strict by default: an unknown parameter, an unsupported modifier or prefix, or a malformed
/// value throws a 400 ``FHIRError`` naming the parameter. With ``Handling/lenient`` such a
/// parameter is left out and listed in ``SearchQuery/ignored``.
public struct SearchQueryParser: Sendable {
    /// How to treat parameters that cannot be honoured (`Prefer: handling=…`).
    public enum Handling: String, Sendable, Hashable {
        /// Refuse the search (400).
        case strict
        /// Ignore the parameter and report it.
        case lenient
    }

    /// The supported parameters.
    public let registry: SearchRegistry
    /// Resolves `:in`, `:not-in`, `:above` and `:below` into code lists; nil refuses them.
    public let terminology: TerminologyService?
    /// The server's base URL: absolute references under it become type and id.
    public let baseURL: String
    /// Page sizes, cursor lifetime and other limits.
    public let limits: SearchLimits

    /// A parser.
    public init(registry: SearchRegistry, terminology: TerminologyService?, baseURL: String, limits: SearchLimits = SearchLimits()) {
        self.registry = registry
        self.terminology = terminology
        self.baseURL = baseURL
        self.limits = limits
    }

    /// Parses a search of `resourceType` (nil for a system-level search, where `_type` names the
    /// types) from its decoded query parameters.
    public func parse(resourceType: String?, parameters: [QueryParameter], handling: Handling = .strict, now: Date = Date()) throws(FHIRError) -> SearchQuery {
        throw FHIRError.badRequest("search is not implemented yet")
    }

    /// Parses the criteria of a conditional interaction (`If-None-Exist`, `PUT [type]?…`,
    /// `DELETE [type]?…`): search conditions only; result parameters are refused.
    public func parseConditions(resourceType: String, parameters: [QueryParameter]) throws(FHIRError) -> [SearchCondition] {
        throw FHIRError.badRequest("search is not implemented yet")
    }
}
