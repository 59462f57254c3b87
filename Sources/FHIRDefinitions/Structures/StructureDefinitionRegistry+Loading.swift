import FHIRModel
public import Foundation
import Synchronization

extension StructureDefinitionRegistry {
    /// Registries already made, by directory path, so each process reads a folder once.
    private static let shared = Mutex<[String: StructureDefinitionRegistry]>([:])

    /// The registry over the `fhir-profiles` folder that holds the compiled definitions
    /// ``DefinitionsLocator`` finds (explicit directory, `KILN_PROFILES_DIR`, up from the
    /// executable, up from the current directory, then the install directories). One registry
    /// per folder and process; later calls share it.
    public static func loadDefault(explicitDirectory: String? = nil) throws(DefinitionsError) -> StructureDefinitionRegistry {
        let compiled: URL
        do {
            compiled = try DefinitionsLocator(explicitDirectory: explicitDirectory).locate()
        } catch let error as DefinitionsError {
            throw error
        } catch {
            throw DefinitionsError(.notFound, "\(error)")
        }
        let root = profilesRoot(containing: compiled)
        return shared.withLock { registries in
            if let registry = registries[root.path] { return registry }
            let registry = StructureDefinitionRegistry(directory: root)
            registries[root.path] = registry
            return registry
        }
    }

    /// The `fhir-profiles` folder holding the compiled `r4` folder ``DefinitionsLocator``
    /// found; the compiled folder itself when it is not called `r4`.
    public static func profilesRoot(containing compiled: URL) -> URL {
        compiled.lastPathComponent == "r4" ? compiled.deletingLastPathComponent() : compiled
    }

    /// Lists what `directory` holds: first every compiled folder (one with `index.json`), then
    /// every other StructureDefinition file (or Bundle of them) below it, in path order, so a
    /// dropped-in file replaces a compiled definition with the same URL.
    static func catalogue(_ directory: URL, into state: inout State) {
        var indexes: [URL] = []
        var files: [URL] = []
        collect(directory, indexes: &indexes, files: &files)
        for index in indexes.sorted(by: { $0.path < $1.path }) {
            do {
                let parsed = try StructureIndex(json: DefinitionsFile.read(index), file: index.path)
                let folder = index.deletingLastPathComponent()
                for entry in parsed.entries {
                    add(Entry(summary: entry.summary, origin: .file(folder.appendingPathComponent(entry.file))), to: &state)
                }
            } catch {
                state.problems.append(error)
            }
        }
        for file in files.sorted(by: { $0.path < $1.path }) {
            do {
                for definition in try droppedDefinitions(in: file) {
                    add(Entry(summary: StructureSummary(definition), origin: .parsed(definition)), to: &state)
                }
            } catch {
                state.problems.append(error)
            }
        }
    }

    /// The compiled indexes and other JSON files below `directory`. A compiled folder's files
    /// are read through its index; the compiled type model's own files (next to `manifest.json`)
    /// are skipped.
    private static func collect(_ directory: URL, indexes: inout [URL], files: inout [URL]) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory.path) else { return }
        if names.contains(StructureIndex.fileName) {
            indexes.append(directory.appendingPathComponent(StructureIndex.fileName))
            return
        }
        let isTypeModel = names.contains(DefinitionsManifest.fileName)
        for name in names where !name.hasPrefix(".") {
            let url = directory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                collect(url, indexes: &indexes, files: &files)
            } else if name.hasSuffix(".json") && !isTypeModel {
                files.append(url)
            }
        }
    }

    /// The StructureDefinitions in a dropped-in file: the file's resource, or the entries of a
    /// Bundle; none when the file holds another kind of resource.
    private static func droppedDefinitions(in file: URL) throws(DefinitionsError) -> [StructureDefinition] {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw DefinitionsError(.io, "Cannot read \(file.path)")
        }
        // Skip files that cannot hold one without parsing them.
        guard data.range(of: Data("StructureDefinition".utf8)) != nil else { return [] }
        let value: JSONValue
        do {
            value = try JSONParser().parse([UInt8](data))
        } catch {
            throw DefinitionsError(.malformed, "\(file.path) is not valid JSON: \(error)")
        }
        var resources: [JSONValue] = [value]
        if value["resourceType"]?.stringValue == "Bundle" {
            resources = (value["entry"]?.arrayValue ?? []).compactMap { $0["resource"] }
        }
        var definitions: [StructureDefinition] = []
        for resource in resources where resource["resourceType"]?.stringValue == "StructureDefinition" {
            do {
                definitions.append(try StructureDefinition(json: resource))
            } catch {
                throw DefinitionsError(error.kind, "\(file.path): \(error.message)")
            }
        }
        return definitions
    }
}
