import ArgumentParser
import FHIRDefinitions
import FHIRModel
import Foundation

extension DefinitionsCommand {
    /// `kiln definitions snapshot FILE`: prints a StructureDefinition with its snapshot generated
    /// from its differential against the definitions Kiln knows.
    struct Snapshot: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a StructureDefinition (JSON file) with its snapshot generated from its differential."
        )

        @Argument(help: "A StructureDefinition JSON file with a differential.")
        var file: String

        @Option(help: "The compiled definitions directory (default: found as the server finds it).")
        var profiles: String?

        @Flag(help: "Leave the differential out of the output.")
        var snapshotOnly = false

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("Cannot read \(file)")
            }
            let definition = try StructureDefinition(json: JSONParser().parse([UInt8](data)))
            let registry = try StructureDefinitionRegistry.loadDefault(explicitDirectory: profiles)
            let generated = try SnapshotGenerator { registry.definition(url: $0) }.generate(for: definition)
            print(JSONSerializer(pretty: true).string(generated.jsonValue(includeDifferential: !snapshotOnly)))
        }
    }
}
