import FHIRModel
import Foundation

/// The index of a folder of compiled StructureDefinitions (`index.json`): one entry per
/// definition with its summary and the file, relative to the folder, that holds it.
///
/// A folder with this index is read lazily: the index when the registry is first asked, each
/// definition's file when that definition is first asked for.
struct StructureIndex: Sendable, Hashable {
    /// The index's file name; a folder holding it is a compiled folder.
    static let fileName = "index.json"
    /// The format this code reads and writes.
    static let currentFormatVersion = 1

    /// One indexed definition.
    struct Entry: Sendable, Hashable {
        /// What the index says about the definition.
        var summary: StructureSummary
        /// The file holding it, relative to the folder.
        var file: String
    }

    /// The package the definitions came from, such as `hl7.fhir.us.core#6.1.0`.
    var package: String
    /// The definitions, in file order.
    var entries: [Entry]

    /// The index as JSON.
    var jsonValue: JSONValue {
        let items: [JSONValue] = entries.map { entry in
            let summary = entry.summary
            var members: [JSONObject.Member] = [("url", .string(summary.url))]
            if let version = summary.version { members.append(("version", .string(version))) }
            members.append(("name", .string(summary.name)))
            if let title = summary.title { members.append(("title", .string(title))) }
            members.append(("type", .string(summary.type)))
            members.append(("kind", .string(summary.kind.rawValue)))
            if let derivation = summary.derivation { members.append(("derivation", .string(derivation.rawValue))) }
            if let base = summary.baseDefinition { members.append(("baseDefinition", .string(base))) }
            members.append(("file", .string(entry.file)))
            return .object(JSONObject(members))
        }
        return .object(JSONObject([
            ("formatVersion", .number(JSONNumber(Self.currentFormatVersion))),
            ("package", .string(package)),
            ("structures", .array(items)),
        ]))
    }

    /// Reads an index; `file` names it in errors.
    init(json: JSONValue, file: String) throws(DefinitionsError) {
        guard let version = json["formatVersion"]?.numberValue?.intValue else {
            throw DefinitionsError(.malformed, "\(file) has no formatVersion")
        }
        guard version == Self.currentFormatVersion else {
            throw DefinitionsError(.incompatible, "\(file) is in format \(version); this Kiln reads format \(Self.currentFormatVersion). Compile the definitions again with `kiln definitions compile`.")
        }
        var entries: [Entry] = []
        for (position, item) in (json["structures"]?.arrayValue ?? []).enumerated() {
            guard let url = item["url"]?.stringValue, let type = item["type"]?.stringValue,
                  let kind = item["kind"]?.stringValue.flatMap(TypeKind.init(rawValue:)),
                  let path = item["file"]?.stringValue else {
                throw DefinitionsError(.malformed, "\(file): structures[\(position)] lacks url, type, kind or file")
            }
            let summary = StructureSummary(
                url: url, version: item["version"]?.stringValue, name: item["name"]?.stringValue ?? type,
                title: item["title"]?.stringValue, type: type, kind: kind,
                derivation: item["derivation"]?.stringValue.flatMap(TypeDerivation.init(rawValue:)),
                baseDefinition: item["baseDefinition"]?.stringValue
            )
            entries.append(Entry(summary: summary, file: path))
        }
        self.init(package: json["package"]?.stringValue ?? "", entries: entries)
    }

    /// An index with the given entries.
    init(package: String, entries: [Entry]) {
        self.package = package
        self.entries = entries
    }
}
