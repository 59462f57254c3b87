public import Foundation
import Logging
import PostgresNIO

extension AuthStore {
    /// The name of the administrator ``ensureAdministrator(passwordHash:)`` creates: `admin`.
    public static let firstAdministratorUsername = "admin"

    static let userColumns = """
        u.username, u.password_hash, u.role, u.fhir_user, u.created_at, u.account_id, u.organization, u.break_glass, u.project,
        coalesce((SELECT array_agg(p.patient_id ORDER BY p.patient_id) FROM auth_user_patient p WHERE p.username = u.username), '{}')
        """

    /// Adds a user with their assigned patients, in one transaction. Throws
    /// ``AuthStoreError/userExists(_:)`` when the name is taken, and
    /// ``ResearchProjectError/projectNotFound(_:)`` when the user names a project that does not exist.
    public func addUser(_ record: UserRecord) async throws {
        let logger = self.logger
        try await Self.namingProject(record.project) { try await withTransaction { connection in
            let rows = try await connection.query(
                """
                INSERT INTO auth_user (username, password_hash, role, fhir_user, created_at, account_id, organization, break_glass, project)
                VALUES (\(record.username), \(record.passwordHash), \(record.role), \(record.fhirUser), \(PostgresTimestamp(record.createdAt)), \(record.accountID),
                        \(record.organization), \(record.breakGlass), \(record.project))
                ON CONFLICT (username) DO NOTHING RETURNING username
                """,
                logger: logger
            )
            var inserted = false
            for try await _ in rows.decode(String.self) { inserted = true }
            guard inserted else { throw AuthStoreError.userExists(record.username) }
            try await Self.assign(record.patients, to: record.username, on: connection, logger: logger)
        } }
    }

    /// The user with this name; nil when there is none.
    public func user(named username: String) async throws -> UserRecord? {
        let rows = try await client.query(
            "SELECT \(unescaped: Self.userColumns) FROM auth_user u WHERE u.username = \(username)",
            logger: logger
        )
        return try await Self.decodeUsers(rows).first
    }

    /// Every user, ordered by name.
    public func users() async throws -> [UserRecord] {
        let rows = try await client.query("SELECT \(unescaped: Self.userColumns) FROM auth_user u ORDER BY u.username", logger: logger)
        return try await Self.decodeUsers(rows)
    }

    /// Removes a user with their patient assignments, revokes their refresh tokens, deletes
    /// their unredeemed codes and records the removal of their account, so that every node
    /// refuses the access tokens issued to it (see ``usersRemoved(since:)``), in one transaction.
    /// Returns the number of refresh tokens revoked, or nil when no user has this name.
    @discardableResult
    public func removeUser(named username: String) async throws -> Int? {
        let logger = self.logger
        return try await withTransaction { connection in
            let deleted = try await connection.query(
                "DELETE FROM auth_user WHERE username = \(username) RETURNING account_id",
                logger: logger
            )
            var account: String?
            for try await accountID in deleted.decode(String.self) { account = accountID }
            guard let account else { return nil }
            let count = try await Self.endGrants(of: .user(username), on: connection, logger: logger)
            try await connection.query(
                "INSERT INTO auth_removed_user (account_id, username, removed_at) VALUES (\(account), \(username), clock_timestamp())",
                logger: logger
            )
            return count
        }
    }

    /// The user removals at or after `since`, oldest first, and the database's clock now. Pass
    /// `.distantPast` to load every removal not yet purged.
    public func usersRemoved(since: Date) async throws -> UserRemovals {
        let logger = self.logger
        return try await client.withConnection { connection in
            let checkedAt = try await Self.databaseNow(connection, logger: logger)
            return try await Self.usersRemoved(since: since, checkedAt: checkedAt, on: connection, logger: logger)
        }
    }

    /// ``usersRemoved(since:)`` on `connection`, with the clock read at `checkedAt`.
    static func usersRemoved(since: Date, checkedAt: Date, on connection: PostgresConnection, logger: Logger) async throws -> UserRemovals {
        let rows = try await connection.query(
            """
            SELECT account_id, username, removed_at FROM auth_removed_user
            WHERE removed_at >= \(PostgresTimestamp(since)) ORDER BY removed_at, account_id
            """,
            logger: logger
        )
        var users: [RemovedUser] = []
        for try await (accountID, username, removedAt) in rows.decode((String, String, Date).self) {
            users.append(RemovedUser(accountID: accountID, username: username, removedAt: removedAt))
        }
        return UserRemovals(users: users, checkedAt: checkedAt)
    }

