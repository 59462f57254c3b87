import FHIRDefinitions
import FHIRModel
import FHIRValidation
import Foundation

/// The validator one case runs with: the shipped definitions plus the case's supporting files.
struct ValidatorSuiteSetup {
    struct Problem: Error { var message: String }

    /// The validator, or why the case cannot run.
    let validator: Result<Validator, Problem>
    /// The canonical URL of each supporting StructureDefinition, by file name.
    let profileURLs: [String: String]

    init(suiteCase: ValidatorSuiteCase, directory: URL) {
        var files = suiteCase.supporting
        if let profile = suiteCase.profileSource, !files.contains(profile) { files.append(profile) }
        var definitions: [StructureDefinition] = []
        var urls: [String: String] = [:]
        var problem: Problem?
        for file in files {
            // A canonical URL names a definition Kiln ships (US Core).
            if file.hasPrefix("http://") || file.hasPrefix("https://") { continue }
            guard file.hasSuffix(".json") else {
                problem = Problem(message: "the supporting file \(file) is XML, which Kiln does not read")
                continue
            }
            guard let data = try? Data(contentsOf: directory.appendingPathComponent(file)),
                  let json = try? JSONParser().parse(Array(data)) else {
                problem = Problem(message: "the supporting file \(file) is missing or not JSON")
                continue
            }
            guard json["resourceType"]?.stringValue == "StructureDefinition" else { continue }
            do {
                let definition = try StructureDefinition(json: json)
                urls[file] = definition.url
                definitions.append(definition)
            } catch {
                problem = Problem(message: "the supporting file \(file) is not a usable StructureDefinition: \(error)")
            }
        }
        self.profileURLs = urls
        if let problem {
            self.validator = .failure(problem)
            return
        }
        // Differential-only definitions get their snapshots, bases first.
        var complete = definitions.filter { !$0.snapshot.isEmpty }
        var pending = definitions.filter { $0.snapshot.isEmpty }
        while !pending.isEmpty {
            let layered = LayeredDefinitions(complete, over: FolderDefinitions.r4)
            let pendingURLs = Set(pending.map(\.url))
            guard let next = pending.firstIndex(where: { !pendingURLs.contains($0.baseDefinition ?? "") }) else {
                self.validator = .failure(Problem(message: "the supporting profiles derive from each other in a circle"))
                return
            }
            let definition = pending.remove(at: next)
            do {
                complete.append(try SnapshotGenerator { layered.definition(url: $0) }.generate(for: definition))
            } catch {
                self.validator = .failure(Problem(message: "the snapshot of \(definition.url) could not be generated: \(error.message)"))
                return
            }
        }
        self.validator = .success(Validator(definitions: LayeredDefinitions(complete, over: FolderDefinitions.r4)))
    }
}
