import ArgumentParser
import FHIRDefinitions
import Foundation

extension DefinitionsCommand {
    /// `kiln definitions profiles`: lists the profiles Kiln knows, one per line.
    struct Profiles: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the profiles Kiln knows (R4 core, US Core, Kiln's own, dropped-in files): url, type and title."
        )

        @Option(help: "The compiled definitions directory (default: found as the server finds it).")
        var profiles: String?

        @Option(help: "Only profiles of this type, such as Observation.")
        var type: String?

        @Flag(help: "List extension definitions too.")
        var extensions = false

        func run() throws {
            let registry = try StructureDefinitionRegistry.loadDefault(explicitDirectory: profiles)
            let listed = registry.summaries.filter { summary in
                summary.isProfile && (extensions || !summary.isExtension) && (type.map { $0 == summary.type } ?? true)
            }
            for summary in listed {
                let url = summary.version.map { "\(summary.url)|\($0)" } ?? summary.url
                print("\(url)\t\(summary.type)\t\(summary.title ?? summary.name)")
            }
            for problem in registry.problems {
                FileHandle.standardError.write(Data("warning: \(problem.message)\n".utf8))
            }
        }
    }
}
