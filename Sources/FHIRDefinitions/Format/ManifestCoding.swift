import FHIRModel

/// Reads and writes `manifest.json`.
enum ManifestCoding {
    /// The manifest's JSON; counts in name order.
    static func json(_ manifest: DefinitionsManifest) -> JSONValue {
        var counts = JSONObject()
        for name in manifest.counts.keys.sorted() { counts[name] = .number(JSONNumber(manifest.counts[name] ?? 0)) }
        return [
            "formatVersion": .number(JSONNumber(manifest.formatVersion)),
            "fhirVersion": .string(manifest.fhirVersion),
            "package": .string(manifest.package),
            "files": [
                "types": .string(DefinitionsManifest.typesFileName),
                "searchParameters": .string(DefinitionsManifest.searchParametersFileName),
                "compartments": .array(manifest.compartmentFileNames.map { .string($0) }),
            ],
            "counts": .object(counts),
        ]
    }

    /// The manifest in `value`; `file` names it in errors.
    static func manifest(from value: JSONValue, file: String) throws(DefinitionsError) -> DefinitionsManifest {
        let fields = try JSONFields(value, file: file)
        var counts: [String: Int] = [:]
        if let countFields = try fields.optionalObject("counts") {
            for member in countFields.object { counts[member.key] = try countFields.int(member.key) }
        }
        let files = try fields.optionalObject("files")
        return DefinitionsManifest(
            formatVersion: try fields.int("formatVersion"),
            fhirVersion: try fields.string("fhirVersion"),
            package: try fields.string("package"),
            compartmentFileNames: try files?.strings("compartments") ?? [],
            counts: counts
        )
    }
}