    /// Assigns patients (by id) to a user; ids already assigned stay. Throws
    /// ``AuthStoreError/userNotFound(_:)`` when no user has this name.
    public func assignPatients(_ patientIDs: [String], to username: String) async throws {
        let logger = self.logger
        try await withTransaction { connection in
            let rows = try await connection.query(
                "SELECT username FROM auth_user WHERE username = \(username) FOR SHARE",
                logger: logger
            )
            var found = false
            for try await _ in rows.decode(String.self) { found = true }
            guard found else { throw AuthStoreError.userNotFound(username) }
            try await Self.assign(patientIDs, to: username, on: connection, logger: logger)
        }
    }

    /// Ends the assignment of patients (by id) to a user; returns how many were assigned.
    @discardableResult
    public func unassignPatients(_ patientIDs: [String], from username: String) async throws -> Int {
        let rows = try await client.query(
            """
            DELETE FROM auth_user_patient WHERE username = \(username) AND patient_id = ANY(\(patientIDs))
            RETURNING patient_id
            """,
            logger: logger
        )
        var count = 0
        for try await _ in rows.decode(String.self) { count += 1 }
        return count
    }

    /// The ids of the patients assigned to a user, sorted; empty for an unknown user.
    public func assignedPatients(of username: String) async throws -> [String] {
        let rows = try await client.query(
            "SELECT patient_id FROM auth_user_patient WHERE username = \(username) ORDER BY patient_id",
            logger: logger
        )
        var patients: [String] = []
        for try await patient in rows.decode(String.self) { patients.append(patient) }
        return patients
    }

    /// Creates the user ``firstAdministratorUsername`` with the role `administrator` when no
    /// administrator exists, and returns whether it did. Nodes starting together create one at
    /// most: the check and the insert hold a lock. Throws ``AuthStoreError/userExists(_:)`` when
    /// there is no administrator but a user of another role has the name.
    public func ensureAdministrator(passwordHash: String) async throws -> Bool {
        let logger = self.logger
        return try await withTransaction { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.administratorLockKey))", logger: logger)
            let existing = try await connection.query(
                "SELECT count(*) FROM auth_user WHERE role = 'administrator'",
                logger: logger
            )
            var administrators = 0
            for try await count in existing.decode(Int.self) { administrators = count }
            guard administrators == 0 else { return false }
            let rows = try await connection.query(
                """
                INSERT INTO auth_user (username, password_hash, role, created_at)
                VALUES (\(Self.firstAdministratorUsername), \(passwordHash), 'administrator', clock_timestamp())
                ON CONFLICT (username) DO NOTHING RETURNING username
                """,
                logger: logger
            )
            var inserted = false
            for try await _ in rows.decode(String.self) { inserted = true }
            guard inserted else { throw AuthStoreError.userExists(Self.firstAdministratorUsername) }
            return true
        }
    }

    /// An arbitrary constant that names the lock of ``ensureAdministrator(passwordHash:)``.
    static let administratorLockKey: Int64 = 0x4B494C4E_41444D4E

    static func assign(_ patientIDs: [String], to username: String, on connection: PostgresConnection, logger: Logger) async throws {
        guard !patientIDs.isEmpty else { return }
        try await connection.query(
            """
            INSERT INTO auth_user_patient (username, patient_id)
            SELECT \(username), patient FROM unnest(\(patientIDs)::text[]) AS patient
            ON CONFLICT DO NOTHING
            """,
            logger: logger
        )
    }

    static func decodeUsers(_ rows: PostgresRowSequence) async throws -> [UserRecord] {
        var users: [UserRecord] = []
        let columns = (String, String, String, String?, Date, String, String?, Bool, String?, [String]).self
        for try await (username, passwordHash, role, fhirUser, createdAt, accountID, organization, breakGlass, project, patients) in rows.decode(columns) {
            users.append(UserRecord(
                username: username, passwordHash: passwordHash, role: role, fhirUser: fhirUser, patients: patients, createdAt: createdAt, accountID: accountID,
                organization: organization, breakGlass: breakGlass, project: project
            ))
        }
        return users
    }
}
