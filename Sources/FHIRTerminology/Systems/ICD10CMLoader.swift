import FHIRModel

/// Reads the compact ICD-10-CM file the compiler writes: one line per item,
/// `code TAB parent TAB kind TAB billable TAB display`, kinds `C` chapter, `B` block,
/// `c` category, `s` subcategory, `x` code with a 7th character; billable `Y` or `N`.
enum ICD10CMLoader {
    /// The file name in the shipped folder.
    static let fileName = "icd-10-cm.tsv"
    /// The one-letter kinds and their names.
    static let kinds: [UInt8: String] = [
        UInt8(ascii: "C"): "chapter", UInt8(ascii: "B"): "block", UInt8(ascii: "c"): "category",
        UInt8(ascii: "s"): "subcategory", UInt8(ascii: "x"): "extended-subcategory",
    ]

    /// The index over the file's bytes; `version` comes from the manifest.
    static func load(_ bytes: [UInt8], version: String?) throws(TerminologyError) -> CodeSystemIndex {
        var concepts: [CodeSystemConcept] = []
        var parentCodes: [Substring] = []
        concepts.reserveCapacity(100_000)
        parentCodes.reserveCapacity(100_000)
        let text = String(decoding: bytes, as: UTF8.self)
        let billable = [ConceptProperty(code: "billable", type: "boolean", value: .bool(true))]
        let notBillable = [ConceptProperty(code: "billable", type: "boolean", value: .bool(false))]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where line.first != "#" {
            let fields = line.split(separator: "\t", maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5 else {
                throw TerminologyError(.invalid, "\(fileName) has a malformed line: \(line.prefix(60))")
            }
            let kind = fields[2].utf8.first ?? UInt8(ascii: "s")
            concepts.append(CodeSystemConcept(
                code: String(fields[0]), display: String(fields[4]),
                properties: fields[3] == "Y" ? billable : notBillable,
                isAbstract: kind == UInt8(ascii: "C") || kind == UInt8(ascii: "B")
            ))
            parentCodes.append(fields[1])
        }
        var positions: [Substring: Int] = [:]
        positions.reserveCapacity(concepts.count)
        for (index, concept) in concepts.enumerated() { positions[Substring(concept.code)] = index }
        let parents = parentCodes.map { code -> [Int] in
            guard !code.isEmpty, let position = positions[code] else { return [] }
            return [position]
        }
        return CodeSystemIndex(
            url: KnownSystems.icd10CM, version: version, name: "ICD10CM", content: .complete,
            caseSensitive: false, concepts: concepts, parents: parents
        )
    }
}
