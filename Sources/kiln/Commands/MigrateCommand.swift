import ArgumentParser
import FHIRStore
import Logging

/// `kiln migrate`: applies pending schema migrations.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply pending database schema migrations.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let logger = Logger(label: "kiln.migrate")
        let applied = try await database.withDatabase(logger: logger) { client, _ in
            try await Migrator().migrate(client: client, logger: logger)
        }
        print(applied.isEmpty ? "The schema is up to date." : "Applied migrations: \(applied.map(String.init).joined(separator: ", "))")
    }
}
