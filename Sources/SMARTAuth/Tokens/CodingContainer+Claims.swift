import Foundation

extension KeyedEncodingContainer {
    /// Encodes `date` as a JWT NumericDate: whole seconds since 1970, rounded down.
    mutating func encodeNumericDate(_ date: Date, forKey key: Key) throws {
        try encode(Int64(date.timeIntervalSince1970.rounded(.down)), forKey: key)
    }
}

extension KeyedDecodingContainer {
    /// Decodes a JWT NumericDate (seconds since 1970, possibly with a fraction).
    func decodeNumericDate(forKey key: Key) throws -> Date {
        Date(timeIntervalSince1970: try decode(Double.self, forKey: key))
    }

    /// Decodes a JWT NumericDate when present.
    func decodeNumericDateIfPresent(forKey key: Key) throws -> Date? {
        try decodeIfPresent(Double.self, forKey: key).map(Date.init(timeIntervalSince1970:))
    }

    /// Decodes a Kiln role by its name when present.
    func decodeRoleIfPresent(forKey key: Key) throws -> Role? {
        guard let name = try decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let role = Role(rawValue: name) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "'\(name)' is not a Kiln role")
        }
        return role
    }
}
