public import FHIRModel
import Foundation

/// The index of the shipped folder (`manifest.json`): where each resource's JSON sits in the
/// bundle files, so a lookup reads only the resource it needs.
public struct TerminologyManifest: Sendable {
    /// The manifest's file name.
    public static let fileName = "manifest.json"

    /// Where one shipped resource is.
    public struct Entry: Sendable, Hashable {
        /// `CodeSystem`, `ValueSet` or `ConceptMap`.
        public var resourceType: String
        /// The canonical URL.
        public var url: String
        /// The version.
        public var version: String?
        /// The bundle file, relative to the folder.
        public var file: String
        /// The byte offset of the resource's JSON in the file.
        public var offset: Int
        /// The byte length of the resource's JSON.
        public var length: Int
    }

    /// The shipped CodeSystems, ValueSets and ConceptMaps by URL.
    public var entries: [String: [String: Entry]]
    /// Built-in systems (`icd-10-cm`, `loinc`, `lab-units`): their file and version.
    public var builtins: [String: (file: String, version: String?)]

    /// Reads the manifest JSON.
    public init(_ json: JSONValue) throws(TerminologyError) {
        var entries: [String: [String: Entry]] = [:]
        for item in json["resources"]?.arrayValue ?? [] {
            guard let type = item["resourceType"]?.stringValue, let url = item["url"]?.stringValue,
                  let file = item["file"]?.stringValue, let offset = item["offset"]?.numberValue?.intValue,
                  let length = item["length"]?.numberValue?.intValue else {
                throw TerminologyError(.invalid, "\(Self.fileName) has an entry without resourceType, url, file, offset and length")
            }
            entries[type, default: [:]][url] = Entry(resourceType: type, url: url, version: item["version"]?.stringValue, file: file, offset: offset, length: length)
        }
        var builtins: [String: (file: String, version: String?)] = [:]
        for (name, value) in json["builtins"]?.objectValue ?? JSONObject() {
            if let file = value["file"]?.stringValue { builtins[name] = (file, value["version"]?.stringValue) }
        }
        self.entries = entries
        self.builtins = builtins
    }

    /// Reads `manifest.json` in `directory`.
    static func load(from directory: URL) throws(TerminologyError) -> TerminologyManifest {
        try TerminologyManifest(ShippedFiles.readJSON(directory.appendingPathComponent(fileName)))
    }
}

/// Reads shipped files; every failure becomes a ``TerminologyError``.
enum ShippedFiles {
    static func read(_ url: URL) throws(TerminologyError) -> [UInt8] {
        do {
            return Array(try Data(contentsOf: url))
        } catch {
            throw TerminologyError(.unavailable, "Could not read \(url.path): \(error.localizedDescription)")
        }
    }

    static func read(_ url: URL, offset: Int, length: Int) throws(TerminologyError) -> [UInt8] {
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            try handle.seek(toOffset: UInt64(offset))
            let data = try handle.read(upToCount: length) ?? Data()
            return Array(data)
        } catch {
            throw TerminologyError(.unavailable, "Could not read \(url.path): \(error.localizedDescription)")
        }
    }

    static func parse(_ bytes: [UInt8], name: String) throws(TerminologyError) -> JSONValue {
        do {
            return try JSONParser(limits: JSONLimits(maximumDepth: 256)).parse(bytes)
        } catch {
            throw TerminologyError(.invalid, "\(name) is not valid JSON: \(error)")
        }
    }

    static func readJSON(_ url: URL) throws(TerminologyError) -> JSONValue {
        try parse(read(url), name: url.lastPathComponent)
    }
}
