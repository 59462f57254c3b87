import ArgumentParser
import FHIRAudit
import FHIRStore
import Foundation
import KilnServer
import Logging

/// `kiln audit checkpoint`: signs a checkpoint of the whole audit log now, as the server does
/// every N records or T seconds.
struct AuditCheckpointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Sign a checkpoint of the audit log now and store it (and append it to a checkpoint file).",
        discussion: "Reads the log's Merkle tree from PostgreSQL first, and refuses to sign when the log no longer matches an earlier checkpoint (exit status 1)."
    )

    @Option(name: .customLong("checkpoint-file"), help: ArgumentHelp("Also append the checkpoint to this file, as one JSON line.", valueName: "FILE"))
    var checkpointFile: String?

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let logger = AuditCommand.logger
        let configuration: AuditConfiguration
        do {
            configuration = try AuditConfiguration(checkpointFile: checkpointFile)
        } catch {
            throw ValidationError(error.description)
        }
        do {
            let (checkpoint, treeSize) = try await database.withReachableDatabase(logger: logger) { client, _ in
                try await Migrator().migrate(client: client, logger: logger)
                var checkpointer = AuditCheckpointer(
                    log: AuditLogStore(client: client, logger: logger), keys: AuditKeyStore(client: client, logger: logger),
                    configuration: configuration, logger: logger)
                let checkpoint = try await checkpointer.checkpointNow()
                return (checkpoint, checkpointer.treeSize)
            }
            guard let checkpoint else {
                print("no checkpoint: the log is empty")
                return
            }
            let fresh = checkpoint.treeSize == treeSize ? "" : " (the log has \(treeSize))"
            print("checkpoint: \(checkpoint.treeSize) records\(fresh), root \(checkpoint.root.hex), key \(checkpoint.keyID ?? "unnamed"), time \(checkpoint.time)")
        } catch let error as AuditCheckpointerError {
            print("refused: \(error)")
            throw ExitCode(1)
        }
    }
}

/// `kiln audit keys`: prints the JWK Set of the checkpoint keys, as `GET /audit/keys` serves it,
/// to keep beside the checkpoint file for `kiln audit verify --keys`.
struct AuditKeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the public keys that sign audit checkpoints, as a JWK Set."
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let logger = AuditCommand.logger
        let keys = try await database.withReachableDatabase(logger: logger) { client, _ in
            try await AuditKeyStore(client: client, logger: logger).publicKeys()
        }
        print(AuditKeySet.jwksJSON(keys))
    }
}
