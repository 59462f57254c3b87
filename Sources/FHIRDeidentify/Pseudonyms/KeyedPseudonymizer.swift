import Crypto
import _CryptoExtras
import Synchronization

/// Pseudonyms and per-patient date offsets keyed by the project's secret, over the resource's
/// internal row identity, never over the id a client chose (a client could otherwise pick ids
/// to recognise their pseudonyms, and an id may be an MRN; 45 CFR §164.514(c)).
///
/// A pseudonym is one AES-256 block, the row identity, a tag of the resource type and a fixed
/// marker, enciphered under a key derived from the secret and written as 32 hexadecimal digits.
/// The server can therefore turn a pseudonym back into its row without a mapping table, while
/// without the secret it is indistinguishable from random; a made-up pseudonym decodes to a
/// wrong marker (one chance in 2³²·2³² of passing) and names nothing. Date offsets are an
/// HMAC-SHA256 of the patient's row identity under another derived key.
///
/// ```swift
/// let pseudonyms = KeyedPseudonymizer(secret: secret) { type, id in rowIDs["\(type)/\(id)"] }
/// let pseudonym = pseudonyms.pseudonym(resourceType: "Patient", id: "123")   // 32 hex digits, or nil
/// pseudonyms.internalKey(ofPseudonym: pseudonym!, resourceType: "Patient") // the row id
/// ```
public struct KeyedPseudonymizer: Pseudonymizer {
    /// The internal key (row identity) of the resource `id` of a type, or nil when there is none.
    public typealias InternalKeys = @Sendable (_ resourceType: String, _ id: String) -> Int64?

    /// The length of every pseudonym: 32 lowercase hexadecimal digits (one AES block).
    public static let pseudonymLength = 32

    private static let marker: [UInt8] = Array("kln1".utf8)

    private let cipherKey: SymmetricKey
    private let shiftKey: SymmetricKey
    private let internalKeys: InternalKeys

    /// A pseudonymizer keyed by `secret`, finding internal keys with `internalKeys`.
    public init(secret: PseudonymSecret, internalKeys: @escaping InternalKeys) {
        let material = SymmetricKey(data: secret.bytes)
        self.cipherKey = HKDF<SHA256>.deriveKey(inputKeyMaterial: material, info: Array("kiln-pseudonym-v1".utf8), outputByteCount: 32)
        self.shiftKey = HKDF<SHA256>.deriveKey(inputKeyMaterial: material, info: Array("kiln-date-shift-v1".utf8), outputByteCount: 32)
        self.internalKeys = internalKeys
    }

    /// The pseudonym of the resource whose internal key `internalKeys` gives.
    public func pseudonym(resourceType: String, id: String) -> String? {
        internalKeys(resourceType, id).flatMap { pseudonym(resourceType: resourceType, internalKey: $0) }
    }

    /// The pseudonym of the resource of `resourceType` with this internal key.
    public func pseudonym(resourceType: String, internalKey: Int64) -> String? {
        var block = [UInt8](repeating: 0, count: 16)
        let key = UInt64(bitPattern: internalKey)
        for index in 0..<8 { block[index] = UInt8(truncatingIfNeeded: key >> (56 - 8 * UInt64(index))) }
        block.replaceSubrange(8..<12, with: Self.typeTag(resourceType))
        block.replaceSubrange(12..<16, with: Self.marker)
        guard (try? AES.permute(&block, key: cipherKey)) != nil else { return nil }
        return Self.hex(block)
    }

    /// The internal key a pseudonym of `resourceType` stands for; nil when it is no pseudonym
    /// this secret made for that type.
    public func internalKey(ofPseudonym pseudonym: String, resourceType: String) -> Int64? {
        guard pseudonym.utf8.count == Self.pseudonymLength, var block = Self.bytes(hex: pseudonym) else { return nil }
        guard (try? AES.inversePermute(&block, key: cipherKey)) != nil else { return nil }
        guard Array(block[8..<12]) == Self.typeTag(resourceType), Array(block[12..<16]) == Self.marker else { return nil }
        var key: UInt64 = 0
        for byte in block[0..<8] { key = key << 8 | UInt64(byte) }
        return Int64(bitPattern: key)
    }

    /// The number of days the dates of the patient with this internal key move: the same for
    /// every resource of that patient, never 0, between `-maximumDays` and `maximumDays`.
    public func dateShiftDays(patientInternalKey: Int64, maximumDays: Int) -> Int {
        guard maximumDays > 0 else { return 0 }
        let code = Array(HMAC<SHA256>.authenticationCode(for: Array(String(patientInternalKey).utf8), using: shiftKey))
        var number: UInt64 = 0
        for byte in code.prefix(8) { number = number << 8 | UInt64(byte) }
        let choice = Int(number % UInt64(2 * maximumDays))
        return choice < maximumDays ? choice - maximumDays : choice - maximumDays + 1
    }

    /// The first four bytes of the SHA-256 of the type's name, computed once per type.
    private static func typeTag(_ resourceType: String) -> [UInt8] {
        if let known = typeTags.withLock({ $0[resourceType] }) { return known }
        let tag = Array(SHA256.hash(data: Array(resourceType.utf8)).prefix(4))
        typeTags.withLock { tags in
            if tags.count < 4096 { tags[resourceType] = tag }
        }
        return tag
    }

    private static let typeTags = Mutex<[String: [UInt8]]>([:])

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func bytes(hex: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var high: UInt8?
        for digit in hex.utf8 {
            let value: UInt8
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = digit - UInt8(ascii: "a") + 10
            default: return nil
            }
            if let first = high {
                bytes.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        return high == nil ? bytes : nil
    }
}
