import FHIRModel
import Foundation

/// The unpacked specification package a compilation reads (`StructureDefinition-*.json`,
/// `CompartmentDefinition-*.json`, `package.json`) and the search parameter bundle.
struct DefinitionsSource {
    /// The package directory.
    let directory: URL

    /// The package's name and FHIR version, from `package.json`.
    func packageIdentity() throws -> (name: String, fhirVersion: String) {
        let file = directory.appendingPathComponent("package.json")
        let fields = try JSONFields(DefinitionsFile.read(file), file: file.path)
        let name = try fields.string("name")
        let version = try fields.string("version")
        let fhirVersion = try fields.strings("fhirVersions").first ?? version
        return ("\(name)#\(version)", fhirVersion)
    }

    /// The types of the type model, from every StructureDefinition that belongs in it.
    func types(constrainedDataTypes: Set<String>) throws -> [TypeDefinition] {
        var types: [TypeDefinition] = []
        for file in try files(prefix: "StructureDefinition-") {
            let value = try DefinitionsFile.read(directory.appendingPathComponent(file))
            if let type = try StructureDefinitionReader.type(from: value, file: file, constrainedDataTypes: constrainedDataTypes) {
                types.append(type)
            }
        }
        guard !types.isEmpty else { throw DefinitionsError(.notFound, "\(directory.path) has no StructureDefinition-*.json files") }
        return types
    }

    /// The search parameter bundle `name` in the package directory or beside it.
    func searchParametersBundle(named name: String) throws -> URL {
        let candidates = [directory.appendingPathComponent(name), directory.deletingLastPathComponent().appendingPathComponent(name)]
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) { return found }
        throw DefinitionsError(.notFound, "No search parameter bundle found; looked for \(candidates.map(\.path).joined(separator: " and "))")
    }

    /// The SearchParameter resources of a Bundle, in bundle order.
    func searchParameters(inBundle bundle: URL) throws -> [SearchParameterDefinition] {
        let fields = try JSONFields(DefinitionsFile.read(bundle), file: bundle.lastPathComponent)
        var parameters: [SearchParameterDefinition] = []
        for (index, entry) in try fields.objects("entry").enumerated() {
            guard let resource = entry.object["resource"], resource["resourceType"]?.stringValue == "SearchParameter" else { continue }
            parameters.append(try SearchParameterCoding.parameter(from: resource, at: .item(.member(.file(bundle.lastPathComponent), "entry"), index)))
        }
        return parameters
    }

    /// The specification's compartments: each CompartmentDefinition whose URL ends in its code
    /// with a lower-case first letter (`…/patient`, `…/relatedPerson`), which leaves out examples.
    func compartments() throws -> [CompartmentDefinition] {
        var compartments: [CompartmentDefinition] = []
        for file in try files(prefix: "CompartmentDefinition-") {
            let compartment = try CompartmentCoding.compartment(from: DefinitionsFile.read(directory.appendingPathComponent(file)), at: .file(file))
            let expectedEnding = "/" + compartment.code.prefix(1).lowercased() + compartment.code.dropFirst()
            if compartment.url.hasSuffix(expectedEnding) { compartments.append(compartment) }
        }
        return compartments.sorted { $0.code < $1.code }
    }

    /// The JSON files in the package whose names start with `prefix`, sorted.
    func files(prefix: String) throws -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw DefinitionsError(.io, "Cannot list \(directory.path): \(error.localizedDescription)")
        }
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted()
    }
}
