import ArgumentParser
import FHIRAudit
import FHIRStore
import Foundation
import KilnServer
import Logging

/// `kiln audit verify`: walks the audit log and its checkpoints and prints `intact: …` or the
/// first problem; exits 0 intact, 1 tampered, 2 unreadable.
struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify the audit log: every record's chain link and every checkpoint's signature and Merkle root.",
        discussion: """
            Prints "intact: N records, M checkpoints, head <hex>" or the first problem found \
            ("altered record 1234", "record 77 deleted", "inserted at 5", "reordered at 7", \
            "truncated: checkpoint of 50000 records no longer matches (log has 49000)", …). \
            Exit status: 0 intact, 1 tampered, 2 unreadable (no database, a bad checkpoint or key file).
            """
    )

    @Option(help: "Start at this record, trusting the stored chain hash of the one before it; the checkpoints' Merkle roots are then not checked.")
    var from: Int64?

    @Option(name: .customLong("checkpoint"), help: ArgumentHelp("A checkpoint file (one JSON checkpoint a line, as kiln serve --audit-checkpoint-file writes) to check beside the database's checkpoints (repeatable).", valueName: "FILE"))
    var checkpointFiles: [String] = []

    @Option(name: .customLong("keys"), help: ArgumentHelp("Verify signatures with the keys of this JWK Set (a saved GET /audit/keys) instead of those in the database.", valueName: "FILE"))
    var keysFile: String?

    @Option(name: .customLong("batch-size"), help: "Records read per query.")
    var batchSize: Int = AuditLogVerification.defaultBatchSize

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let from, from < 1 { throw ValidationError("--from must be at least 1") }
        if batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
    }

    func run() async throws {
        let logger = AuditCommand.logger
        let started = Date()
        let result: Result<AuditVerificationReport, any Error>
        do {
            let extra = try checkpointFiles.flatMap { path throws(AuditCheckpointFileError) in try AuditCheckpointFile(path: path).read() }
            let trustedKeys = try keysFile.map { path in try Self.readKeys(path) }
            let (from, batchSize) = (from, batchSize)
            result = .success(try await database.withReachableDatabase(logger: logger) { client, _ in
                try await AuditLogVerification.run(
                    log: AuditLogStore(client: client, logger: logger), keys: AuditKeyStore(client: client, logger: logger),
                    trustedKeys: trustedKeys, from: from, extraCheckpoints: extra, batchSize: batchSize)
            })
        } catch {
            result = .failure(error)
        }
        let status = AuditVerificationExit.status(of: result)
        switch result {
        case .success(let report):
            print(report.summary)
            for finding in report.findings.dropFirst() { print("also: \(report.line(for: finding))") }
            for note in report.notes { print("note: \(note)") }
            let seconds = Date().timeIntervalSince(started)
            FileHandle.standardError.write(Data(String(format: "verified %lld records in %.1f s\n", report.recordCount, seconds).utf8))
        case .failure(let error):
            print("unreadable: \(error)")
        }
        if status != .intact { throw ExitCode(status.rawValue) }
    }

    /// The keys of a JWK Set file.
    static func readKeys(_ path: String) throws -> [AuditPublicKey] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure("cannot read the key file \(path): \(error.localizedDescription)")
        }
        return try AuditKeySet.keys(jwks: data)
    }
}
