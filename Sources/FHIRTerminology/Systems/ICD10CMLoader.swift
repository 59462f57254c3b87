import FHIRModel

/// Reads the compact ICD-10-CM file the compiler writes: one line per item,
/// `code TAB parent TAB kind TAB billable TAB display`, kinds `C` chapter, `B` block,
/// `c` category, `s` subcategory, `x` code with a 7th character; billable `Y` or `N`. A parent
/// of `^` is the code less its last character and any trailing dot (`E11.9` → `E11`), which
/// holds for most codes and keeps the file small.
enum ICD10CMLoader {
    /// The file name in the shipped folder.
    static let fileName = "icd-10-cm.tsv"
    /// The parent field meaning "derived from the code".
    static let derivedParent = "^"

    /// The parent a code has by its form: the code less its last character and a trailing dot.
    static func parent(byForm code: String) -> String {
        var parent = code.dropLast()
        if parent.last == "." { parent = parent.dropLast() }
        return String(parent)
    }

    /// The index over the file's bytes; `version` comes from the manifest. Parsed as bytes:
    /// splitting a 9 MB String by Character would cost more than the rest of the load.
    static func load(_ bytes: [UInt8], version: String?) throws(TerminologyError) -> CodeSystemIndex {
        var concepts: [CodeSystemConcept] = []
        var parentCodes: [String] = []
        concepts.reserveCapacity(100_000)
        parentCodes.reserveCapacity(100_000)
        let billable = [ConceptProperty(code: "billable", type: "boolean", value: .bool(true))]
        let notBillable = [ConceptProperty(code: "billable", type: "boolean", value: .bool(false))]
        let newline = UInt8(ascii: "\n")
        let tab = UInt8(ascii: "\t")
        try bytes.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<UInt8>) throws(TerminologyError) in
            var lineStart = 0
            while lineStart < buffer.count {
                var lineEnd = lineStart
                while lineEnd < buffer.count && buffer[lineEnd] != newline { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                guard lineEnd > lineStart, buffer[lineStart] != UInt8(ascii: "#") else { continue }
                var fields: [Range<Int>] = []
                var fieldStart = lineStart
                for position in lineStart..<lineEnd where buffer[position] == tab && fields.count < 4 {
                    fields.append(fieldStart..<position)
                    fieldStart = position + 1
                }
                fields.append(fieldStart..<lineEnd)
                guard fields.count == 5 else {
                    throw TerminologyError(.invalid, "\(fileName) has a malformed line at byte \(lineStart)")
                }
                func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self) }
                let kind = fields[2].isEmpty ? UInt8(ascii: "s") : buffer[fields[2].lowerBound]
                let isBillable = !fields[3].isEmpty && buffer[fields[3].lowerBound] == UInt8(ascii: "Y")
                concepts.append(CodeSystemConcept(
                    code: text(fields[0]), display: text(fields[4]),
                    properties: isBillable ? billable : notBillable,
                    isAbstract: kind == UInt8(ascii: "C") || kind == UInt8(ascii: "B")
                ))
                let parent = text(fields[1])
                parentCodes.append(parent == derivedParent ? Self.parent(byForm: concepts[concepts.count - 1].code) : parent)
            }
        }
        var positions: [String: Int] = [:]
        positions.reserveCapacity(concepts.count)
        for (index, concept) in concepts.enumerated() where positions[concept.code] == nil { positions[concept.code] = index }
        let parents = parentCodes.map { code -> [Int] in
            guard !code.isEmpty, let position = positions[code] else { return [] }
            return [position]
        }
        return CodeSystemIndex(
            url: KnownSystems.icd10CM, version: version, name: "ICD10CM", content: .complete,
            caseSensitive: false, concepts: concepts, parents: parents, positions: positions
        )
    }
}
