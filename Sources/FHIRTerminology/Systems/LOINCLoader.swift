import FHIRModel

/// Reads the shipped LOINC subset (`loinc.json`: `{"codes": [{"code", "display", "units": […]}]}`)
/// into an index of content `fragment` whose format rule is LOINC's check-digit form.
enum LOINCLoader {
    /// The file name in the shipped folder.
    static let fileName = "loinc.json"

    /// The index over the parsed file.
    static func load(_ json: JSONValue, version: String?) -> CodeSystemIndex {
        var concepts: [CodeSystemConcept] = []
        for item in json["codes"]?.arrayValue ?? [] {
            guard let code = item["code"]?.stringValue else { continue }
            let units = (item["units"]?.arrayValue ?? []).compactMap(\.stringValue)
            concepts.append(CodeSystemConcept(
                code: code, display: item["display"]?.stringValue,
                properties: units.map { ConceptProperty(code: "EXAMPLE_UCUM_UNITS", type: "string", value: .string($0)) }
            ))
        }
        return CodeSystemIndex(
            url: KnownSystems.loinc, version: version, name: "LOINC", content: .fragment, caseSensitive: false,
            concepts: concepts, parents: [], formatRule: KnownSystems.hasLOINCFormat
        )
    }
}
