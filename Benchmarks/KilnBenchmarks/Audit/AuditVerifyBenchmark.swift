import FHIRAudit
import FHIRStore
import Foundation
import KilnServer
import KilnTesting
import Logging
import PostgresNIO

/// The benchmark behind `kiln bench audit-verify`: fills an audit log in a fresh database of the
/// test cluster with a million records of about 1.5 KB, lets a new checkpointer catch up (and
/// sign a checkpoint every 10,000 records), then times `kiln audit verify`'s function end to
/// end — reading every record from PostgreSQL and verifying chain and checkpoints — and two
/// inclusion proofs.
///
/// ```swift
/// let report = try await AuditVerifyBenchmark(options: AuditVerifyBenchmarkOptions(records: 10_000)).run()
/// ```
public struct AuditVerifyBenchmark: Sendable {
    /// The options of the run.
    public let options: AuditVerifyBenchmarkOptions
    private let output = BenchmarkOutput()

    /// A benchmark with `options`.
    public init(options: AuditVerifyBenchmarkOptions) {
        self.options = options
    }

    /// Runs every phase, prints the figures and, with `--json`, writes them; returns them.
    @discardableResult
    public func run() async throws -> AuditVerifyBenchmarkReport {
        try options.validate()
        output.line("Kiln audit log verification benchmark")
        output.line(BuildConfiguration.isRelease
            ? "Build: release"
            : "Build: debug — these figures are NOT meaningful. Run: swift build -c release --product kiln && .build/release/kiln bench audit-verify")
        output.line("Test cluster: \(TestCluster.shared.dataDirectory)")
        let database = try await TestCluster.shared.makeDatabase()
        var connections = database
        connections.maximumConnections = options.loaders + 2
        output.line("Database: \(database.database)")
        do {
            let report = try await TestCluster.withClient(connections) { client in try await measure(client: client) }
            if options.keepDatabase {
                output.line("Kept the database \(database.database)")
            } else {
                try await TestCluster.shared.dropDatabase(database)
            }
            if let path = options.jsonPath {
                try InProcessServer.write(report, to: path, output: output)
            }
            return report
        } catch {
            if !options.keepDatabase { try? await TestCluster.shared.dropDatabase(database) }
            throw error
        }
    }

    private func measure(client: PostgresClient) async throws -> AuditVerifyBenchmarkReport {
        var logger = Logger(label: "kiln.bench.audit")
        logger.logLevel = .warning
        try await Migrator().migrate(client: client, logger: logger)
        let log = AuditLogStore(client: client, logger: logger)
        let keys = AuditKeyStore(client: client, logger: logger)
        let total = options.records
        output.line()
        output.line("Filling the log with \(ReportTable.grouped(total)) records (\(options.loaders) loaders, \(AuditVerifyBenchmarkOptions.fillBatch) per INSERT)…")
        let fillStart = ContinuousClock.now
        let output = self.output
        let filled = try await AuditLogFiller(client: client, logger: logger).fill(
            count: total, loaders: options.loaders, batch: AuditVerifyBenchmarkOptions.fillBatch
        ) { done in output.line("  \(ReportTable.grouped(done)) records") }
        try await client.query("VACUUM (ANALYZE) audit_record", logger: logger)
        let fillSeconds = (ContinuousClock.now - fillStart).seconds
        let tableBytes = try await Self.tableBytes(client: client, logger: logger)
        let meanBytes = Double(filled.canonicalBytes) / Double(total)
        output.line(String(format: "Filled in %.1f s (%@ records/s; mean record %.0f bytes; table %.0f MB)", fillSeconds,
                           ReportTable.grouped(Int(Double(total) / filled.seconds)), meanBytes, Double(tableBytes) / 1_048_576))

        output.line("Checkpointer catching up from record 1 (a checkpoint every \(ReportTable.grouped(Int(AuditConfiguration.defaultCheckpointRecords))) records)…")
        let catchUpStart = ContinuousClock.now
        var checkpointer = AuditCheckpointer(log: log, keys: keys, configuration: .standard, logger: logger)
        _ = try await checkpointer.checkpointNow()
        let catchUpSeconds = (ContinuousClock.now - catchUpStart).seconds
        let checkpoints = try await log.storedCheckpoints().count
        output.line(String(format: "Caught up in %.1f s; %d checkpoints stored", catchUpSeconds, checkpoints))

        output.line("Verifying…")
        let verifyStart = ContinuousClock.now
        let report = try await AuditLogVerification.run(log: log, keys: keys, batchSize: options.batchSize)
        let verifySeconds = (ContinuousClock.now - verifyStart).seconds
        output.line("  \(report.summary)")
        guard report.isIntact, report.recordCount == total else {
            throw BenchmarkError.nothingToDo("the verification did not find the log intact: \(report.summary)")
        }

        let cache = AuditSubtreeCache()
        let probe = SyntheticAuditEvent.record(max(1, total / 3)).id
        let firstProofStart = ContinuousClock.now
        _ = try await AuditProofs.inclusionProof(log: log, recordID: probe, cache: cache)
        let firstProofSeconds = (ContinuousClock.now - firstProofStart).seconds
        let cachedProofStart = ContinuousClock.now
        _ = try await AuditProofs.inclusionProof(log: log, recordID: SyntheticAuditEvent.record(max(1, total - 1)).id, cache: cache)
        let cachedProofSeconds = (ContinuousClock.now - cachedProofStart).seconds

        let figures = AuditVerifyBenchmarkReport(
            build: BuildConfiguration.name, records: total, meanRecordBytes: meanBytes, tableBytes: tableBytes, fillSeconds: fillSeconds,
            checkpointerCatchUpSeconds: catchUpSeconds, checkpoints: checkpoints, verifySeconds: verifySeconds,
            verifyRecordsPerSecond: Double(total) / verifySeconds, verifySummary: report.summary,
            firstProofSeconds: firstProofSeconds, cachedProofSeconds: cachedProofSeconds)
        print(figures)
        return figures
    }

    private func print(_ figures: AuditVerifyBenchmarkReport) {
        output.line()
        output.line("figure                                   value")
        output.line(String(format: "records                                  %@ (mean %.0f bytes)", ReportTable.grouped(figures.records), figures.meanRecordBytes))
        output.line(String(format: "fill + vacuum (s)                        %.1f", figures.fillSeconds))
        output.line(String(format: "checkpointer catch-up from record 1 (s)  %.2f", figures.checkpointerCatchUpSeconds))
        output.line(String(format: "verify, end to end (s)                   %.2f", figures.verifySeconds))
        output.line(String(format: "verify (records/s)                       %@", ReportTable.grouped(Int(figures.verifyRecordsPerSecond.rounded()))))
        output.line(String(format: "verify (MB/s of canonical bytes)         %.0f", figures.verifyRecordsPerSecond * figures.meanRecordBytes / 1_048_576))
        output.line(String(format: "first inclusion proof (s)                %.3f", figures.firstProofSeconds))
        output.line(String(format: "inclusion proof, blocks cached (s)       %.3f", figures.cachedProofSeconds))
    }

    private static func tableBytes(client: PostgresClient, logger: Logger) async throws -> Int64 {
        let rows = try await client.query("SELECT pg_total_relation_size('audit_record')", logger: logger)
        for try await size in rows.decode(Int64.self) { return size }
        return 0
    }
}
