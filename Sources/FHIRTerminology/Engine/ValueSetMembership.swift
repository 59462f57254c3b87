import UCUM

/// Answers "is this code in this value set?" from the value set's compose, without expanding it,
/// so a value set over all of ICD-10-CM or LOINC answers at once.
struct ValueSetMembership {
    let registry: TerminologyRegistry

    /// Whether `code` of `system` is a code of the system.
    func codeSystemMembership(system: String, code: String) -> Membership {
        switch registry.codeSystem(system) {
        case nil:
            return .unknown("The code system \(system) is not known to Kiln, so the code '\(code)' cannot be checked")
        case .notShipped(let name):
            return .unknown("\(name) (\(system)) is not shipped with Kiln, so the code '\(code)' cannot be checked")
        case .ucum:
            if let error = UCUMSystem.shared.validate(code) {
                return .notMember("'\(code)' is not a valid UCUM unit: \(error.message)")
            }
            return .member
        case .index(let index):
            return index.membership(of: code)
        }
    }

    /// Whether `code` of `system` is in `valueSet`.
    func membership(system: String, code: String, in valueSet: ValueSetDefinition, depth: Int = 0) -> Membership {
        let name = valueSet.url ?? valueSet.name ?? "the value set"
        guard depth <= TerminologyLimits.maximumImportDepth else {
            return .unknown("The value set imports of \(name) nest deeper than \(TerminologyLimits.maximumImportDepth) levels (a cycle?)")
        }
        if !valueSet.hasCompose, let expansion = valueSet.expansion {
            let found = expansion.contains { $0.code == code && ($0.system == nil || $0.system == system) }
            return found ? .member : .notMember("The code '\(code)' from \(system) is not in the value set \(name)")
        }
        var included: Membership = .notMember("The code '\(code)' from \(system) is not in the value set \(name)")
        for set in valueSet.include {
            switch conceptSetMembership(set, system: system, code: code, depth: depth) {
            case .member:
                included = .member
            case .unknown(let reason):
                if !included.isMember { included = .unknown(reason) }
            case .notMember:
                break
            }
            if included.isMember { break }
        }
        guard included.isMember else { return included }
        for set in valueSet.exclude {
            switch conceptSetMembership(set, system: system, code: code, depth: depth) {
            case .member:
                return .notMember("The code '\(code)' from \(system) is excluded from the value set \(name)")
            case .unknown(let reason):
                return .unknown(reason)
            case .notMember:
                continue
            }
        }
        return .member
    }

    /// Whether `code` of `system` is in one include or exclude.
    func conceptSetMembership(_ set: ValueSetDefinition.ConceptSet, system: String, code: String, depth: Int) -> Membership {
        let missing = Membership.notMember("The code '\(code)' from \(system) is not in the value set")
        if let setSystem = set.system {
            guard CanonicalReference(setSystem).url == system else { return missing }
            let inSystem = systemPartMembership(set, system: system, code: code)
            guard inSystem.isMember else { return inSystem }
        }
        for url in set.valueSets {
            guard let imported = registry.valueSet(url) else {
                return .unknown("The value set \(url) is not known to Kiln, so membership cannot be checked")
            }
            let result = membership(system: system, code: code, in: imported, depth: depth + 1)
            guard result.isMember else { return result }
        }
        return .member
    }

    /// The system part of an include: listed concepts, filters, or the whole system.
    private func systemPartMembership(_ set: ValueSetDefinition.ConceptSet, system: String, code: String) -> Membership {
        let missing = Membership.notMember("The code '\(code)' from \(system) is not in the value set")
        let source = registry.codeSystem(system)
        if !set.concepts.isEmpty {
            let caseSensitive = source?.index?.caseSensitive ?? true
            let listed = set.concepts.contains { caseSensitive ? $0.code == code : $0.code.lowercased() == code.lowercased() }
            return listed ? .member : missing
        }
        if set.filters.isEmpty { return codeSystemMembership(system: system, code: code) }
        guard let index = source?.index else {
            return .unknown("The value set filters on \(system), which Kiln does not ship, so membership of '\(code)' cannot be checked")
        }
        guard let position = index.position(of: code) else { return index.membership(of: code) }
        for filter in set.filters {
            guard let prepared = try? ConceptFilter(filter, over: index) else {
                return .unknown("The value set uses the filter \(filter.property) \(filter.op) \(filter.value), which Kiln cannot evaluate")
            }
            if !prepared.matches(position) { return missing }
        }
        return .member
    }

    /// The systems a value set draws codes from, for a code given without one.
    func systems(of valueSet: ValueSetDefinition, depth: Int = 0) -> Set<String> {
        guard depth <= TerminologyLimits.maximumImportDepth else { return [] }
        var result = Set<String>()
        if !valueSet.hasCompose {
            for code in valueSet.expansion ?? [] { if let system = code.system { result.insert(system) } }
        }
        for set in valueSet.include {
            if let system = set.system {
                result.insert(CanonicalReference(system).url)
            } else {
                for url in set.valueSets {
                    if let imported = registry.valueSet(url) { result.formUnion(systems(of: imported, depth: depth + 1)) }
                }
            }
        }
        return result
    }
}
