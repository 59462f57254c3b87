import FHIRAudit
public import FHIRModel
public import FHIRStore
import Foundation

/// `GET /fhir/AuditEvent/{id}/$proof`: the RFC 6962 inclusion proof of one audit record in the
/// tree of the latest signed checkpoint, with everything a client needs to check it offline —
/// the record's canonical bytes, the path, and the signed checkpoint.
///
/// ```swift
/// let parameters = try await AuditProofs.inclusionProof(log: log, recordID: id, cache: cache)
/// ```
///
/// A client checks it by hashing the bytes as a leaf (SHA-256(0x00 ‖ bytes)), folding the path
/// (RFC 9162 §2.1.3.2) to the root, and verifying the checkpoint's ES256 signature over its
/// signed text with the key of `GET /audit/keys` whose `kid` the checkpoint names.
public enum AuditProofs {
    /// The proof of the record whose AuditEvent id is `recordID`, as a Parameters resource
    /// (see ``AuditRecordProof/parameters``).
    public static func inclusionProof(log: AuditLogStore, recordID: String, cache: AuditSubtreeCache? = nil) async throws(AuditProofError) -> JSONValue {
        try await proof(log: log, recordID: recordID, cache: cache).parameters
    }

    /// The proof of the record whose AuditEvent id is `recordID` in the tree of the latest
    /// checkpoint. Throws ``AuditProofError/recordNotFound(id:)``, or
    /// ``AuditProofError/notYetCheckpointed(sequence:treeSize:)`` for a record after it.
    public static func proof(log: AuditLogStore, recordID: String, cache: AuditSubtreeCache? = nil) async throws(AuditProofError) -> AuditRecordProof {
        do {
            guard let record = try await log.record(id: recordID) else { throw AuditProofError.recordNotFound(id: recordID) }
            guard let body = try await log.latestCheckpoint() else {
                throw AuditProofError.notYetCheckpointed(sequence: record.sequence, treeSize: nil)
            }
            let checkpoint: AuditCheckpoint
            do {
                checkpoint = try AuditCheckpoint(jsonData: Data(body))
            } catch {
                throw AuditProofError.checkpointUnusable(error.description)
            }
            guard checkpoint.treeSize >= record.sequence else {
                throw AuditProofError.notYetCheckpointed(sequence: record.sequence, treeSize: checkpoint.treeSize)
            }
            guard let treeSize = Int(exactly: checkpoint.treeSize), let leafIndex = Int(exactly: record.sequence - 1) else {
                throw AuditProofError.checkpointUnusable("the tree is too large for this platform")
            }
            let tree = AuditTreeReader(log: log, cache: cache ?? AuditSubtreeCache())
            let ranges = try MerkleInclusionProof.pathRanges(leafIndex: leafIndex, treeSize: treeSize)
            var path: [AuditDigest] = []
            for range in ranges { path.append(try await tree.root(of: range)) }
            let proof = MerkleInclusionProof(leafIndex: leafIndex, treeSize: treeSize, path: path)
            guard proof.verify(leafHash: record.leafHash, root: checkpoint.root) else {
                throw AuditProofError.checkpointUnusable("the records no longer have its Merkle root; run kiln audit verify")
            }
            return AuditRecordProof(recordID: recordID, record: record, checkpoint: checkpoint, checkpointJSON: body, proof: proof)
        } catch let error as AuditProofError {
            throw error
        } catch {
            throw .storeFailed(String(describing: error))
        }
    }
}

/// Computes the Merkle root of any range of the log's leaves, from the cached roots of complete
/// blocks where the range covers them and from leaf hashes read from PostgreSQL elsewhere.
struct AuditTreeReader {
    let log: AuditLogStore
    let cache: AuditSubtreeCache

    /// The RFC 6962 root of the leaves `range` (indices from 0: leaf i is record i + 1).
    func root(of range: Range<Int>) async throws -> AuditDigest {
        let block = cache.blockSize
        if range.count >= block, range.lowerBound % block == 0, range.upperBound % block == 0 {
            let roots = try await cache.roots(of: range.lowerBound / block ..< range.upperBound / block, log: log)
            return MerkleHash.root(ofLeafHashes: roots)
        }
        if range.count > block {
            var split = 1
            while split << 1 < range.count { split <<= 1 }
            let left = try await root(of: range.lowerBound ..< range.lowerBound + split)
            let right = try await root(of: range.lowerBound + split ..< range.upperBound)
            return MerkleHash.nodeHash(left: left, right: right)
        }
        let leaves = try await log.leaves(from: Int64(range.lowerBound) + 1, through: Int64(range.upperBound), limit: range.count)
        guard leaves.count == range.count else { throw AuditProofError.logChanged }
        return MerkleHash.root(ofLeafHashes: leaves.map(\.leafHash))
    }
}
