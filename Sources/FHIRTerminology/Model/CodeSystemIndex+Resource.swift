public import FHIRModel

extension CodeSystemIndex {
    /// The properties that state hierarchy instead of describing the concept.
    static let hierarchyProperties: Set<String> = ["parent", "child", "subsumedBy"]

    /// An index over a CodeSystem resource: nested `concept`s and the `parent`, `child` and
    /// `subsumedBy` properties give the hierarchy; `notSelectable`/`abstract` mark abstract concepts.
    public convenience init(codeSystem resource: JSONValue) throws(TerminologyError) {
        guard resource["resourceType"]?.stringValue == "CodeSystem" else {
            throw TerminologyError(.invalid, "Expected a CodeSystem resource, not \(resource["resourceType"]?.stringValue ?? "a JSON \(resource.kindName)")")
        }
        guard let url = resource["url"]?.stringValue, !url.isEmpty else {
            throw TerminologyError(.invalid, "A CodeSystem needs a url to be used for terminology")
        }
        var concepts: [CodeSystemConcept] = []
        var parentCodes: [[String]] = []
        var childCodes: [(parent: Int, child: String)] = []
        func walk(_ list: JSONValue?, parent: Int?) throws(TerminologyError) {
            guard let items = list?.arrayValue else { return }
            for item in items {
                guard let code = item["code"]?.stringValue, !code.isEmpty else {
                    throw TerminologyError(.invalid, "Every concept of CodeSystem \(url) needs a code")
                }
                var properties: [ConceptProperty] = []
                var parents: [String] = []
                var isAbstract = false
                for property in item["property"]?.arrayValue ?? [] {
                    guard let propertyCode = property["code"]?.stringValue,
                          let (type, value) = Self.propertyValue(property) else { continue }
                    let concept = ConceptProperty(code: propertyCode, type: type, value: value)
                    switch propertyCode {
                    case "parent", "subsumedBy":
                        if let text = concept.textValue { parents.append(text) }
                    case "child":
                        if let text = concept.textValue { childCodes.append((concepts.count, text)) }
                    case "notSelectable", "abstract":
                        isAbstract = value.boolValue ?? (concept.textValue == "true")
                        properties.append(concept)
                    default:
                        properties.append(concept)
                    }
                }
                let designations = (item["designation"]?.arrayValue ?? []).compactMap(Self.designation)
                let index = concepts.count
                concepts.append(CodeSystemConcept(
                    code: code, display: item["display"]?.stringValue, definition: item["definition"]?.stringValue,
                    designations: designations, properties: properties, isAbstract: isAbstract
                ))
                if let parent { parents.append(concepts[parent].code) }
                parentCodes.append(parents)
                try walk(item["concept"], parent: index)
            }
        }
        try walk(resource["concept"], parent: nil)
        var positions: [String: Int] = [:]
        for (index, concept) in concepts.enumerated() where positions[concept.code] == nil { positions[concept.code] = index }
        var parents: [[Int]] = parentCodes.map { codes in codes.compactMap { positions[$0] } }
        for (parent, childCode) in childCodes {
            if let child = positions[childCode], !parents[child].contains(parent) { parents[child].append(parent) }
        }
        let content = CodeSystemContent(rawValue: resource["content"]?.stringValue ?? "complete") ?? .complete
        self.init(
            url: Self.canonicalURL(url), version: resource["version"]?.stringValue, name: resource["name"]?.stringValue,
            content: content, caseSensitive: resource["caseSensitive"]?.boolValue ?? true,
            concepts: concepts, parents: parents
        )
    }

    /// The type suffix and value of a `value[x]` member.
    static func propertyValue(_ object: JSONValue) -> (String, JSONValue)? {
        guard let members = object.objectValue else { return nil }
        for (key, value) in members where key.hasPrefix("value") && key.count > 5 {
            return (String(key.dropFirst(5)), value)
        }
        return nil
    }

    /// A designation from its JSON.
    static func designation(_ json: JSONValue) -> ConceptDesignation? {
        guard let value = json["value"]?.stringValue else { return nil }
        let use = json["use"].flatMap { use in
            use["code"]?.stringValue.map { TerminologyCoding(system: use["system"]?.stringValue, code: $0, display: use["display"]?.stringValue) }
        }
        return ConceptDesignation(language: json["language"]?.stringValue, use: use, value: value)
    }

    /// A canonical URL without its `|version`.
    static func canonicalURL(_ url: String) -> String {
        CanonicalReference(url).url
    }
}
