import ArgumentParser
import FHIRModel
import FHIRTerminology
import Foundation

/// `kiln terminology`: compiles the shipped terminology and answers lookups, code validation,
/// expansions and lab unit conversions from it.
struct TerminologyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminology",
        abstract: "Compile the shipped terminology; look up, validate and expand codes; convert lab units.",
        subcommands: [Compile.self, Lookup.self, ValidateCode.self, Expand.self, Convert.self]
    )

    /// The option every reading subcommand takes.
    struct Location: ParsableArguments {
        @Option(name: .customLong("terminology-dir"), help: "The shipped terminology folder (default: found next to the executable or the working directory).")
        var directory: String?

        func service() throws -> TerminologyService {
            do {
                return try TerminologyService.loadDefault(explicitDirectory: directory)
            } catch {
                throw ValidationError(error.message)
            }
        }
    }

    /// `kiln terminology compile`: writes the shipped folder from the FHIR packages.
    struct Compile: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compile the R4 and US Core terminology, ICD-10-CM, the LOINC subset and lab units into terminology/."
        )

        @Option(help: "The fhir-data folder holding r4-core/, us-core/ and terminology/ (\(FHIRDataFolder.defaultHelp(""))).")
        var source: String?

        @Option(help: "The folder to write.")
        var output = "terminology"

        func run() throws {
            let source = try FHIRDataFolder.resolve(source, "", flag: "--source")
            do {
                print(try TerminologyCompiler.compile(source: URL(fileURLWithPath: source), output: URL(fileURLWithPath: output)))
            } catch {
                throw ValidationError(error.message)
            }
        }
    }

    /// `kiln terminology lookup SYSTEM CODE`: prints the concept as JSON; exit 1 when unknown.
    struct Lookup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a concept (display, parents, children, properties) as JSON; exit 1 when unknown."
        )

        @Argument(help: "The code system URL, e.g. http://hl7.org/fhir/sid/icd-10-cm.")
        var system: String

        @Argument(help: "The code.")
        var code: String

        @OptionGroup var location: Location

        func run() throws {
            let service = try location.service()
            guard let concept = service.lookup(system: system, code: code) else {
                FileHandle.standardError.write(Data("'\(code)' is not a code of \(system) that Kiln knows\n".utf8))
                throw ExitCode(1)
            }
            var object = JSONObject()
            object["system"] = .string(concept.system)
            if let version = concept.version { object["version"] = .string(version) }
            object["code"] = .string(concept.code)
            if let display = concept.display { object["display"] = .string(display) }
            if let definition = concept.definition { object["definition"] = .string(definition) }
            if concept.isAbstract { object["abstract"] = true }
            if !concept.parents.isEmpty { object["parents"] = .array(concept.parents.map { .string($0) }) }
            if !concept.children.isEmpty { object["children"] = .array(concept.children.map { .string($0) }) }
            if !concept.designations.isEmpty { object["designations"] = .array(concept.designations.map(\.json)) }
            if !concept.properties.isEmpty {
                object["properties"] = .array(concept.properties.map { ["code": .string($0.code), "value": $0.value] })
            }
            print(JSONSerializer(pretty: true).string(.object(object)))
        }
    }

    /// `kiln terminology validate-code`: checks a code against its system or a value set.
    struct ValidateCode: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate-code",
            abstract: "Check a code against its code system or a value set; exit 1 when invalid, 2 when it cannot be told."
        )

        @Option(help: "The code system URL.")
        var system: String?

        @Option(help: "The code.")
        var code: String

        @Option(help: "A display to check.")
        var display: String?

        @Option(name: .customLong("value-set"), help: "The value set's canonical URL.")
        var valueSet: String?

        @OptionGroup var location: Location

        func run() throws {
            let result = try location.service().validateCode(CodeValidationRequest(system: system, code: code, display: display, valueSet: valueSet))
            let outcome = switch result.outcome {
            case .valid: "valid"
            case .invalid: "invalid"
            case .cannotTell: "cannot tell"
            }
            print(outcome + (result.display.map { ": \($0)" } ?? ""))
            if let message = result.message { print(message) }
            switch result.outcome {
            case .valid: return
            case .invalid: throw ExitCode(1)
            case .cannotTell: throw ExitCode(2)
            }
        }
    }

    /// `kiln terminology expand URL`: prints the expansion as a ValueSet.
    struct Expand: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Expand a value set and print it as a ValueSet with its expansion.")

        @Argument(help: "The value set's canonical URL.")
        var url: String

        @Option(help: "Keep only codes that start with this text or whose display contains its words.")
        var filter: String?

        @Option(help: "The number of codes to print.")
        var count: Int?

        @Option(help: "The codes to skip first.")
        var offset: Int = 0

        @OptionGroup var location: Location

        func run() throws {
            do {
                let expansion = try location.service().expand(valueSetURL: url, options: ExpansionOptions(filter: filter, count: count, offset: offset))
                print(JSONSerializer(pretty: true).string(expansion.json()))
            } catch let error as TerminologyError {
                throw ValidationError(error.message)
            }
        }
    }

    /// `kiln terminology convert VALUE FROM TO [--loinc CODE]`: converts a lab value.
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert a lab value between units, through the analyte's molar mass when needed (`convert 100 mg/dL mmol/L --loinc 2345-7`)."
        )

        @Argument(help: "The value, a decimal number.")
        var value: String

        @Argument(help: "The unit of the value (UCUM or a common lab spelling).")
        var from: String

        @Argument(help: "The unit to convert to.")
        var to: String

        @Option(help: "The LOINC code of the analyte, for mass ↔ amount of substance.")
        var loinc: String?

        @OptionGroup var location: Location

        func run() throws {
            guard let number = Decimal(string: value, locale: Locale(identifier: "en_US_POSIX")) else {
                throw ValidationError("'\(value)' is not a decimal number")
            }
            do {
                let converter = try LabUnitConverter.loadDefault(explicitDirectory: location.directory)
                let result = try converter.convert(number, from: from, to: to, loinc: loinc)
                var rounded = Decimal()
                var exact = result
                NSDecimalRound(&rounded, &exact, 6, .plain)
                print("\(value) \(from) = \(rounded) \(to)")
            } catch {
                throw ValidationError(error.message)
            }
        }
    }
}
