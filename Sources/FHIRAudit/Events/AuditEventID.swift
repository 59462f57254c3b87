import Crypto

/// Ids of records derived from another record's id.
enum AuditEventID {
    /// A lowercase UUID (RFC 9562 version 8) made from the SHA-256 of `purpose` and `id`.
    static func derived(from id: String, purpose: String) -> String {
        var bytes = Array(SHA256.hash(data: Array("\(purpose):\(id)".utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = Hex.text(bytes)
        let utf8 = Array(hex.utf8)
        let groups = [utf8[0..<8], utf8[8..<12], utf8[12..<16], utf8[16..<20], utf8[20..<32]]
        return groups.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "-")
    }
}
