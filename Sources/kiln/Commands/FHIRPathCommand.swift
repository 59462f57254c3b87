import ArgumentParser
import FHIRDefinitions
import FHIRModel
import FHIRPath
import FHIRValidation
import Foundation

/// `kiln fhirpath [--strict] [--] EXPRESSION [FILE]`: evaluates a FHIRPath expression against a
/// JSON resource and prints the result collection as JSON.
///
/// Each item prints as `{"type": T, "value": V}`. Errors print an OperationOutcome on standard
/// output and exit with 2 (syntax), 3 (semantic) or 4 (execution); unreadable input exits 1.
struct FHIRPathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fhirpath",
        abstract: "Evaluate a FHIRPath expression against a JSON resource (standard input when no file).",
        discussion: "Use -- before an expression that starts with '-'. Exit status: 0 ok, 1 bad input, 2 syntax error, 3 semantic error, 4 execution error."
    )

    @Flag(help: "Strict mode: unknown element names (such as the JSON spelling valueQuantity) are semantic errors.")
    var strict = false

    @Option(name: .customLong("profiles-dir"), help: "Directory of the compiled definitions (default: found next to the executable or the working directory).")
    var profilesDirectory: String?

    @Argument(help: "The FHIRPath expression.")
    var expression: String

    @Argument(help: "A JSON resource file; standard input when omitted.")
    var file: String?

    func run() throws {
        let catalog = try DefinitionsCatalog.loadDefault(explicitDirectory: profilesDirectory)
        let resource: JSONValue
        do {
            let data = try file.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } ?? FileHandle.standardInput.readDataToEndOfFile()
            resource = try JSONParser().parse(Array(data))
        } catch {
            try fail(FHIRError.badRequest("The input is not a readable JSON resource: \(error)"), status: 1)
        }
        do {
            let compiled = try FHIRPathExpression(expression, options: FHIRPathOptions(typeModel: catalog.typeModel, strict: strict))
            // memberOf() and conformsTo() answer through the shipped terminology and profiles.
            let environment = (try? Validator.shipped(profilesDirectory: profilesDirectory)).map { $0.hooking(FHIRPathEnvironment()) } ?? FHIRPathEnvironment()
            let results = try compiled.evaluate(resource, environment: environment)
            let items: [JSONValue] = results.map { ["type": .string($0.typeName), "value": $0.jsonValue] }
            print(JSONSerializer(pretty: true).string(.array(items)))
        } catch {
            let status: Int32 = switch error.kind {
            case .syntax: 2
            case .semantic: 3
            case .execution: 4
            }
            try fail(error.fhirError, status: status)
        }
    }

    private func fail(_ error: FHIRError, status: Int32) throws -> Never {
        print(JSONSerializer(pretty: true).string(error.operationOutcome))
        throw ExitCode(status)
    }
}
