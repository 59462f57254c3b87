/// The per-project secret pseudonyms and date offsets are keyed with. It never leaves the
/// server: whoever has it and the store can link a pseudonym back to its resource.
public struct PseudonymSecret: Sendable, Hashable, CustomStringConvertible {
    /// The fewest bytes a secret has: 32, the output size of SHA-256.
    public static let minimumByteCount = 32

    /// The secret's bytes.
    let bytes: [UInt8]

    /// A secret of these bytes; nil when there are fewer than ``minimumByteCount``.
    public init?(bytes: [UInt8]) {
        guard bytes.count >= Self.minimumByteCount else { return nil }
        self.bytes = bytes
    }

    /// A secret from its hexadecimal text (64 or more hex digits), as a configuration file holds it.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        self.init(bytes: bytes)
    }

    /// Masked, so that a logged configuration never shows it.
    public var description: String { "PseudonymSecret(\(bytes.count) bytes, masked)" }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
