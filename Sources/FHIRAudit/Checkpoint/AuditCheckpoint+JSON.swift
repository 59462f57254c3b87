public import Foundation

/// The checkpoint's JSON form, for a file or another system to keep:
///
/// ```json
/// {"chainHead": "<64 hex>", "kid": "<key id>", "root": "<64 hex>", "signature": "<128 hex>", "time": 1700000000, "treeSize": 50}
/// ```
///
/// `kid` names the signing key (``AuditCheckpoint/keyID``) and is left out when there is none.
/// Digests and the signature are lowercase hexadecimal; keys are written sorted, so the same
/// checkpoint is always the same bytes. The signature covers ``AuditCheckpoint/signedText``,
/// not this JSON, so any JSON reader can write it back.
extension AuditCheckpoint: Codable {
    private enum CodingKeys: String, CodingKey {
        case treeSize, root, chainHead, time, signature
        case keyID = "kid"
    }

    /// A checkpoint from its JSON object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let treeSize = try container.decode(Int64.self, forKey: .treeSize)
        let signatureText = try container.decode(String.self, forKey: .signature)
        guard let signature = Hex.bytes(signatureText) else {
            throw DecodingError.dataCorruptedError(forKey: .signature, in: container, debugDescription: "the signature is not hexadecimal")
        }
        let root = try container.decode(AuditDigest.self, forKey: .root)
        let chainHead = try container.decode(AuditDigest.self, forKey: .chainHead)
        let time = try container.decode(Int64.self, forKey: .time)
        let keyID = try container.decodeIfPresent(String.self, forKey: .keyID)
        do {
            self = try AuditCheckpoint(treeSize: treeSize, root: root, chainHead: chainHead, time: time, signature: signature, keyID: keyID)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .treeSize, in: container, debugDescription: error.description)
        }
    }

    /// The checkpoint as its JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(treeSize, forKey: .treeSize)
        try container.encode(root, forKey: .root)
        try container.encode(chainHead, forKey: .chainHead)
        try container.encode(time, forKey: .time)
        try container.encode(Hex.text(signature), forKey: .signature)
        try container.encodeIfPresent(keyID, forKey: .keyID)
    }

    /// The checkpoint as JSON, keys sorted.
    public func jsonData() throws(AuditCheckpointError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return try encoder.encode(self)
        } catch {
            throw .invalidJSON(String(describing: error))
        }
    }

    /// The checkpoint a JSON document holds; throws when it is not one.
    public init(jsonData: Data) throws(AuditCheckpointError) {
        do {
            self = try JSONDecoder().decode(AuditCheckpoint.self, from: jsonData)
        } catch let error as DecodingError {
            throw .invalidJSON(Self.reason(error))
        } catch {
            throw .invalidJSON(String(describing: error))
        }
    }

    private static func reason(_ error: DecodingError) -> String {
        switch error {
        case let .dataCorrupted(context), let .keyNotFound(_, context), let .typeMismatch(_, context), let .valueNotFound(_, context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }
}
