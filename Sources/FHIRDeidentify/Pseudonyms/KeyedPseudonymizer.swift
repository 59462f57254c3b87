import Crypto

/// Pseudonyms and per-patient date offsets keyed by the project's secret: HMAC-SHA256 over
/// the resource's internal row identity, never over the id a client chose (a client could
/// otherwise pick ids to recognise their pseudonyms, and ids are reused across servers).
///
/// The caller gives, for each resource type and id the engine meets, the stable internal key
/// of that resource (the store's row identity); a resource without one gets no pseudonym.
///
/// ```swift
/// let pseudonyms = KeyedPseudonymizer(secret: secret) { type, id in rowKeys["\(type)/\(id)"] }
/// pseudonyms.pseudonym(resourceType: "Patient", id: "123")  // 64 hex digits, or nil
/// ```
public struct KeyedPseudonymizer: Pseudonymizer {
    /// The internal key of the resource `id` of a type, or nil when there is none.
    public typealias InternalKeys = @Sendable (_ resourceType: String, _ id: String) -> String?

    /// The length of every pseudonym: 64 lowercase hexadecimal digits (the whole HMAC).
    public static let pseudonymLength = 64

    private let secret: PseudonymSecret
    private let internalKeys: InternalKeys

    /// A pseudonymizer keyed by `secret`, finding internal keys with `internalKeys`.
    public init(secret: PseudonymSecret, internalKeys: @escaping InternalKeys) {
        self.secret = secret
        self.internalKeys = internalKeys
    }

    /// The pseudonym of the resource whose internal key `internalKeys` gives.
    public func pseudonym(resourceType: String, id: String) -> String? {
        internalKeys(resourceType, id).map { pseudonym(resourceType: resourceType, internalKey: $0) }
    }

    /// The pseudonym of the resource of `resourceType` with this internal key: the hexadecimal
    /// HMAC-SHA256 of `kiln-pseudonym-v1`, the type and the key, each followed by a zero byte.
    public func pseudonym(resourceType: String, internalKey: String) -> String {
        let code = mac(["kiln-pseudonym-v1", resourceType, internalKey])
        return code.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }

    /// The number of days the dates of the patient with this internal key move: the same for
    /// every resource of that patient, never 0, between `-maximumDays` and `maximumDays`.
    public func dateShiftDays(patientInternalKey: String, maximumDays: Int) -> Int {
        guard maximumDays > 0 else { return 0 }
        let code = mac(["kiln-date-shift-v1", patientInternalKey])
        var number: UInt64 = 0
        for byte in code.prefix(8) { number = number << 8 | UInt64(byte) }
        let choice = Int(number % UInt64(2 * maximumDays))
        return choice < maximumDays ? choice - maximumDays : choice - maximumDays + 1
    }

    private func mac(_ parts: [String]) -> [UInt8] {
        var message: [UInt8] = []
        for part in parts {
            message.append(contentsOf: part.utf8)
            message.append(0)
        }
        let key = SymmetricKey(data: secret.bytes)
        return Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
    }
}
