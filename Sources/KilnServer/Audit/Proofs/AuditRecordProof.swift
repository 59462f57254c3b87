public import FHIRAudit
public import FHIRModel
import Foundation

/// One record's inclusion proof: the record, the checkpoint whose tree includes it, and the
/// audit path, as `$proof` returns them.
public struct AuditRecordProof: Sendable, Hashable {
    /// The AuditEvent's id.
    public let recordID: String
    /// The record as stored: its sequence and canonical bytes.
    public let record: StoredAuditRecord
    /// The checkpoint the proof leads to.
    public let checkpoint: AuditCheckpoint
    /// The checkpoint exactly as stored (its signed JSON).
    public let checkpointJSON: [UInt8]
    /// The audit path: leaf index (sequence − 1), tree size, sibling hashes.
    public let proof: MerkleInclusionProof

    /// A proof.
    public init(recordID: String, record: StoredAuditRecord, checkpoint: AuditCheckpoint, checkpointJSON: [UInt8], proof: MerkleInclusionProof) {
        self.recordID = recordID
        self.record = record
        self.checkpoint = checkpoint
        self.checkpointJSON = checkpointJSON
        self.proof = proof
    }

    /// The proof as a FHIR Parameters resource, its parameters in this order:
    ///
    /// - `record` (valueReference `AuditEvent/<id>`), `sequence` (valueInteger);
    /// - `leafIndex`, `treeSize` (valueInteger; valueDecimal beyond 2³¹ − 1);
    /// - `leafHash`, `root` (valueString, 64 hex digits); `algorithm` (valueString `RFC6962-SHA256`);
    /// - `path` (valueString, 64 hex digits), once per sibling, the leaf's sibling first;
    /// - `checkpoint` (valueString: the signed checkpoint's JSON as stored);
    /// - `canonical` (valueBase64Binary: the record's canonical bytes, the leaf's data).
    public var parameters: JSONValue {
        var parameter: [JSONValue] = [
            ["name": "record", "valueReference": ["reference": .string("AuditEvent/\(recordID)")]],
            Self.integer("sequence", record.sequence),
            Self.integer("leafIndex", Int64(proof.leafIndex)),
            Self.integer("treeSize", Int64(proof.treeSize)),
            ["name": "leafHash", "valueString": .string(record.leafHash.hex)],
            ["name": "root", "valueString": .string(checkpoint.root.hex)],
            ["name": "algorithm", "valueString": "RFC6962-SHA256"],
        ]
        parameter += proof.path.map { ["name": "path", "valueString": .string($0.hex)] }
        parameter.append(["name": "checkpoint", "valueString": .string(String(decoding: checkpointJSON, as: UTF8.self))])
        parameter.append(["name": "canonical", "valueBase64Binary": .string(Data(record.canonicalBytes).base64EncodedString())])
        return ["resourceType": "Parameters", "parameter": .array(parameter)]
    }

    /// A parameter holding a count: valueInteger while it fits FHIR's 32-bit integer.
    private static func integer(_ name: String, _ value: Int64) -> JSONValue {
        if value <= Int64(Int32.max) {
            return ["name": .string(name), "valueInteger": .number(JSONNumber(Int(value)))]
        }
        return ["name": .string(name), "valueDecimal": .number(JSONNumber(Int(value)))]
    }
}
