import ArgumentParser
import FHIRDefinitions
import FHIRSearch
import FHIRStore
import Foundation
import KilnServer
import Logging

/// `kiln reindex`: extracts the search index values of every current resource again and rewrites
/// those that changed, after a change of search definitions or an upgrade.
struct ReindexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: "Rebuild the search indexes of stored resources; unchanged resources are skipped.",
        discussion: "Safe beside a running server: each batch is its own transaction. Give the server's --base-url so that absolute references to it are indexed as local ones."
    )

    @OptionGroup var database: DatabaseOptions

    @Option(name: .customLong("type"), help: "Only resources of this type (repeatable); all types when omitted.")
    var types: [String] = []

    @Option(help: "The server's public base URL, as given to `kiln serve --base-url` (e.g. https://kiln.example.org); references under <base>/fhir are local.")
    var baseURL: String?

    @Option(help: "Resources read and rewritten per transaction.")
    var batchSize = 500

    @Option(help: "The compiled definitions folder (fhir-profiles/r4); found automatically when omitted.")
    var profilesDirectory: String?

    func run() async throws {
        let logger = Logger(label: "kiln.reindex")
        let catalog = try DefinitionsCatalog.loadDefault(explicitDirectory: profilesDirectory)
        for type in types where !catalog.typeModel.isResourceType(type) {
            throw ValidationError("'\(type)' is not a FHIR R4 resource type")
        }
        let indexer = SearchIndexer(registry: SearchRegistry(catalog: catalog), baseURL: baseURL.map { Self.fhirBase($0) })
        let started = Date()
        let summary = try await database.withDatabase(logger: logger) { client, _ in
            try await Migrator().migrate(client: client, logger: logger)
            return try await ResourceStore(client: client, logger: logger).reindex(
                resourceTypes: types, batchSize: batchSize, entries: { indexer.entries(for: $0) }
            )
        }
        let seconds = Date().timeIntervalSince(started)
        print("Examined \(summary.examined) resources in \(String(format: "%.1f", seconds)) s: \(summary.rewritten) reindexed, \(summary.examined - summary.rewritten - summary.unreadable) unchanged, \(summary.unreadable) unreadable.")
    }

    /// `https://host` → `https://host/fhir`, as `kiln serve` forms its FHIR base.
    static func fhirBase(_ url: String) -> String {
        ServerConfiguration(baseURL: url).fhirBaseURL(boundPort: 0)
    }
}
