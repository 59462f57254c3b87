/// A profile's rules as lookup tables, made once per engine.
struct CompiledRules: Sendable {
    /// The method of each path rule, by normalized path.
    let paths: [String: DeidentificationMethod]
    /// The method of each datatype rule, by datatype name.
    let datatypes: [String: DeidentificationMethod]
    /// The extensions that may pass.
    let extensionURLs: Set<String>
    /// The ZIP3 prefixes written `000`.
    let restrictedZIP3: Set<String>
    /// A code of a code system.
    struct Code: Hashable {
        var system: String
        var code: String
    }

    /// The Observation codes of ages.
    let ageObservationCodes: Set<Code>

    /// The tables of `rules`.
    init(_ rules: DeidentificationRules) {
        var paths: [String: DeidentificationMethod] = [:]
        var datatypes: [String: DeidentificationMethod] = [:]
        for rule in rules.rules {
            switch rule.selector {
            case .path(let path): paths[path] = rule.method
            case .datatype(let name): datatypes[name] = rule.method
            }
        }
        self.paths = paths
        self.datatypes = datatypes
        extensionURLs = Set(rules.extensionURLs)
        restrictedZIP3 = Set(rules.restrictedZIP3)
        ageObservationCodes = Set(rules.ageObservationCodes.map { Code(system: $0.system, code: $0.code) })
    }

    /// The method for an element: a path rule for its path (as written, or with choice stems),
    /// also from the bases of the type the path starts at (`Resource.id` for `Patient.id`);
    /// else the datatype rule of its type or the nearest base type with one; else nil (drop).
    func method(path: String, stemPath: String, root: String, rootBases: [String], datatype: String?, datatypeBases: [String]) -> DeidentificationMethod? {
        if let method = paths[path] ?? paths[stemPath] { return method }
        for base in rootBases {
            if let method = paths[base + path.dropFirst(root.count)] ?? paths[base + stemPath.dropFirst(root.count)] { return method }
        }
        guard let datatype else { return nil }
        for name in [datatype] + datatypeBases {
            if let method = datatypes[name] { return method }
        }
        return nil
    }
}
