/// A strict JSON parser (RFC 8259) that keeps key order and exact number text.
///
/// It rejects what FHIR servers must reject: duplicate keys, invalid UTF-8, lone surrogate
/// escapes, trailing content, and nesting deeper than ``JSONLimits/maximumDepth``.
public struct JSONParser: Sendable {
    /// The limits applied while parsing.
    public var limits: JSONLimits

    /// A parser with the given limits.
    public init(limits: JSONLimits = .default) {
        self.limits = limits
    }

    /// Parses one JSON text.
    public func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        try reading { body in try bytes.withUnsafeBufferPointer(body) }
    }

    /// Parses one JSON text from a string, reading its UTF-8 where it is.
    public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var text = text
        return try reading { body in try text.withUTF8(body) }
    }

    /// Runs a reader over the bytes `withBytes` lends; the closures' untyped errors are only
    /// ever the reader's `JSONParseError`.
    private func reading(
        _ withBytes: ((UnsafeBufferPointer<UInt8>) throws -> JSONValue) throws -> JSONValue
    ) throws(JSONParseError) -> JSONValue {
        do {
            return try withBytes { buffer in
                var reader = Reader(bytes: buffer, maximumDepth: limits.maximumDepth)
                return try reader.parseDocument()
            }
        } catch let error as JSONParseError {
            throw error
        } catch {
            throw JSONParseError(kind: .syntax, message: "\(error)", offset: 0, line: 1, column: 1)
        }
    }
}

private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    let maximumDepth: Int
    var index = 0
    var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        // A UTF-8 byte order mark is tolerated, as many clients send one.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        guard index < bytes.count else { throw error(.syntax, "The body is empty; expected a JSON value") }
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw error(.syntax, "Unexpected content after the end of the JSON value") }
        return value
    }

    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard index < bytes.count else { throw error(.syntax, "Unexpected end of input; expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default:
            throw error(.syntax, "Unexpected character '\(describe(bytes[index]))'; expected a value")
        }
    }

    mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > maximumDepth {
            throw error(.tooDeep, "JSON nesting is deeper than the limit of \(maximumDepth) levels")
        }
    }

    mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enter()
        index += 1
        var members: [JSONObject.Member] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(JSONObject(uniqueMembers: members))
        }
        // Most FHIR objects have a few members: one allocation for them.
        members.reserveCapacity(4)
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error(.syntax, "Expected a quoted member name")
            }
            let keyStart = index
            let key = try parseString()
            for member in members where JSONObject.sameKey(member.key, key) {
                index = keyStart
                throw error(.duplicateKey, "Duplicate member name '\(key)' in an object")
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error(.syntax, "Expected ':' after member name '\(key)'")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            members.append((key: key, value: value))
            skipWhitespace()
            guard index < bytes.count else { throw error(.syntax, "Unexpected end of input inside an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return .object(JSONObject(uniqueMembers: members))
            }
            throw error(.syntax, "Expected ',' or '}' in an object")
        }
    }

    mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enter()
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        elements.reserveCapacity(2)
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw error(.syntax, "Unexpected end of input inside an array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return .array(elements)
            }
            throw error(.syntax, "Expected ',' or ']' in an array")
        }
    }

    mutating func parseString() throws(JSONParseError) -> String {
        index += 1  // opening quote
        let start = index
        // Fast path: no escapes. A string of ASCII alone needs no validation.
        var highBits: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                if highBits < 0x80 { return String(decoding: slice, as: UTF8.self) }
                return try decodeUTF8(slice, at: start)
            }
            highBits |= byte
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error(.syntax, "Control character in a string must be escaped") }
            index += 1
        }
        guard index < bytes.count else {
            index = start
            throw error(.syntax, "Unterminated string")
        }
        var scalars: [UInt8] = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return try scalars.withUnsafeBufferPointer { buffer throws(JSONParseError) in try decodeUTF8(buffer, at: start) }
            }
            if byte < 0x20 { throw error(.syntax, "Control character in a string must be escaped") }
            if byte != UInt8(ascii: "\\") {
                scalars.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): scalars.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): scalars.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): scalars.append(0x08)
            case UInt8(ascii: "f"): scalars.append(0x0C)
            case UInt8(ascii: "n"): scalars.append(0x0A)
            case UInt8(ascii: "r"): scalars.append(0x0D)
            case UInt8(ascii: "t"): scalars.append(0x09)
            case UInt8(ascii: "u"):
                var code = try parseHex4()
                if (0xD800...0xDBFF).contains(code) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw error(.invalidUTF8, "Unpaired UTF-16 surrogate in a \\u escape")
                    }
                    index += 2
                    let low = try parseHex4()
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw error(.invalidUTF8, "Unpaired UTF-16 surrogate in a \\u escape")
                    }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(code) {
                    throw error(.invalidUTF8, "Unpaired UTF-16 surrogate in a \\u escape")
                }
                guard let scalar = Unicode.Scalar(code) else {
                    throw error(.invalidUTF8, "Invalid Unicode escape")
                }
                scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                index -= 1
                throw error(.syntax, "Invalid escape sequence '\\\(describe(escape))' in a string")
            }
        }
        index = start
        throw error(.syntax, "Unterminated string")
    }

    mutating func parseHex4() throws(JSONParseError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error(.syntax, "Incomplete \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let nibble: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error(.syntax, "Invalid hexadecimal digit in a \\u escape")
            }
            value = value << 4 | nibble
            index += 1
        }
        return value
    }

    func decodeUTF8(_ slice: UnsafeBufferPointer<UInt8>, at start: Int) throws(JSONParseError) -> String {
        // Decoding repairs malformed sequences, overlong forms and encoded surrogates (each
        // becomes U+FFFD), so the text is valid exactly when its bytes come back unchanged.
        let string = String(decoding: slice, as: UTF8.self)
        guard string.utf8.elementsEqual(slice) else {
            var copy = self
            copy.index = start
            throw copy.error(.invalidUTF8, "A string is not valid UTF-8")
        }
        return string
    }

    mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let start = index
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error(.syntax, "Invalid number: expected a digit") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) {
                throw error(.syntax, "Invalid number: leading zeros are not allowed")
            }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error(.syntax, "Invalid number: expected a digit after '.'") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error(.syntax, "Invalid number: expected a digit in the exponent") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        return JSONNumber(uncheckedText: text)
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw error(.syntax, "Unexpected end of input; expected '\(literal)'") }
        let matches = literal.withUTF8Buffer { expected in
            for offset in 0..<count where bytes[index + offset] != expected[offset] { return false }
            return true
        }
        guard matches else { throw error(.syntax, "Unexpected token; expected '\(literal)'") }
        index += count
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    func describe(_ byte: UInt8) -> String {
        if byte >= 0x20 && byte < 0x7F { return String(UnicodeScalar(byte)) }
        return "\\u{\(String(byte, radix: 16))}"
    }

    func error(_ kind: JSONParseError.Kind, _ message: String) -> JSONParseError {
        var line = 1
        var lineStart = 0
        let end = min(index, bytes.count)
        for position in 0..<end where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        return JSONParseError(kind: kind, message: message, offset: index, line: line, column: index - lineStart + 1)
    }
}
