import FHIRDefinitions
import FHIRModel
import FHIRTerminology
import FHIRValidation
import Foundation

/// The validator one case runs with: the shipped definitions plus the case's supporting files.
struct ValidatorSuiteSetup {
    struct Problem: Error { var message: String }

    /// The validator, or why the case cannot run.
    let validator: Result<Validator, Problem>
    /// The canonical URL of each supporting StructureDefinition, by file name.
    let profileURLs: [String: String]

    init(suiteCase: ValidatorSuiteCase, directory: URL, forProfile: Bool) {
        var files = suiteCase.supporting
        if forProfile { files += suiteCase.profileSupporting }
        if let profile = suiteCase.profileSource, !files.contains(profile) { files.append(profile) }
        var definitions: [JSONValue] = []
        var terminologyResources: [JSONValue] = []
        var urls: [String: String] = [:]
        var problem: Problem?
        for file in files {
            // A canonical URL names a definition Kiln ships (US Core).
            if file.hasPrefix("http://") || file.hasPrefix("https://") {
                urls[file] = file
                continue
            }
            guard file.hasSuffix(".json") else {
                problem = Problem(message: "the supporting file \(file) is XML, which Kiln does not read")
                continue
            }
            guard let data = try? Data(contentsOf: directory.appendingPathComponent(file)),
                  let json = try? JSONParser().parse(Array(data)) else {
                problem = Problem(message: "the supporting file \(file) is missing or not JSON")
                continue
            }
            switch json["resourceType"]?.stringValue {
            case "StructureDefinition":
                urls[file] = json["url"]?.stringValue
                definitions.append(json)
            case "CodeSystem", "ValueSet", "ConceptMap":
                terminologyResources.append(json)
            case "Bundle":
                for entry in json["entry"]?.arrayValue ?? [] {
                    guard let resource = entry["resource"] else { continue }
                    if resource["resourceType"]?.stringValue == "StructureDefinition" { definitions.append(resource) }
                    if ["CodeSystem", "ValueSet", "ConceptMap"].contains(resource["resourceType"]?.stringValue ?? "") { terminologyResources.append(resource) }
                }
            default:
                continue
            }
        }
        self.profileURLs = urls
        if let problem {
            self.validator = .failure(problem)
            return
        }
        do {
            let registry = try StructureDefinitionRegistry.loadDefault(explicitDirectory: TestPaths.compiledDefinitions).makeScopedCopy()
            // Register bases before the profiles that derive from them.
            var pending = definitions
            var progress = true
            while !pending.isEmpty && progress {
                progress = false
                for (position, json) in pending.enumerated().reversed() {
                    let base = json["baseDefinition"]?.stringValue ?? ""
                    if pending.contains(where: { $0["url"]?.stringValue == base }) { continue }
                    try registry.register(json: json)
                    pending.remove(at: position)
                    progress = true
                }
            }
            // A supporting resource the terminology module refuses is left out; the case still runs.
            var terminology = try TerminologyService.loadDefault(explicitDirectory: TestPaths.terminology)
            for resource in terminologyResources {
                if let extended = try? terminology.adding([resource]) { terminology = extended }
            }
            self.validator = .success(Validator(definitions: registry, terminology: TerminologyCodeChecker(service: terminology)))
        } catch {
            self.validator = .failure(Problem(message: "the supporting definitions could not be loaded: \(error)"))
        }
    }
}
