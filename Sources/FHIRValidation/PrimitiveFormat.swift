import FHIRModel

/// The lexical rules of FHIR R4's primitive types, checked on JSON values.
///
/// ```swift
/// PrimitiveFormat.problem(with: .string("2024-02-30"), as: "date")   // "… is not a valid date"
/// PrimitiveFormat.problem(with: .string("urn:uuid:…"), as: "uri")    // nil
/// ```
enum PrimitiveFormat {
    /// The primitive types of R4.
    static let primitiveTypes: Set<String> = [
        "base64Binary", "boolean", "canonical", "code", "date", "dateTime", "decimal", "id", "instant",
        "integer", "markdown", "oid", "positiveInt", "string", "time", "unsignedInt", "uri", "url", "uuid", "xhtml",
    ]

    /// Whether `typeName` is a primitive type.
    static func isPrimitive(_ typeName: String) -> Bool {
        primitiveTypes.contains(typeName)
    }

    /// The longest string Kiln accepts in a primitive (the specification's 1 MB).
    static let maximumStringLength = 1_048_576

    /// Why `value` is not a valid `typeName`, or nil when it is.
    static func problem(with value: JSONValue, as typeName: String) -> String? {
        switch typeName {
        case "boolean":
            guard case .bool = value else { return "must be a JSON boolean (true or false), not \(describe(value))" }
            return nil
        case "integer", "positiveInt", "unsignedInt":
            guard case .number(let number) = value else { return "must be a JSON number, not \(describe(value))" }
            guard let integer = Int32(number.text) else { return "\(number.text) is not a valid \(typeName) (a whole number between -2147483648 and 2147483647)" }
            if typeName == "positiveInt" && integer < 1 { return "\(number.text) is not a valid positiveInt (it must be 1 or more)" }
            if typeName == "unsignedInt" && integer < 0 { return "\(number.text) is not a valid unsignedInt (it must be 0 or more)" }
            return nil
        case "decimal":
            guard case .number = value else { return "must be a JSON number, not \(describe(value))" }
            return nil
        default:
            guard case .string(let text) = value else { return "must be a JSON string, not \(describe(value))" }
            return problem(withText: text, as: typeName)
        }
    }

    /// Why `text` is not a valid string-based `typeName`, or nil.
    static func problem(withText text: String, as typeName: String) -> String? {
        if text.isEmpty { return "is empty; a \(typeName) must have a value or be left out" }
        if text.utf8.count > maximumStringLength { return "is longer than \(maximumStringLength) bytes" }
        switch typeName {
        case "string", "markdown":
            var sawContent = false
            for byte in text.utf8 {
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return "contains control characters, which are not allowed" }
                if byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { sawContent = true }
            }
            if !sawContent { return "has only whitespace" }
            return nil
        case "code":
            return isCode(text) ? nil : "'\(text)' is not a valid code (no leading, trailing or double whitespace)"
        case "id":
            return isID(text) ? nil : "'\(text)' is not a valid id (1-64 of A-Z, a-z, 0-9, '-' and '.')"
        case "uri", "url", "canonical":
            return text.unicodeScalars.contains(where: { $0.properties.isWhitespace }) ? "'\(text)' is not a valid \(typeName) (it contains whitespace)" : nil
        case "oid":
            return isOID(text) ? nil : "'\(text)' is not a valid oid (urn:oid: followed by dotted numbers)"
        case "uuid":
            return isUUID(text) ? nil : "'\(text)' is not a valid uuid (urn:uuid: followed by a lower-case UUID)"
        case "date":
            return DateTimeFormat.isDate(text) ? nil : "'\(text)' is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)"
        case "dateTime":
            return DateTimeFormat.isDateTime(text) ? nil : "'\(text)' is not a valid dateTime (a date, or a date and time with seconds and a time zone)"
        case "instant":
            return DateTimeFormat.isInstant(text) ? nil : "'\(text)' is not a valid instant (YYYY-MM-DDThh:mm:ss[.sss] with a time zone)"
        case "time":
            return DateTimeFormat.isTime(text) ? nil : "'\(text)' is not a valid time (hh:mm:ss[.sss])"
        case "base64Binary":
            return isBase64(text) ? nil : "is not valid base64"
        case "xhtml":
            return XHTMLCheck.problem(with: text)
        default:
            return nil
        }
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): "the string \"\(text.prefix(60))\""
        case .number(let number): "the number \(number.text)"
        case .bool(let flag): "the boolean \(flag)"
        case .null: "null"
        case .array: "an array"
        case .object: "an object"
        }
    }

    private static func isCode(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last else { return false }
        if first.properties.isWhitespace || last.properties.isWhitespace { return false }
        var previousWasSpace = false
        for scalar in scalars {
            let isSpace = scalar.properties.isWhitespace
            if isSpace && (previousWasSpace || scalar != " ") { return false }
            previousWasSpace = isSpace
        }
        return true
    }

    private static func isID(_ text: String) -> Bool {
        guard (1...64).contains(text.utf8.count) else { return false }
        return text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x2E
        }
    }

    private static func isOID(_ text: String) -> Bool {
        guard text.hasPrefix("urn:oid:") else { return false }
        let parts = text.dropFirst(8).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, let first = parts.first, ["0", "1", "2"].contains(first) else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) && (part == "0" || part.first != "0")
        }
    }

    private static func isUUID(_ text: String) -> Bool {
        guard text.hasPrefix("urn:uuid:") else { return false }
        let body = Array(text.utf8.dropFirst(9))
        guard body.count == 36 else { return false }
        for (position, byte) in body.enumerated() {
            if [8, 13, 18, 23].contains(position) {
                if byte != UInt8(ascii: "-") { return false }
            } else if !((byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66)) {
                return false
            }
        }
        return true
    }

    private static func isBase64(_ text: String) -> Bool {
        var count = 0
        var padding = 0
        for byte in text.utf8 {
            switch byte {
            case 0x20, 0x0A, 0x0D, 0x09: continue
            case UInt8(ascii: "="):
                padding += 1
                count += 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"):
                if padding > 0 { return false }
                count += 1
            default:
                return false
            }
        }
        return count % 4 == 0 && padding <= 2
    }
}
