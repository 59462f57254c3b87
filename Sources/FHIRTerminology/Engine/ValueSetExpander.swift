/// Lists the codes of a value set: includes (listed concepts, filters, whole systems, imports)
/// less excludes, narrowed by a text filter, with a page taken at the end.
struct ValueSetExpander {
    let registry: TerminologyRegistry
    let options: ExpansionOptions
    private let terms: [String]

    init(registry: TerminologyRegistry, options: ExpansionOptions) {
        self.registry = registry
        self.options = options
        self.terms = (options.filter ?? "").lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// The expansion of `valueSet`.
    func expand(_ valueSet: ValueSetDefinition) throws(TerminologyError) -> ValueSetExpansion {
        let codes = try codes(of: valueSet, depth: 0, applyTextFilter: true)
        let limit = TerminologyLimits.maximumExpansionSize
        if options.count == nil && codes.count > limit {
            throw TerminologyError(.tooCostly, "The expansion of \(valueSet.url ?? "the value set") has \(codes.count) codes, more than the limit of \(limit); narrow it with filter or page it with count and offset")
        }
        let offset = max(0, options.offset)
        let count = min(max(0, options.count ?? limit), limit)
        let page = offset < codes.count ? Array(codes[offset..<min(codes.count, offset + count)]) : []
        return ValueSetExpansion(
            url: valueSet.url, version: valueSet.version, name: valueSet.name, title: valueSet.title, status: valueSet.status,
            total: codes.count, offset: offset, options: options, contains: page
        )
    }

    private func codes(of valueSet: ValueSetDefinition, depth: Int, applyTextFilter: Bool) throws(TerminologyError) -> [ValueSetExpansion.Code] {
        guard depth <= TerminologyLimits.maximumImportDepth else {
            throw TerminologyError(.invalid, "The value set imports of \(valueSet.url ?? "the value set") nest deeper than \(TerminologyLimits.maximumImportDepth) levels (a cycle?)")
        }
        if !valueSet.hasCompose, let expansion = valueSet.expansion {
            return expansion.compactMap { code in
                guard let system = code.system, accepts(code.code, code.display, applyTextFilter), !(options.excludeAbstract && code.isAbstract) else { return nil }
                return ValueSetExpansion.Code(system: system, version: code.version, code: code.code, display: code.display, isAbstract: code.isAbstract, designations: [])
            }
        }
        var result: [ValueSetExpansion.Code] = []
        var seen = Set<String>()
        let membership = ValueSetMembership(registry: registry)
        for set in valueSet.include {
            for code in try codes(of: set, depth: depth, applyTextFilter: applyTextFilter) {
                guard seen.insert("\(code.system)|\(code.code)").inserted else { continue }
                let excluded = valueSet.exclude.contains { exclude in
                    membership.conceptSetMembership(exclude, system: code.system, code: code.code, depth: depth).isMember
                }
                if !excluded { result.append(code) }
            }
        }
        return result
    }

    private func codes(of set: ValueSetDefinition.ConceptSet, depth: Int, applyTextFilter: Bool) throws(TerminologyError) -> [ValueSetExpansion.Code] {
        var codes: [ValueSetExpansion.Code]
        if let system = set.system {
            codes = try systemCodes(set, system: CanonicalReference(system).url, applyTextFilter: applyTextFilter)
        } else {
            guard let first = set.valueSets.first else { return [] }
            codes = try importedCodes(first, depth: depth, applyTextFilter: applyTextFilter)
        }
        let membership = ValueSetMembership(registry: registry)
        let imports = set.system == nil ? Array(set.valueSets.dropFirst()) : set.valueSets
        for url in imports {
            guard let imported = registry.valueSet(url) else {
                throw TerminologyError(.notFound, "The value set \(url) imported by the compose is not known to Kiln")
            }
            codes = codes.filter { membership.membership(system: $0.system, code: $0.code, in: imported, depth: depth + 1).isMember }
        }
        return codes
    }

    private func importedCodes(_ url: String, depth: Int, applyTextFilter: Bool) throws(TerminologyError) -> [ValueSetExpansion.Code] {
        guard let imported = registry.valueSet(url) else {
            throw TerminologyError(.notFound, "The value set \(url) imported by the compose is not known to Kiln")
        }
        return try codes(of: imported, depth: depth + 1, applyTextFilter: applyTextFilter)
    }

    private func systemCodes(_ set: ValueSetDefinition.ConceptSet, system: String, applyTextFilter: Bool) throws(TerminologyError) -> [ValueSetExpansion.Code] {
        let source = registry.codeSystem(system)
        let index = source?.index
        if !set.concepts.isEmpty {
            return set.concepts.compactMap { listed in
                let concept = index?.concept(listed.code)
                let display = listed.display ?? concept?.display
                guard accepts(listed.code, display, applyTextFilter) else { return nil }
                if options.excludeAbstract && concept?.isAbstract == true { return nil }
                let designations = options.includeDesignations ? listed.designations + (concept?.designations ?? []) : []
                return ValueSetExpansion.Code(system: system, version: set.version ?? index?.version, code: listed.code, display: display, isAbstract: concept?.isAbstract ?? false, designations: designations)
            }
        }
        guard let index else {
            switch source {
            case .notShipped(let name):
                throw TerminologyError(.notSupported, "The value set draws on \(name) (\(system)) beyond listed codes, and Kiln does not ship \(name), so it cannot be expanded")
            case .ucum:
                throw TerminologyError(.notSupported, "The value set includes all of UCUM, which is an infinite grammar and cannot be expanded")
            default:
                throw TerminologyError(.notFound, "The code system \(system) is not known to Kiln, so the value set cannot be expanded")
            }
        }
        if index.content == .notPresent {
            throw TerminologyError(.notSupported, "Kiln ships no concepts of \(system), so the value set cannot be expanded")
        }
        var filters: [ConceptFilter] = []
        for filter in set.filters { filters.append(try ConceptFilter(filter, over: index)) }
        let candidates: [Int] = filters.first?.candidates()?.sorted() ?? Array(index.concepts.indices)
        var result: [ValueSetExpansion.Code] = []
        for position in candidates {
            let concept = index.concepts[position]
            if options.excludeAbstract && concept.isAbstract { continue }
            guard accepts(concept.code, concept.display, applyTextFilter), filters.allSatisfy({ $0.matches(position) }) else { continue }
            result.append(ValueSetExpansion.Code(
                system: system, version: index.version, code: concept.code, display: concept.display, isAbstract: concept.isAbstract,
                designations: options.includeDesignations ? concept.designations : []
            ))
        }
        return result
    }

    /// Whether a code passes the text filter: its code starts with the filter, or every word of
    /// the filter appears in its display.
    private func accepts(_ code: String, _ display: String?, _ apply: Bool) -> Bool {
        guard apply, !terms.isEmpty else { return true }
        if terms.count == 1, code.lowercased().hasPrefix(terms[0]) { return true }
        let haystack = (display ?? "").lowercased()
        return terms.allSatisfy { haystack.contains($0) }
    }
}
