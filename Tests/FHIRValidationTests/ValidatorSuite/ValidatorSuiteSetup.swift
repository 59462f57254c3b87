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
                if definition.snapshot.isEmpty {
                    problem = Problem(message: "the profile \(file) has no snapshot")
                    continue
                }
                definitions.append(definition)
            } catch {
                problem = Problem(message: "the supporting file \(file) is not a usable StructureDefinition: \(error)")
            }
        }
        self.profileURLs = urls
        if let problem {
            self.validator = .failure(problem)
        } else {
            self.validator = .success(Validator(definitions: LayeredDefinitions(definitions, over: FolderDefinitions.r4)))
        }
    }
}
