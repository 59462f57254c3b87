import Foundation

/// The position a next or previous link continues from, carried in `_cursor` as opaque text.
///
/// It holds the internal row number of the page's last (or first) resource, the direction,
/// when it was issued and a digest of the query it belongs to: no resource content, no
/// personal data. The compiler finds the sort values of that row again in SQL, so a page costs
/// the same at any depth, and any Kiln node can continue it.
public struct PageCursor: Sendable, Hashable {
    /// Which way the page goes from the anchor row.
    public enum Direction: UInt8, Sendable, Hashable {
        /// Rows after the anchor (a next link).
        case next = 1
        /// Rows before the anchor (a previous link).
        case previous = 2
    }

    /// The internal row number (`resource.rid`) of the anchor.
    public var anchor: Int64
    /// Which way to go.
    public var direction: Direction
    /// When the link was made, in whole seconds since 1970.
    public var issuedAt: Int64
    /// ``SearchQuery`` digest of the search the link belongs to.
    public var queryDigest: UInt32

    /// A cursor.
    public init(anchor: Int64, direction: Direction, issuedAt: Int64, queryDigest: UInt32) {
        self.anchor = anchor
        self.direction = direction
        self.issuedAt = issuedAt
        self.queryDigest = queryDigest
    }

    /// The opaque text form: base64url of a fixed 22-byte layout (version 1).
    public var encoded: String {
        var bytes: [UInt8] = [1, direction.rawValue]
        withUnsafeBytes(of: anchor.bigEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: issuedAt.bigEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: queryDigest.bigEndian) { bytes.append(contentsOf: $0) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Decodes ``encoded``; nil for anything else.
    public init?(encoded text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64.append("=") }
        guard let data = Data(base64Encoded: base64), data.count == 22, data[data.startIndex] == 1,
              let direction = Direction(rawValue: data[data.startIndex + 1]) else { return nil }
        let bytes = [UInt8](data)
        func integer(_ range: Range<Int>) -> UInt64 { bytes[range].reduce(0) { $0 << 8 | UInt64($1) } }
        self.init(
            anchor: Int64(bitPattern: integer(2..<10)),
            direction: direction,
            issuedAt: Int64(bitPattern: integer(10..<18)),
            queryDigest: UInt32(truncatingIfNeeded: integer(18..<22))
        )
    }
}
