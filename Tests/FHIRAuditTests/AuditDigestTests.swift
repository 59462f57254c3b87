import FHIRAudit
import Foundation
import Testing

/// The digest value: 32 bytes, written as 64 hexadecimal digits.
@Suite("Audit digest")
struct AuditDigestTests {
    @Test("A digest is SHA-256, and reads back from its bytes and its hex")
    func roundTrip() throws {
        let digest = AuditDigest.sha256(Array("abc".utf8))
        #expect(digest.hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(AuditDigest(bytes: digest.bytes) == digest)
        #expect(AuditDigest(hex: digest.hex) == digest)
        #expect(AuditDigest(hex: digest.hex.uppercased()) == digest)
        #expect(digest.description == digest.hex)
    }

    @Test("Anything but 32 bytes or 64 hex digits is no digest")
    func refusals() {
        #expect(AuditDigest(bytes: [UInt8](repeating: 0, count: 31)) == nil)
        #expect(AuditDigest(bytes: [UInt8](repeating: 0, count: 33)) == nil)
        #expect(AuditDigest(hex: String(repeating: "0", count: 62)) == nil)
        #expect(AuditDigest(hex: String(repeating: "0", count: 63)) == nil)
        #expect(AuditDigest(hex: String(repeating: "g", count: 64)) == nil)
        #expect(AuditDigest(hex: "") == nil)
    }

    @Test("A digest's JSON is its hex string")
    func json() throws {
        let digest = AuditDigest.sha256([1, 2, 3])
        let data = try JSONEncoder().encode([digest])
        #expect(String(decoding: data, as: UTF8.self) == "[\"\(digest.hex)\"]")
        #expect(try JSONDecoder().decode([AuditDigest].self, from: data) == [digest])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([AuditDigest].self, from: Data("[\"abc\"]".utf8)) }
    }
}
