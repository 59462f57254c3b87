import FHIRDefinitions

/// What one validation (and the trial validations it starts for slicing) looks up again and
/// again, remembered for the run so shared caches and their locks are asked once per item.
final class RunMemo {
    var definitions: [String: StructureDefinition?] = [:]
    var indexes: [String: SnapshotIndex] = [:]
    var resourceTypes: [String: Bool] = [:]
    var codes: [String: CodeCheck] = [:]
}

extension ValidationRun {
    /// The definition with this canonical URL.
    func definition(url: String) -> StructureDefinition? {
        if let known = memo.definitions[url] { return known }
        let found = validator.definitions.definition(url: url)
        memo.definitions[url] = found
        return found
    }

    /// The base definition of a type, such as `Patient` or `HumanName`.
    func definition(forType typeName: String) -> StructureDefinition? {
        definition(url: typeName.contains(":") ? typeName : "http://hl7.org/fhir/StructureDefinition/" + typeName)
    }

    /// The snapshot index of a definition.
    func index(of definition: StructureDefinition) -> SnapshotIndex {
        let key = definition.url + "|" + (definition.version ?? "")
        if let known = memo.indexes[key], known.definition.snapshot.count == definition.snapshot.count { return known }
        let index = validator.cache.index(of: definition)
        memo.indexes[key] = index
        return index
    }

    /// Whether `typeName` is a resource type.
    func isResource(_ typeName: String) -> Bool {
        if let known = memo.resourceTypes[typeName] { return known }
        let answer = validator.isResource(typeName)
        memo.resourceTypes[typeName] = answer
        return answer
    }

    /// The terminology's answer for a code; nil when the validator has no terminology.
    func checkCode(_ code: String, system: String?, display: String?, valueSet: String?) -> CodeCheck? {
        guard let terminology = validator.terminology else { return nil }
        let key = "\(system ?? "")\u{1}\(code)\u{1}\(display ?? "")\u{1}\(valueSet ?? "")"
        if let known = memo.codes[key] { return known }
        let answer = terminology.check(code: code, system: system, display: display, valueSet: valueSet)
        memo.codes[key] = answer
        return answer
    }
}
