import ArgumentParser
import Foundation
import UCUM

/// `kiln ucum`: compiles the UCUM essence into Kiln's source, and checks and converts units.
struct UCUMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ucum",
        abstract: "Compile the UCUM essence, and validate and convert UCUM units.",
        subcommands: [Compile.self, Validate.self, Convert.self]
    )

    /// `kiln ucum compile`: reads `ucum-essence.xml` and writes the Swift source of the essence.
    struct Compile: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compile ucum-essence.xml into the Swift source the UCUM module ships."
        )

        @Option(help: "The UCUM essence XML file (\(FHIRDataFolder.defaultHelp("terminology/ucum/ucum-essence.xml"))).")
        var source: String?

        @Option(help: "The Swift file to write.")
        var output = "Sources/UCUM/Generated/UCUMEssence+Standard.swift"

        func run() throws {
            let source = try FHIRDataFolder.resolve(source, "terminology/ucum/ucum-essence.xml", flag: "--source")
            do {
                print(try UCUMEssenceCompiler.compile(source: URL(fileURLWithPath: source), output: URL(fileURLWithPath: output)))
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    /// `kiln ucum validate UNIT`: says whether a unit is valid UCUM and what it reduces to.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a UCUM expression and print its canonical form and display name."
        )

        @Argument(help: "The UCUM expression, e.g. mg/dL.")
        var unit: String

        func run() throws {
            let ucum = UCUMSystem.shared
            if let error = ucum.validate(unit) {
                throw ValidationError("'\(unit)' is not valid UCUM: \(error)")
            }
            print("'\(unit)' is valid UCUM")
            if let name = try? ucum.displayName(unit) { print("  display name: \(name)") }
            do {
                print("  canonical:    \(try ucum.canonical(unit))")
            } catch {
                print("  canonical:    \(error)")
            }
        }
    }

    /// `kiln ucum convert VALUE FROM TO`: converts a quantity between commensurable units.
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert a value between UCUM units, e.g. `kiln ucum convert 98.6 '[degF]' Cel`."
        )

        @Argument(help: "The value, a decimal number.")
        var value: String

        @Argument(help: "The unit of the value.")
        var from: String

        @Argument(help: "The unit to convert to.")
        var to: String

        func run() throws {
            guard let number = Decimal(string: value, locale: Locale(identifier: "en_US_POSIX")) else {
                throw ValidationError("'\(value)' is not a decimal number")
            }
            do {
                let result = try UCUMSystem.shared.convert(number, from: from, to: to)
                print("\(value) \(from) = \(result) \(to)")
            } catch {
                throw ValidationError(error.description)
            }
        }
    }
}
