public import FHIRModel
public import FHIRTerminology
public import Foundation

/// Turns the parameters of a search request into a ``SearchQuery``, checking each against the
/// ``SearchRegistry``.
///
/// Strict by default: an unknown parameter, an unsupported modifier or prefix, or a malformed
/// value throws a 400 ``FHIRError`` naming the parameter. With ``Handling/lenient`` an unknown
/// or unsupported parameter, modifier or prefix is left out and listed in
/// ``SearchQuery/ignored``; a malformed value is still refused.
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
    /// `conditions` are required before those of the parameters (and are part of the query's
    /// digest, so a page link cannot continue the search without them).
    public func parse(resourceType: String?, parameters: [QueryParameter], handling: Handling = .strict, conditions: [SearchCondition] = [], now: Date = Date()) throws(FHIRError) -> SearchQuery {
        do throws(SearchParameterProblem) {
            let scope = try scope(resourceType: resourceType, parameters: parameters)
            var query = SearchQuery(resourceTypes: scope.resourceTypes, isSystemLevel: scope.isSystemLevel, conditions: conditions, count: limits.defaultCount)
            var given: Set<String> = []
            var cursorText: String?
            for parameter in parameters {
                do throws(SearchParameterProblem) {
                    guard try apply(parameter, to: &query, scope: scope, given: &given, cursorText: &cursorText) else { continue }
                    if Self.baseName(of: parameter.name) != "_cursor" { query.linkParameters.append(parameter) }
                } catch {
                    guard error.kind == .unsupported, handling == .lenient else { throw error }
                    query.ignored.append(IgnoredParameter(name: parameter.name, reason: error.message))
                }
            }
            if let cursorText {
                query.cursor = try pageCursor(cursorText, query: query, now: now)
            }
            return query
        } catch {
            throw error.fhirError
        }
    }

    /// Parses the criteria of a conditional interaction (`If-None-Exist`, `PUT [type]?…`,
    /// `DELETE [type]?…`): search conditions only; result parameters are refused.
    public func parseConditions(resourceType: String, parameters: [QueryParameter]) throws(FHIRError) -> [SearchCondition] {
        do throws(SearchParameterProblem) {
            let scope = try scope(resourceType: resourceType, parameters: [])
            var conditions: [SearchCondition] = []
            for parameter in parameters {
                let baseName = Self.baseName(of: parameter.name)
                if baseName == "_format" || baseName == "_pretty" { continue }
                if baseName == "_type" || SearchRegistry.resultParameters.contains(baseName) {
                    throw .invalid(
                        "'\(parameter.name)' is not allowed in conditional criteria; give only search conditions such as identifier=…",
                        parameter: parameter.name
                    )
                }
                if let condition = try condition(of: parameter, scope: scope) {
                    conditions.append(condition)
                }
            }
            return conditions
        } catch {
            throw error.fhirError
        }
    }

    /// Applies one parameter to `query`; false when it was dropped for having no value.
    private func apply(_ parameter: QueryParameter, to query: inout SearchQuery, scope: SearchScope, given: inout Set<String>, cursorText: inout String?) throws(SearchParameterProblem) -> Bool {
        let name = parameter.name
        let baseName = Self.baseName(of: name)
        if baseName == "_type" {
            guard scope.isSystemLevel else {
                throw .invalid("'_type' is only for a search across types (GET [base]?_type=…); this search is of \(scope.resourceTypes.joined())", parameter: name)
            }
            return !SearchValueText.values(of: parameter.value).isEmpty
        }
        guard SearchRegistry.resultParameters.contains(baseName) else {
            guard let condition = try condition(of: parameter, scope: scope) else { return false }
            query.conditions.append(condition)
            return true
        }
        let value = parameter.value
        guard !SearchValueText.values(of: value).isEmpty else { return false }
        let modifier = name.count > baseName.count ? String(name.dropFirst(baseName.count + 1)) : nil
        if let modifier, baseName != "_include", baseName != "_revinclude" {
            throw .unsupported("The modifier ':\(modifier)' is not supported on '\(baseName)'", parameter: name)
        }
        if Self.singleResultParameters.contains(baseName) {
            guard given.insert(baseName).inserted else {
                throw .invalid("'\(baseName)' may be given only once", parameter: name)
            }
        }
        switch baseName {
        case "_count": query.count = try pageSize(value, written: name)
        case "_sort": query.sort = try sortKeys(value, scope: scope, written: name)
        case "_total": query.total = try totalMode(value, written: name)
        case "_summary": query.summary = try summaryMode(value, written: name)
        case "_elements": query.elements = try elementNames(value, written: name)
        case "_include": query.includes += try includeDirectives(value, modifier: modifier, reverse: false, scope: scope, written: name)
        case "_revinclude": query.revIncludes += try includeDirectives(value, modifier: modifier, reverse: true, scope: scope, written: name)
        case "_cursor": cursorText = value
        default: break
        }
        return true
    }

    /// The condition of one parameter; nil when it has no value.
    private func condition(of parameter: QueryParameter, scope: SearchScope) throws(SearchParameterProblem) -> SearchCondition? {
        let name = parameter.name
        let values = SearchValueText.values(of: parameter.value)
        guard !values.isEmpty else { return nil }
        guard values.count <= limits.maximumValuesPerParameter else {
            throw .invalid(
                "'\(name)' has \(values.count) values; at most \(limits.maximumValuesPerParameter) may be combined with commas",
                parameter: name,
                issueType: .tooCostly
            )
        }
        let conditionName = try SearchConditionName(parsing: name)
        if scope.coversAllTypes {
            guard case .parameter(let code, _) = conditionName, SearchScope.commonParameters.contains(code) else {
                throw .unsupported(
                    "'\(name)' cannot be searched across all types; only \(SearchScope.commonParameters.joined(separator: ", ")) apply to every type, or name the types with _type",
                    parameter: name
                )
            }
        }
        return try condition(conditionName, values: values, written: name, on: scope.conditionTypes)
    }
}
