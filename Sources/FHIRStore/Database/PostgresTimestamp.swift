import Foundation
import NIOCore
import PostgresNIO

/// A `timestamptz` bind value rounded to the nearest microsecond, PostgreSQL's precision.
///
/// PostgresNIO encodes a `Date` by truncating its `Double` seconds to microseconds. A moment with
/// whole milliseconds, such as a version's `meta.lastUpdated`, is held by the `Double` only
/// approximately, often a hair below: truncation then stores the microsecond before it, and a
/// search for that exact instant misses the row. Every timestamp Kiln binds goes through this
/// type, so a stored instant and a searched one always land on the same microsecond.
///
/// ```swift
/// try await connection.query("… last_updated = \(PostgresTimestamp(now)) …", logger: logger)
/// ```
struct PostgresTimestamp: PostgresNonThrowingEncodable, Sendable {
    /// Microseconds since 2000-01-01T00:00:00Z, PostgreSQL's epoch.
    let microsecondsSince2000: Int64

    /// PostgreSQL's epoch, 2000-01-01T00:00:00Z, as seconds since 1970.
    private static let postgresEpoch: TimeInterval = 946_684_800

    /// The timestamp nearest to `date`.
    init(_ date: Date) {
        let microseconds = ((date.timeIntervalSince1970 - Self.postgresEpoch) * 1_000_000).rounded()
        microsecondsSince2000 = Int64(microseconds)
    }

    static var psqlType: PostgresDataType { .timestamptz }

    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeInteger(microsecondsSince2000)
    }
}
