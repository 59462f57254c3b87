import ArgumentParser
import KilnServer

/// The audit checkpoint options of `kiln serve`.
struct AuditCheckpointOptions: ParsableArguments {
    @Option(name: .customLong("audit-checkpoint-records"), help: "Sign an audit checkpoint whenever the log reaches a multiple of this many records.")
    var records: Int64 = AuditConfiguration.defaultCheckpointRecords

    @Option(name: .customLong("audit-checkpoint-interval"), help: "Also sign one when the log grew and the newest checkpoint is this many seconds old.")
    var intervalSeconds: Double = Double(AuditConfiguration.defaultCheckpointInterval.components.seconds)

    @Option(name: .customLong("audit-checkpoint-file"), help: ArgumentHelp("Also append every checkpoint this node signs to this file, one JSON line each (keep it where the database administrator cannot rewrite it; kiln audit verify --checkpoint reads it).", valueName: "FILE"))
    var file: String?

    /// The configuration the options give.
    func configuration() throws -> AuditConfiguration {
        guard intervalSeconds.isFinite, intervalSeconds > 0 else {
            throw ValidationError("--audit-checkpoint-interval must be a positive number of seconds")
        }
        do {
            return try AuditConfiguration(
                checkpointRecords: records,
                checkpointInterval: .milliseconds(Int64((intervalSeconds * 1000).rounded())),
                checkpointFile: file)
        } catch {
            throw ValidationError("--audit-checkpoint-records and --audit-checkpoint-interval: \(error.description)")
        }
    }
}
