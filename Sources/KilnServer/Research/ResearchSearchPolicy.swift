import FHIRDefinitions
public import FHIRDeidentify
public import FHIRSearch
import Foundation

/// Which searches the research view runs: an allowlist of parameters, modifiers and values that
/// reach only what the project's profile serves unchanged, failing closed.
///
/// A parameter is accepted only when the elements its path reaches are kept by the profile's
/// rules (decided the way the engine decides them) and its kind is one the view can search
/// without revealing what was removed: token (never identifiers, telecom or `:text`), quantity,
/// number, composite of those, reference (whose values are pseudonyms) and date at the precision
/// the profile keeps. Strings, URIs, full text, `_filter`, `_list`, `_query`, `_source`, unknown
/// parameters and unknown modifiers are refused. A refused search names every refused parameter
/// (``ResearchSearchRefusal``); an accepted one is a ``ResearchSearchPlan`` saying which values
/// are pseudonyms to translate.
///
/// ```swift
/// let policy = ResearchSearchPolicy(rules: safeHarbor, registry: registry)
/// try policy.plan(resourceType: "Patient", parameters: QueryParameter.parse("birthdate=1968"), referenceYear: 2025)    // accepted
/// try policy.plan(resourceType: "Patient", parameters: QueryParameter.parse("birthdate=1968-11-02"), referenceYear: 2025) // refused
/// ```
public struct ResearchSearchPolicy: Sendable {
    /// The project's profile.
    public let rules: DeidentificationRules
    /// The server's search parameters.
    public let registry: SearchRegistry
    /// The resource types the view serves, sorted: the profile's, never one of
    /// ``DeidentificationEngine/neverServedTypes``.
    public let servedTypes: [String]
    let reach: ResearchElementReach

    /// The result parameters that pass unchanged (the router suppresses small counts and
    /// handles `_cursor`; `_summary` and `_elements` only cut the engine's output further).
    public static let unchangedResultParameters: Set<String> = ["_count", "_total", "_summary", "_elements", "_format", "_pretty", "_cursor"]

    /// Parameters refused by name whatever the registry says of them, with why.
    public static let refusedParameters: [String: String] = [
        "_text": "full-text search reaches the narrative, which is removed",
        "_content": "full-text search reaches every string of the resource",
        "_filter": "_filter can reach any element",
        "_list": "lists are not served",
        "_query": "named queries are not served",
        "_source": "meta.source is removed",
        "_profile": "meta.profile is removed",
        "identifier": "identifiers are removed",
        "telecom": "telecom is removed",
        "phone": "telecom is removed",
        "email": "telecom is removed",
        "name": "names are removed",
        "family": "names are removed",
        "given": "names are removed",
        "phonetic": "names are removed",
        "address": "addresses are reduced to state and ZIP3",
    ]

    /// A policy for `rules` over `registry`, serving `servedTypes` (by default the profile's
    /// types); types the profile does not serve, never-served types and types the server does
    /// not have are left out whatever is given.
    public init(rules: DeidentificationRules, registry: SearchRegistry, servedTypes: [String]? = nil) {
        self.rules = rules
        self.registry = registry
        let model = registry.catalog.typeModel
        self.servedTypes = Set(servedTypes ?? rules.resourceTypes)
            .filter { rules.serves($0) && model.isResourceType($0) && !DeidentificationEngine.neverServedTypes.contains($0) }
            .sorted()
        self.reach = ResearchElementReach(rules: rules, model: model)
    }

    /// The plan for a search of `resourceType` (nil for a system search) with `parameters`, or
    /// every reason it is refused. `referenceYear` is the year the engine de-identifies against
    /// (this year): under a profile with a maximum age, a date more than that many years before
    /// it is removed from what is served, so searching for it is refused too.
    public func plan(resourceType: String?, parameters: [QueryParameter], referenceYear: Int) throws(ResearchSearchRefusal) -> ResearchSearchPlan {
        var refused: [ResearchSearchRefusal.Item] = []
        var scope: [String]
        if let resourceType {
            scope = [resourceType]
            if !servedTypes.contains(resourceType) {
                refused.append(.init(parameter: resourceType, written: resourceType, reason: "the research view does not serve \(resourceType)"))
            }
        } else {
            let named = parameters.filter { $0.name == "_type" }.flatMap { Self.values(of: $0.value) }
            scope = named.isEmpty ? servedTypes : named.filter(servedTypes.contains)
        }
        var planned: [ResearchPlannedParameter] = []
        for parameter in parameters {
            do throws(ParameterRefusal) {
                let handling = try handling(of: parameter, scope: scope, isSystemLevel: resourceType == nil, referenceYear: referenceYear)
                planned.append(ResearchPlannedParameter(parameter: parameter, handling: handling))
            } catch {
                let written = error.showsValue ? "\(parameter.name)=\(parameter.value)" : parameter.name
                refused.append(.init(parameter: parameter.name, written: written, reason: error.reason))
            }
        }
        if !refused.isEmpty { throw ResearchSearchRefusal(items: refused) }
        scope = scope.isEmpty ? servedTypes : scope
        return ResearchSearchPlan(resourceTypes: scope, isSystemLevel: resourceType == nil, parameters: planned)
    }

