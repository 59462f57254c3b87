import FHIRModel

/// Parses JSON text with the default limits.
func json(_ text: String) throws -> JSONValue {
    try JSONParser().parse(text)
}

/// Parses raw bytes with the default limits.
func json(bytes: [UInt8]) throws -> JSONValue {
    try JSONParser().parse(bytes)
}

/// The error the parser reports for `text`, or nil when it parses.
func parseError(_ text: String, limits: JSONLimits = .default) -> JSONParseError? {
    parseError(bytes: Array(text.utf8), limits: limits)
}

/// The error the parser reports for `bytes`, or nil when they parse.
func parseError(bytes: [UInt8], limits: JSONLimits = .default) -> JSONParseError? {
    do {
        _ = try JSONParser(limits: limits).parse(bytes)
        return nil
    } catch {
        return error
    }
}
