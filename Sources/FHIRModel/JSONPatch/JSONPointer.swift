/// A JSON Pointer (RFC 6901): a path of reference tokens that picks one value out of a document.
///
/// The empty pointer `""` is the whole document; `/a/b/0` is member `b` of member `a`, then
/// its first element. In a token, `~1` stands for `/` and `~0` for `~`. The token `-` names the
/// position after the last element of an array, which JSON Patch uses to append.
///
/// ```swift
/// let pointer = try JSONPointer("/name/0/given")
/// pointer.tokens        // ["name", "0", "given"]
/// pointer.resolve(in: patient)
/// ```
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    /// The reference tokens, unescaped, from the root down.
    public let tokens: [String]

    /// The pointer to the whole document.
    public static let root = JSONPointer(tokens: [])

    /// A pointer made of these already unescaped tokens.
    public init(tokens: [String]) {
        self.tokens = tokens
    }

    /// Parses the string form of a pointer, such as `/a/b~1c/0`.
    ///
    /// Throws when the text is not empty and does not start with `/`, or when a `~` is not
    /// followed by `0` or `1`.
    public init(_ text: String) throws(JSONPointerError) {
        guard !text.isEmpty else {
            self.tokens = []
            return
        }
        guard text.utf8.first == UInt8(ascii: "/") else {
            throw JSONPointerError(pointer: text, reason: "a non-empty pointer must start with '/'")
        }
        var tokens: [String] = []
        for rawToken in text.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            tokens.append(try Self.unescape(rawToken, in: text))
        }
        self.tokens = tokens
    }

    /// Whether this is the pointer to the whole document.
    public var isRoot: Bool { tokens.isEmpty }

    /// The pointer to the value that contains this one; nil for the root.
    public var parent: JSONPointer? {
        isRoot ? nil : JSONPointer(tokens: Array(tokens.dropLast()))
    }

    /// The last token, which names this value inside its parent; nil for the root.
    public var lastToken: String? { tokens.last }

    /// Whether `self` points strictly inside the value `other` points at.
    ///
    /// Tokens compare by code point, as RFC 6901 requires, not by Unicode canonical equivalence.
    public func isProperDescendant(of other: JSONPointer) -> Bool {
        tokens.count > other.tokens.count && JSONPointer(tokens: Array(tokens.prefix(other.tokens.count))) == other
    }

    /// Pointers are equal when their tokens have the same code points, as RFC 6901 compares them.
    public static func == (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        lhs.tokens.count == rhs.tokens.count
            && zip(lhs.tokens, rhs.tokens).allSatisfy { $0.unicodeScalars.elementsEqual($1.unicodeScalars) }
    }

    /// Hashes the tokens.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(tokens)
    }

    /// The pointer in its string form, with `~` and `/` escaped.
    public var description: String {
        tokens.map { "/" + Self.escape($0) }.joined()
    }

    /// The value this pointer selects in `document`, or nil when there is none.
    public func resolve(in document: JSONValue) -> JSONValue? {
        var current = document
        for token in tokens {
            switch current {
            case .object(let object):
                guard let member = object[token] else { return nil }
                current = member
            case .array(let elements):
                guard let index = Self.arrayIndex(token), index < elements.count else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }

    /// The array index a token names: decimal digits without leading zeros, or nil.
    ///
    /// `-` is not an index; callers that accept it (JSON Patch `add`) check for it first.
    public static func arrayIndex(_ token: String) -> Int? {
        let digits = token.utf8
        guard let first = digits.first, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        guard first != UInt8(ascii: "0") || digits.count == 1 else { return nil }
        return Int(token)
    }

    /// The token that means "after the last element" of an array.
    public static let appendToken = "-"

    private static func unescape(_ raw: Substring.UTF8View, in text: String) throws(JSONPointerError) -> String {
        guard raw.contains(UInt8(ascii: "~")) else { return String(decoding: raw, as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var iterator = raw.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "~") else {
                bytes.append(byte)
                continue
            }
            switch iterator.next() {
            case UInt8(ascii: "0"): bytes.append(UInt8(ascii: "~"))
            case UInt8(ascii: "1"): bytes.append(UInt8(ascii: "/"))
            default: throw JSONPointerError(pointer: text, reason: "'~' must be followed by '0' or '1'")
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacing("~", with: "~0").replacing("/", with: "~1")
    }
}
