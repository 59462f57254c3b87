import ArgumentParser
import KilnBenchmarks

/// `kiln bench audit-verify`: fills an audit log and times its verification end to end.
struct AuditVerifyBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit-verify",
        abstract: "Benchmark kiln audit verify over an audit log of a million ~1.5 KB records in PostgreSQL.",
        discussion: """
            Figures are only meaningful from a release build:
              swift build -c release --product kiln && .build/release/kiln bench audit-verify
            A smoke run: kiln bench audit-verify --records 10000
            The log is written into a fresh database of the test cluster ($KILN_TEST_DATA_DIR, else a
            folder under the system temp directory), dropped at the end unless --keep-database.
            """
    )

    @Option(help: "Records to fill the log with.")
    var records: Int = AuditVerifyBenchmarkOptions.defaultRecords

    @Option(help: "Concurrent loaders filling the log.")
    var loaders: Int = AuditVerifyBenchmarkOptions.defaultLoaders

    @Option(name: .customLong("batch-size"), help: "Records read per query by the verification.")
    var batchSize: Int = 5_000

    @Flag(name: .customLong("keep-database"), help: "Keep the database afterwards, to run kiln audit verify against it.")
    var keepDatabase = false

    @Option(name: .customLong("json"), help: ArgumentHelp("Also write the figures to this file as JSON.", valueName: "FILE"))
    var jsonPath: String?

    func run() async throws {
        let options = AuditVerifyBenchmarkOptions(records: records, loaders: loaders, batchSize: batchSize, jsonPath: jsonPath, keepDatabase: keepDatabase)
        do {
            try options.validate()
        } catch {
            throw ValidationError(error.description)
        }
        try await AuditVerifyBenchmark(options: options).run()
    }
}
