import FHIRModel
import Foundation

/// Reads the example resources of the benchmarked types from a fhir-data folder: every file of
/// `examples/r4-spec/` whose `resourceType` is one of them, and the first lines of
/// `synthea/ndjson/<type>.ndjson` where that file exists.
struct ExampleResourceLoader {
    /// The folder of the HL7 R4 specification's examples, under the fhir-data folder.
    static let specExamplesFolder = "examples/r4-spec"
    /// The folder of the Synthea NDJSON files, under the fhir-data folder.
    static let syntheaFolder = "synthea/ndjson"
    /// Synthea resources taken per type: the first 20 lines of its file.
    static let syntheaResourcesPerType = 20

    /// The fhir-data folder.
    let directory: String
    /// The resource types to keep.
    let resourceTypes: [String]

    /// The resources found, spec examples first (sorted by file name), then Synthea's, and notes
    /// on anything skipped.
    func load() throws -> (resources: [ExampleResource], notes: [String]) {
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        let specFolder = root.appendingPathComponent(Self.specExamplesFolder)
        guard Self.isDirectory(root) else {
            throw FHIRPathBenchmarkError.examplesMissing(
                "The example folder \(root.path) does not exist. Give the fhir-data folder (the one holding \(Self.specExamplesFolder)/ and \(Self.syntheaFolder)/) with --examples DIR."
            )
        }
        guard Self.isDirectory(specFolder) else {
            throw FHIRPathBenchmarkError.examplesMissing(
                "\(root.path) has no \(Self.specExamplesFolder)/ folder. Give the fhir-data folder (the one holding \(Self.specExamplesFolder)/ and \(Self.syntheaFolder)/) with --examples DIR."
            )
        }
        var notes: [String] = []
        var resources = try specExamples(in: specFolder, notes: &notes)
        let syntheaFolder = root.appendingPathComponent(Self.syntheaFolder)
        if Self.isDirectory(syntheaFolder) {
            for type in resourceTypes {
                resources += try syntheaResources(of: type, in: syntheaFolder, notes: &notes)
            }
        } else {
            notes.append("\(syntheaFolder.path) does not exist: only the specification's examples are used.")
        }
        return (resources, notes)
    }

    private func specExamples(in folder: URL, notes: inout [String]) throws -> [ExampleResource] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        var resources: [ExampleResource] = []
        var unreadable: [String] = []
        for name in names {
            let file = folder.appendingPathComponent(name)
            guard let json = try? JSONParser().parse(Array(Data(contentsOf: file))) else {
                unreadable.append(name)
                continue
            }
            guard let type = json["resourceType"]?.stringValue, resourceTypes.contains(type) else { continue }
            resources.append(ExampleResource(file: file.path, line: nil, resourceType: type, json: json))
        }
        if !unreadable.isEmpty {
            notes.append("\(unreadable.count) files of \(folder.path) are not JSON Kiln reads and were skipped: \(unreadable.prefix(5).joined(separator: ", "))")
        }
        return resources
    }

    private func syntheaResources(of type: String, in folder: URL, notes: inout [String]) throws -> [ExampleResource] {
        let file = folder.appendingPathComponent("\(type).ndjson")
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        var resources: [ExampleResource] = []
        for (index, line) in try Self.firstLines(of: file, count: Self.syntheaResourcesPerType).enumerated() where !line.isEmpty {
            guard let json = try? JSONParser().parse(line), json["resourceType"]?.stringValue == type else {
                notes.append("\(file.lastPathComponent) line \(index + 1) is not a \(type) Kiln reads; skipped.")
                continue
            }
            resources.append(ExampleResource(file: file.path, line: index + 1, resourceType: type, json: json))
        }
        return resources
    }

    /// The first `count` lines of a file, read in chunks so that a large NDJSON file is not read whole.
    static func firstLines(of file: URL, count: Int) throws -> [[UInt8]] {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        var lines: [[UInt8]] = []
        var pending: [UInt8] = []
        while lines.count < count, let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            pending += chunk
            while lines.count < count, let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                lines.append(Array(pending[..<newline]))
                pending.removeSubrange(...newline)
            }
        }
        if lines.count < count, !pending.isEmpty { lines.append(pending) }
        return lines
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