    /// The parameters of `resourceType` the view accepts, in the specification's order: those a
    /// search may use as conditions (with values the policy accepts); a reference parameter only
    /// when it may refer to a served type. Empty for a type not served.
    public func allowedParameters(for resourceType: String) -> [SupportedSearchParameter] {
        guard servedTypes.contains(resourceType) else { return [] }
        return registry.supportedParameters(for: resourceType).filter { parameter in
            if parameter.code == "_id" { return true }
            if parameter.type == .reference, !parameter.targets.contains(where: servedTypes.contains) { return false }
            do throws(ParameterRefusal) {
                _ = try condition(.parameter(code: parameter.code, modifier: nil), values: [], on: resourceType, chained: false, referenceYear: nil)
                return true
            } catch {
                return false
            }
        }
    }

    /// What the plan does with one parameter; throws why it is refused.
    private func handling(of parameter: QueryParameter, scope: [String], isSystemLevel: Bool, referenceYear: Int) throws(ParameterRefusal) -> ResearchPlannedParameter.Handling {
        let name = parameter.name
        let values = Self.values(of: parameter.value)
        let base = String(name.prefix { $0 != ":" && $0 != "." })
        let modifier = name.count > base.count && name.dropFirst(base.count).first == ":" ? String(name.dropFirst(base.count + 1)) : nil
        if Self.unchangedResultParameters.contains(base) {
            if let modifier { throw ParameterRefusal("the modifier :\(modifier) is not accepted on \(base)") }
            return .unchanged
        }
        switch base {
        case "_type":
            guard isSystemLevel else { throw ParameterRefusal("_type is only for a search across types") }
            if let modifier { throw ParameterRefusal("the modifier :\(modifier) is not accepted on _type") }
            for value in values where !servedTypes.contains(value) {
                throw ParameterRefusal("the research view does not serve \(value)", showsValue: true)
            }
            return .unchanged
        case "_sort":
            if let modifier { throw ParameterRefusal("the modifier :\(modifier) is not accepted on _sort") }
            try checkSort(values, scope: scope)
            return .unchanged
        case "_include", "_revinclude":
            try checkIncludes(values, reverse: base == "_revinclude", modifier: modifier)
            return .unchanged
        case "_id" where name == "_id":
            guard scope.count == 1, let type = scope.first else {
                throw ParameterRefusal("_id values are pseudonyms of one type; search one type")
            }
            return .ids(try values.map { (value) throws(ParameterRefusal) in ResearchPseudonym(resourceType: type, pseudonym: try Self.pseudonym(value)) })
        default:
            let conditionName = try ResearchConditionName(parsing: name)
            var found: [ResearchPseudonym]?
            for type in scope {
                let pseudonyms = try condition(conditionName, values: values, on: type, chained: false, referenceYear: referenceYear)
                if found != nil, found != pseudonyms { throw ParameterRefusal("its values name different types on the types searched") }
                found = pseudonyms
            }
            return found.map { .references($0) } ?? .unchanged
        }
    }

    /// The comma-separated values of a parameter, empty ones left out.
    static func values(of text: String) -> [String] {
        text.split(separator: ",").map(String.init)
    }

    /// The profile's short name for messages: its title before any parenthesis (`HIPAA Safe Harbor`).
    var profileName: String {
        let short = rules.title.split(separator: "(", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return short.isEmpty ? rules.name : short
    }
}

/// Why one parameter is refused, and whether the message should show its value.
struct ParameterRefusal: Error, Sendable, Hashable {
    /// Why, for a person.
    var reason: String
    /// Whether the value, not the name, is what is refused (`birthdate=1968-11-02`).
    var showsValue: Bool

    /// A refusal.
    init(_ reason: String, showsValue: Bool = false) {
        self.reason = reason
        self.showsValue = showsValue
    }
}
