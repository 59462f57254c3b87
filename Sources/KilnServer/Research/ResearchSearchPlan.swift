public import FHIRSearch

/// What the research view will run for an accepted search: each parameter, unchanged or with
/// its pseudonyms to be turned back into the stored ids, and the types searched.
///
/// ``ResearchSearchPolicy/plan(resourceType:parameters:referenceYear:)`` makes it; the router
/// resolves each ``ResearchPseudonym`` and hands ``parameters(resolving:)`` to the ordinary
/// search parser:
///
/// ```swift
/// let query = try plan.parameters { pseudonym in try translator.id(of: pseudonym) }
/// ```
public struct ResearchSearchPlan: Sendable, Hashable {
    /// The resource types the search may return: the one searched, the served types of `_type`,
    /// or every served type for a system search without `_type`.
    public var resourceTypes: [String]
    /// Whether it is a system search (`GET [base]?…`).
    public var isSystemLevel: Bool
    /// The parameters, in the order given.
    public var parameters: [ResearchPlannedParameter]

    /// A plan.
    public init(resourceTypes: [String], isSystemLevel: Bool, parameters: [ResearchPlannedParameter]) {
        self.resourceTypes = resourceTypes
        self.isSystemLevel = isSystemLevel
        self.parameters = parameters
    }

    /// Every pseudonym the parameters carry, in order, for resolving in one go.
    public var pseudonyms: [ResearchPseudonym] {
        parameters.flatMap { planned -> [ResearchPseudonym] in
            switch planned.handling {
            case .unchanged: []
            case .references(let values), .ids(let values): values
            }
        }
    }

    /// The parameters to search with: unchanged ones as given, translated ones with each
    /// pseudonym replaced by the id `resolve` gives for it (`Type/id` for a reference, `id` for
    /// `_id`); a system search without `_type` gets `_type` of the served types, so that it never
    /// reaches another type.
    public func parameters<Failure: Error>(resolving resolve: (ResearchPseudonym) throws(Failure) -> String) throws(Failure) -> [QueryParameter] {
        var result: [QueryParameter] = []
        for planned in parameters {
            switch planned.handling {
            case .unchanged:
                result.append(planned.parameter)
            case .references(let values):
                var resolved: [String] = []
                for value in values { resolved.append(value.resourceType + "/" + (try resolve(value))) }
                result.append(QueryParameter(name: planned.parameter.name, value: resolved.joined(separator: ",")))
            case .ids(let values):
                var resolved: [String] = []
                for value in values { resolved.append(try resolve(value)) }
                result.append(QueryParameter(name: planned.parameter.name, value: resolved.joined(separator: ",")))
            }
        }
        if isSystemLevel, !parameters.contains(where: { $0.parameter.name == "_type" }) {
            result.append(QueryParameter(name: "_type", value: resourceTypes.joined(separator: ",")))
        }
        return result
    }
}

/// One parameter of a ``ResearchSearchPlan``.
public struct ResearchPlannedParameter: Sendable, Hashable {
    /// What the router does with the parameter's values.
    public enum Handling: Sendable, Hashable {
        /// The parameter passes as it was given (`code`, `_count`, `_cursor`, `_include`, …).
        case unchanged
        /// A reference parameter: every value is a pseudonym, to become `Type/id`.
        case references([ResearchPseudonym])
        /// `_id`: every value is a pseudonym of the searched type, to become its id.
        case ids([ResearchPseudonym])
    }

    /// The parameter as given.
    public var parameter: QueryParameter
    /// What to do with it.
    public var handling: Handling

    /// A planned parameter.
    public init(parameter: QueryParameter, handling: Handling) {
        self.parameter = parameter
        self.handling = handling
    }
}

/// A pseudonym in a search value and the type it must be a pseudonym of.
public struct ResearchPseudonym: Sendable, Hashable {
    /// The resource type: named in the value (`Patient/…`), by a `:Type` modifier, by the
    /// parameter's one served target, or the searched type for `_id`.
    public var resourceType: String
    /// The pseudonym as written.
    public var pseudonym: String

    /// A pseudonym of `resourceType`.
    public init(resourceType: String, pseudonym: String) {
        self.resourceType = resourceType
        self.pseudonym = pseudonym
    }
}
