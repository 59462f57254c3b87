public import FHIRModel

/// A ValueSet as the terminology service uses it: its compose and any explicit expansion.
public struct ValueSetDefinition: Sendable {
    /// One `compose.include` or `compose.exclude`.
    public struct ConceptSet: Sendable {
        /// The code system, if any.
        public var system: String?
        /// The code system version, if stated.
        public var version: String?
        /// Concepts listed by code.
        public var concepts: [ListedConcept]
        /// Filters, all of which a concept must pass.
        public var filters: [Filter]
        /// Value sets whose intersection the codes must also be in.
        public var valueSets: [String]
    }

    /// A concept listed in a ConceptSet.
    public struct ListedConcept: Sendable {
        /// The code.
        public var code: String
        /// The display the value set gives, if any.
        public var display: String?
        /// Designations given in the value set.
        public var designations: [ConceptDesignation]
    }

    /// A `compose.include.filter`.
    public struct Filter: Sendable {
        /// The property filtered on (`concept`, `code`, `display`, or a property code).
        public var property: String
        /// The operator: `is-a`, `descendent-of`, `is-not-a`, `generalizes`, `=`, `regex`, `in`, `not-in`, `exists`.
        public var op: String
        /// The value.
        public var value: String
    }

    /// One code of an explicit expansion.
    public struct ExpansionCode: Sendable {
        /// The system.
        public var system: String?
        /// The version.
        public var version: String?
        /// The code.
        public var code: String
        /// The display.
        public var display: String?
        /// Whether it is abstract.
        public var isAbstract: Bool
    }

    /// The canonical URL (without version).
    public var url: String?
    /// The version.
    public var version: String?
    /// The name.
    public var name: String?
    /// The title.
    public var title: String?
    /// The status.
    public var status: String?
    /// The includes.
    public var include: [ConceptSet]
    /// The excludes.
    public var exclude: [ConceptSet]
    /// Whether the value set has a compose at all.
    public var hasCompose: Bool
    /// The codes of an explicit `expansion`, flattened; nil when there is none.
    public var expansion: [ExpansionCode]?

    /// Reads a ValueSet resource.
    public init(valueSet resource: JSONValue) throws(TerminologyError) {
        guard resource["resourceType"]?.stringValue == "ValueSet" else {
            throw TerminologyError(.invalid, "Expected a ValueSet resource, not \(resource["resourceType"]?.stringValue ?? "a JSON \(resource.kindName)")")
        }
        url = resource["url"]?.stringValue.map { CanonicalReference($0).url }
        version = resource["version"]?.stringValue
        name = resource["name"]?.stringValue
        title = resource["title"]?.stringValue
        status = resource["status"]?.stringValue
        let compose = resource["compose"]
        hasCompose = compose?.objectValue != nil
        include = try Self.conceptSets(compose?["include"], in: "include")
        exclude = try Self.conceptSets(compose?["exclude"], in: "exclude")
        if let contains = resource["expansion"]?["contains"]?.arrayValue {
            var codes: [ExpansionCode] = []
            Self.flatten(contains, into: &codes)
            expansion = codes
        } else {
            expansion = nil
        }
        if !hasCompose && expansion == nil {
            throw TerminologyError(.invalid, "ValueSet \(url ?? "(without url)") has neither a compose nor an expansion, so its codes are unknown")
        }
    }

    private static func conceptSets(_ json: JSONValue?, in part: String) throws(TerminologyError) -> [ConceptSet] {
        var result: [ConceptSet] = []
        for item in json?.arrayValue ?? [] {
            let concepts = (item["concept"]?.arrayValue ?? []).compactMap { concept -> ListedConcept? in
                guard let code = concept["code"]?.stringValue else { return nil }
                return ListedConcept(
                    code: code, display: concept["display"]?.stringValue,
                    designations: (concept["designation"]?.arrayValue ?? []).compactMap(CodeSystemIndex.designation)
                )
            }
            var filters: [Filter] = []
            for filter in item["filter"]?.arrayValue ?? [] {
                guard let property = filter["property"]?.stringValue, let op = filter["op"]?.stringValue, let value = filter["value"]?.stringValue else {
                    throw TerminologyError(.invalid, "Every compose.\(part).filter needs a property, an op and a value")
                }
                filters.append(Filter(property: property, op: op, value: value))
            }
            let valueSets = (item["valueSet"]?.arrayValue ?? []).compactMap(\.stringValue)
            let system = item["system"]?.stringValue
            if system == nil && valueSets.isEmpty {
                throw TerminologyError(.invalid, "Every compose.\(part) needs a system or a valueSet")
            }
            if system == nil && (!concepts.isEmpty || !filters.isEmpty) {
                throw TerminologyError(.invalid, "A compose.\(part) that lists concepts or filters needs a system")
            }
            result.append(ConceptSet(system: system, version: item["version"]?.stringValue, concepts: concepts, filters: filters, valueSets: valueSets))
        }
        return result
    }

    private static func flatten(_ contains: [JSONValue], into codes: inout [ExpansionCode]) {
        for item in contains {
            if let code = item["code"]?.stringValue {
                codes.append(ExpansionCode(
                    system: item["system"]?.stringValue, version: item["version"]?.stringValue, code: code,
                    display: item["display"]?.stringValue, isAbstract: item["abstract"]?.boolValue ?? false
                ))
            }
            if let nested = item["contains"]?.arrayValue { flatten(nested, into: &codes) }
        }
    }
}
