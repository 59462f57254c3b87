import ArgumentParser
import FHIRDefinitions
import FHIRModel
import FHIRTerminology
import FHIRValidation
import Foundation
import KilnServer

/// `kiln validate FILE [--profile URL]… [--definitions PATH]…`: validates a JSON resource (or
/// an NDJSON file of them) against its base definition, the profiles it claims and the profiles
/// asked for, and prints the OperationOutcome.
///
/// Exit status: 0 without errors (warnings allowed), 1 with errors, 2 when the input or the
/// definitions cannot be read.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate a JSON resource (or an .ndjson file of resources) and print the OperationOutcome.",
        discussion: "Exit status: 0 no errors, 1 errors, 2 unreadable input or definitions."
    )

    @Option(name: .customLong("profile"), help: "A profile (canonical URL) to validate against; repeatable.")
    var profiles: [String] = []

    @Option(name: .customLong("definitions"), help: "A file or folder of StructureDefinitions (and ValueSets, CodeSystems) to validate with; repeatable.")
    var definitions: [String] = []

    @Option(name: .customLong("profiles-dir"), help: "Directory of the compiled definitions (default: found next to the executable or the working directory).")
    var profilesDirectory: String?

    @Argument(help: "The JSON resource file, or an .ndjson file with one resource per line.")
    var file: String

    func run() throws {
        let resources = readResources()
        let validation: ValidationServices
        let supporting: SupportingDefinitions
        do {
            validation = try ValidationServices.loadDefault(profilesDirectory: profilesDirectory)
            supporting = try SupportingDefinitions.read(paths: definitions)
        } catch {
            fail("kiln validate: \(error)")
        }
        let problems = validation.register(structureDefinitions: supporting.structureDefinitions)
        if let problem = problems.first {
            fail("kiln validate: a StructureDefinition of --definitions cannot be used: \(problem.message)")
        }
        for resource in supporting.terminologyResources {
            do {
                try validation.terminology.register(resource)
            } catch {
                fail("kiln validate: a \(resource["resourceType"]?.stringValue ?? "resource") of --definitions cannot be used: \(error.message)")
            }
        }
        var issues: [OperationOutcomeIssue] = []
        for (line, resource) in resources {
            var found = validation.validate(resource, profiles: profiles).issues
            if let line {
                found = found.map { issue in
                    var issue = issue
                    issue.diagnostics = "Line \(line): \(issue.diagnostics)"
                    return issue
                }
            }
            issues += found
        }
        print(JSONSerializer(pretty: true).string(OperationOutcome.json(issues)))
        let hasErrors = issues.contains { $0.severity == .error || $0.severity == .fatal }
        throw ExitCode(hasErrors ? 1 : 0)
    }

    /// The resources of the file, each with its line number in an NDJSON file.
    private func readResources() -> [(line: Int?, resource: JSONValue)] {
        guard let data = FileManager.default.contents(atPath: file) else {
            fail("kiln validate: cannot read \(file)")
        }
        guard file.hasSuffix(".ndjson") else {
            return [(nil, parse(Array(data), source: file))]
        }
        var resources: [(line: Int?, resource: JSONValue)] = []
        for (offset, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let bytes = Array(line.last == UInt8(ascii: "\r") ? line.dropLast() : line)
            guard bytes.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { continue }
            resources.append((offset + 1, parse(bytes, source: "\(file) line \(offset + 1)")))
        }
        return resources
    }

    private func parse(_ bytes: [UInt8], source: String) -> JSONValue {
        do {
            return try JSONParser().parse(bytes)
        } catch {
            fail("kiln validate: \(source) is not valid JSON: \(error)")
        }
    }

    /// Prints a one-line message on standard error and exits with 2.
    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Foundation.exit(2)
    }
}
