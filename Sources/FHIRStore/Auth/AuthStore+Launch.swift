public import Foundation
import PostgresNIO

extension AuthStore {
    /// How long a launch value is accepted by default: 1 hour.
    public static let defaultLaunchLifetime: TimeInterval = 3600

    /// Creates a launch context for the patient with id `patient` and returns its `launch` value
    /// (random, 256 bits; only its ``TokenDigest`` is stored), accepted for `ttl` seconds.
    public func mintLaunch(patient: String, ttl: TimeInterval = AuthStore.defaultLaunchLifetime, now: Date = Date()) async throws -> String {
        let launch = OpaqueToken.random()
        try await client.query(
            """
            INSERT INTO auth_launch (launch_hash, patient, created_at, expires_at)
            VALUES (\(TokenDigest.of(launch)), \(patient), \(PostgresTimestamp(now)), \(PostgresTimestamp(now.addingTimeInterval(ttl))))
            """,
            logger: logger
        )
        return launch
    }

    /// The context of a `launch` value; nil when it is unknown or expired at `now`.
    public func resolveLaunch(_ launch: String, now: Date = Date()) async throws -> LaunchRecord? {
        let rows = try await client.query(
            """
            SELECT patient, expires_at FROM auth_launch
            WHERE launch_hash = \(TokenDigest.of(launch)) AND expires_at > \(PostgresTimestamp(now))
            """,
            logger: logger
        )
        var record: LaunchRecord?
        for try await (patient, expiresAt) in rows.decode((String, Date).self) {
            record = LaunchRecord(patient: patient, expiresAt: expiresAt)
        }
        return record
    }
}
