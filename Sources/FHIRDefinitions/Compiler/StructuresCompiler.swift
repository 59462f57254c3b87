import FHIRModel
public import Foundation

/// Writes folders of trimmed StructureDefinitions that ``StructureDefinitionRegistry`` reads
/// lazily: one file per definition (the model's fields only, snapshot without differential,
/// one element per line) and an `index.json` listing each definition's URL, name, type, kind,
/// derivation, base and file.
///
/// ```swift
/// // every StructureDefinition of hl7.fhir.r4.core
/// try StructuresCompiler.compile(packageDirectory: r4Package, output: profiles.appendingPathComponent("r4/structures"))
/// // the US Core profiles Kiln ships, with their bases and extensions from the same package
/// try StructuresCompiler.compile(packageDirectory: usCore, output: profiles.appendingPathComponent("us-core"),
///                                selecting: StructuresCompiler.shippedUSCoreProfiles)
/// ```
public enum StructuresCompiler {
    /// The US Core 6.1.0 profiles Kiln ships (file ids in the package); their base profiles
    /// from the package and the extensions they use come along.
    public static let shippedUSCoreProfiles: [String] = [
        "us-core-patient",
        "us-core-observation-lab",
        "us-core-diagnosticreport-lab",
        "us-core-vital-signs",
        "us-core-blood-pressure",
        "us-core-bmi",
        "us-core-body-height",
        "us-core-body-weight",
        "us-core-body-temperature",
        "us-core-head-circumference",
        "us-core-heart-rate",
        "us-core-pulse-oximetry",
        "us-core-respiratory-rate",
        "pediatric-bmi-for-age",
        "pediatric-weight-for-height",
        "head-occipital-frontal-circumference-percentile",
    ]

    /// What a compilation wrote.
    public struct Summary: Sendable, CustomStringConvertible {
        /// The output folder.
        public let output: String
        /// The package read, such as `hl7.fhir.us.core#6.1.0`.
        public let package: String
        /// The number of definitions written.
        public let count: Int
        /// Each file written with its size in bytes, the index last.
        public let files: [(name: String, bytes: Int)]

        /// The bytes written, index included.
        public var bytes: Int { files.reduce(0) { $0 + $1.bytes } }

        /// One line for the terminal.
        public var description: String {
            "Wrote \(count) StructureDefinitions of \(package) to \(output) (\(bytes) bytes)"
        }
    }

    /// Writes the StructureDefinitions of the unpacked package in `packageDirectory` to `output`:
    /// all of them when `selecting` is nil, otherwise those whose ids are listed, with the
    /// package's definitions they derive from and the package's extensions their elements use.
    /// Files of an earlier compilation in `output` are removed first.
    public static func compile(packageDirectory: URL, output: URL, selecting: [String]? = nil) throws -> Summary {
        let source = DefinitionsSource(directory: packageDirectory)
        let package = try source.packageIdentity().name
        var byID: [String: StructureDefinition] = [:]
        var order: [String] = []
        for file in try source.files(prefix: "StructureDefinition-") {
            let id = String(file.dropFirst("StructureDefinition-".count).dropLast(".json".count))
            let value = try DefinitionsFile.read(packageDirectory.appendingPathComponent(file))
            do {
                byID[id] = try StructureDefinition(json: value)
            } catch {
                throw DefinitionsError(error.kind, "\(file): \(error.message)")
            }
            order.append(id)
        }
        let chosen = try selecting.map { try closure(of: $0, in: byID) } ?? order
        try checkDistinctFileNames(chosen)

        try prepare(output)
        var entries: [StructureIndex.Entry] = []
        var files: [(name: String, bytes: Int)] = []
        let writer = LineBrokenJSONWriter(brokenKeys: ["element"])
        for id in chosen {
            guard let definition = byID[id] else { continue }
            var trimmed = definition
            trimmed.differential = []
            let file = "\(id).json"
            let data = writer.serialize(trimmed.jsonValue(includeDifferential: false))
            try DefinitionsFile.write(data, to: output.appendingPathComponent(file))
            files.append((file, data.count))
            entries.append(StructureIndex.Entry(summary: StructureSummary(trimmed), file: file))
        }
        let index = LineBrokenJSONWriter(brokenKeys: ["structures"]).serialize(StructureIndex(package: package, entries: entries).jsonValue)
        try DefinitionsFile.write(index, to: output.appendingPathComponent(StructureIndex.fileName))
        files.append((StructureIndex.fileName, index.count))
        return Summary(output: output.path, package: package, count: entries.count, files: files)
    }

    /// The ids `names` with, from `definitions`, the definitions they derive from and the
    /// extension definitions their snapshots use, in the order found.
    private static func closure(of names: [String], in definitions: [String: StructureDefinition]) throws(DefinitionsError) -> [String] {
        let idsByURL = Dictionary(definitions.map { ($0.value.url, $0.key) }, uniquingKeysWith: { first, _ in first })
        var result: [String] = []
        var pending = names
        while let id = pending.first {
            pending.removeFirst()
            guard !result.contains(id) else { continue }
            guard let definition = definitions[id] else {
                throw DefinitionsError(.notFound, "The package has no StructureDefinition-\(id).json")
            }
            result.append(id)
            var used: [String] = definition.baseDefinition.map { [$0] } ?? []
            for element in definition.snapshot {
                for type in element.types where type.code == "Extension" { used += type.profiles }
            }
            pending += used.compactMap { idsByURL[StructureDefinitionRegistry.split($0).url] }
        }
        return result
    }

    /// Rejects ids that differ in case only, which would share a file on some file systems.
    private static func checkDistinctFileNames(_ ids: [String]) throws(DefinitionsError) {
        var seen: [String: String] = [:]
        for id in ids {
            if let other = seen[id.lowercased()] {
                throw DefinitionsError(.malformed, "StructureDefinitions \(other) and \(id) would share a file name on case-insensitive file systems")
            }
            seen[id.lowercased()] = id
        }
    }

    /// Creates `output` or removes the JSON files of an earlier compilation from it.
    private static func prepare(_ output: URL) throws(DefinitionsError) {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: output, withIntermediateDirectories: true)
            for name in try manager.contentsOfDirectory(atPath: output.path) where name.hasSuffix(".json") {
                try manager.removeItem(at: output.appendingPathComponent(name))
            }
        } catch {
            throw DefinitionsError(.io, "Cannot prepare \(output.path): \(error.localizedDescription)")
        }
    }
}
