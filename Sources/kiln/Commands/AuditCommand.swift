import ArgumentParser
import Logging

/// `kiln audit verify|checkpoint|keys|export`: the tamper-evident audit log's tools.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify the audit log, sign a checkpoint of it now, print its checkpoint keys, or export its records as NDJSON.",
        discussion: "See docs/audit.md: what a checkpoint is, how to read the output of verify, and its exit codes.",
        subcommands: [AuditVerifyCommand.self, AuditCheckpointCommand.self, AuditKeysCommand.self, AuditExportCommand.self]
    )

    /// The commands' logger: warnings and worse, so that the output is the verdict.
    static var logger: Logger {
        var logger = Logger(label: "kiln.audit")
        logger.logLevel = .warning
        return logger
    }
}
