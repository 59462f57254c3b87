import FHIRAudit
import Foundation

/// The checkpoints a verification checks: the database's, and those of a checkpoint file the
/// database lacks or holds otherwise, each such difference being a finding of its own.
struct AuditCheckpointSet: Sendable {
    /// Every distinct checkpoint, to give the verifier.
    let all: [AuditCheckpoint]
    /// Stored checkpoints that are not checkpoints, and the file's differences from the database.
    let findings: [AuditTamperFinding]

    /// The set of the stored rows (tree size and signed JSON) and the file's checkpoints.
    init(stored: [(treeSize: Int64, body: [UInt8])], file: [AuditCheckpoint]) {
        var all: [AuditCheckpoint] = []
        var findings: [AuditTamperFinding] = []
        var bySize: [Int64: AuditCheckpoint] = [:]
        for row in stored {
            do {
                let checkpoint = try AuditCheckpoint(jsonData: Data(row.body))
                all.append(checkpoint)
                bySize[checkpoint.treeSize] = checkpoint
            } catch {
                findings.append(AuditTamperFinding(
                    sequence: row.treeSize, kind: .badSignature,
                    detail: "the checkpoint stored for \(row.treeSize) records is not a checkpoint: \(error.description)",
                    checkpointTreeSize: row.treeSize))
            }
        }
        var added = Set<AuditCheckpoint>()
        for checkpoint in file where !added.contains(checkpoint) {
            added.insert(checkpoint)
            guard let kept = bySize[checkpoint.treeSize] else {
                findings.append(AuditTamperFinding(
                    sequence: checkpoint.treeSize, kind: .missingCheckpoint,
                    detail: "the checkpoint file holds a checkpoint of \(checkpoint.treeSize) records (time \(checkpoint.time)) that the database does not",
                    checkpointTreeSize: checkpoint.treeSize))
                all.append(checkpoint)
                continue
            }
            if kept != checkpoint {
                findings.append(AuditTamperFinding(
                    sequence: checkpoint.treeSize, kind: .alteredCheckpoint,
                    detail: "the database's checkpoint of \(checkpoint.treeSize) records is not the one in the checkpoint file",
                    checkpointTreeSize: checkpoint.treeSize))
                all.append(checkpoint)
            }
        }
        self.all = all
        self.findings = findings
    }
}
