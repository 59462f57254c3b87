public import FHIRDefinitions
public import FHIRModel
import Foundation

/// Conformance resources read from files and folders to validate with: StructureDefinitions
/// (profiles, extensions) and the ValueSets and CodeSystems their bindings name.
///
/// ```swift
/// let supporting = try SupportingDefinitions.read(paths: ["ig/", "extra-profile.json"])
/// validation.register(structureDefinitions: supporting.structureDefinitions)
/// ```
public struct SupportingDefinitions: Sendable {
    /// The StructureDefinition resources found.
    public var structureDefinitions: [JSONValue] = []
    /// The ValueSet and CodeSystem resources found, for the terminology service that binding
    /// checks will consult; validation does not use them yet.
    public var terminologyResources: [JSONValue] = []

    /// No definitions.
    public init() {}

    /// Reads every `.json` file of `paths` (a folder is read with everything below it): a
    /// resource, or a Bundle whose entries are resources. Other resource types are ignored.
    public static func read(paths: [String]) throws(DefinitionsError) -> SupportingDefinitions {
        var definitions = SupportingDefinitions()
        for path in paths {
            for file in try files(at: path) {
                try definitions.add(contentsOf: file)
            }
        }
        return definitions
    }

    /// The JSON files at `path`: the file itself, or the `.json` files below a folder, in path order.
    private static func files(at path: String) throws(DefinitionsError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DefinitionsError(.io, "\(path) does not exist")
        }
        guard isDirectory.boolValue else { return [path] }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            throw DefinitionsError(.io, "Cannot list \(path)")
        }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".json") { files.append((path as NSString).appendingPathComponent(relative)) }
        }
        return files.sorted()
    }

    private mutating func add(contentsOf file: String) throws(DefinitionsError) {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw DefinitionsError(.io, "Cannot read \(file)")
        }
        let value: JSONValue
        do {
            value = try JSONParser().parse([UInt8](data))
        } catch {
            throw DefinitionsError(.malformed, "\(file) is not valid JSON: \(error)")
        }
        var resources = [value]
        if value["resourceType"]?.stringValue == "Bundle" {
            resources = (value["entry"]?.arrayValue ?? []).compactMap { $0["resource"] }
        }
        for resource in resources {
            switch resource["resourceType"]?.stringValue {
            case "StructureDefinition": structureDefinitions.append(resource)
            case "ValueSet", "CodeSystem": terminologyResources.append(resource)
            default: continue
            }
        }
    }
}
