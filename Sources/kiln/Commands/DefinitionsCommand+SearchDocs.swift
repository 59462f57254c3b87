import ArgumentParser
import FHIRDefinitions
import FHIRSearch
import Foundation

extension DefinitionsCommand {
    /// `kiln definitions search-docs`: writes docs/search.md from the search registry.
    struct SearchDocs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search-docs",
            abstract: "Write the supported search parameters, modifiers, prefixes and limits as Markdown (docs/search.md)."
        )

        @Option(help: "The compiled definitions directory (default: found as the server finds it).")
        var profiles: String?

        @Option(help: "The file to write; standard output when omitted.")
        var output: String?

        func run() throws {
            let catalog = try DefinitionsCatalog.loadDefault(explicitDirectory: profiles)
            let text = SearchDocumentation.markdown(registry: SearchRegistry(catalog: catalog))
            if let output {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            } else {
                print(text, terminator: "")
            }
        }
    }
}
