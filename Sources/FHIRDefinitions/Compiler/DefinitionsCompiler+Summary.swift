extension DefinitionsCompiler {
    /// What a compilation wrote: the counts of each kind of definition and the files' sizes.
    public struct Summary: Sendable, CustomStringConvertible {
        /// The output directory.
        public let output: String
        /// The package compiled, such as `hl7.fhir.r4.core#4.0.1`.
        public let package: String
        /// How many of each kind of definition were written, by name (`types`, `searchParameters`, …).
        public let counts: [String: Int]
        /// Each file written with its size in bytes, in the order written; the structures
        /// folder's files are in ``structures``.
        public let fileSizes: [(name: String, bytes: Int)]
        /// What was written to the `structures` folder.
        public let structures: StructuresCompiler.Summary

        /// The total size of the files written, in bytes, without the structures folder.
        public var totalBytes: Int { fileSizes.reduce(0) { $0 + $1.bytes } }

        /// A few lines for the terminal.
        public var description: String {
            var lines = ["Compiled \(package) into \(output)"]
            for name in counts.keys.sorted() { lines.append("  \(name): \(counts[name] ?? 0)") }
            for file in fileSizes { lines.append("  \(file.name): \(file.bytes) bytes") }
            lines.append("  total: \(totalBytes) bytes")
            lines.append("  \(DefinitionsCompiler.structuresFolderName)/: \(structures.count) StructureDefinitions, \(structures.bytes) bytes")
            return lines.joined(separator: "\n")
        }
    }
}
