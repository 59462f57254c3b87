import FHIRStore
import Foundation
import Testing

/// Users and their assigned patients in PostgreSQL.
@Suite("AuthStore users")
struct AuthStoreUserTests {
    @Test("A user is stored with role, fhirUser and assigned patients")
    func addGetList() async throws {
        try await withMigratedAuthStore { auth async throws in
            try await auth.addUser(UserRecord(username: "drsmith", passwordHash: "h1", role: "clinician", fhirUser: "Practitioner/7", patients: ["p2", "p1"]))
            try await auth.addUser(UserRecord(username: "ana", passwordHash: "h2", role: "researcher"))
            let smith = try #require(try await auth.user(named: "drsmith"))
            #expect(smith.passwordHash == "h1")
            #expect(smith.role == "clinician")
            #expect(smith.fhirUser == "Practitioner/7")
            #expect(smith.patients == ["p1", "p2"])
            #expect(try await auth.user(named: "ana")?.patients == [])
            #expect(try await auth.user(named: "nobody") == nil)
            #expect(try await auth.users().map(\.username) == ["ana", "drsmith"])
            await #expect(throws: AuthStoreError.userExists("ana")) {
                try await auth.addUser(UserRecord(username: "ana", passwordHash: "h3", role: "patient"))
            }
        }
    }

    @Test("Patients are assigned and unassigned; assigning to an unknown user fails")
    func assignments() async throws {
        try await withMigratedAuthStore { auth async throws in
            try await auth.addUser(UserRecord(username: "drsmith", passwordHash: "h", role: "clinician", patients: ["p1"]))
            try await auth.assignPatients(["p1", "p3"], to: "drsmith")
            #expect(try await auth.assignedPatients(of: "drsmith") == ["p1", "p3"])
            #expect(try await auth.unassignPatients(["p1", "p9"], from: "drsmith") == 1)
            #expect(try await auth.assignedPatients(of: "drsmith") == ["p3"])
            await #expect(throws: AuthStoreError.userNotFound("ghost")) { try await auth.assignPatients(["p1"], to: "ghost") }
        }
    }

    @Test("Removing a user removes their assignments and revokes their refresh tokens")
    func removal() async throws {
        try await withMigratedAuthStore { auth async throws in
            try await auth.addClient(publicApp())
            try await auth.addUser(UserRecord(username: "drsmith", passwordHash: "h", role: "clinician", patients: ["p1"]))
            try await auth.insertRefreshToken(RefreshTokenRecord(tokenHash: "r1", grantID: "g1", clientID: "app", username: "drsmith", scope: "openid"))
            #expect(try await auth.removeUser(named: "drsmith") == 1)
            #expect(try await auth.removeUser(named: "drsmith") == nil)
            #expect(try await auth.user(named: "drsmith") == nil)
            #expect(try await auth.assignedPatients(of: "drsmith") == [])
            #expect(try await auth.useRefreshToken(hash: "r1", clientID: "app", rotate: false) == nil)
        }
    }

    @Test("A removal of an account is recorded for every node to poll; a name added again is another account; removals are purged after a day")
    func removalRecords() async throws {
        try await withMigratedAuthStore { auth async throws in
            let before = try await auth.usersRemoved(since: .distantPast)
            #expect(before.users.isEmpty)
            let first = UserRecord(username: "pat", passwordHash: "h", role: "patient", fhirUser: "Patient/p1")
            try await auth.addUser(first)
            #expect(try await auth.user(named: "pat")?.accountID == first.accountID)
            try await auth.removeUser(named: "pat")
            let second = UserRecord(username: "pat", passwordHash: "h", role: "patient", fhirUser: "Patient/p1")
            #expect(second.accountID != first.accountID)
            try await auth.addUser(second)
            try await auth.removeUser(named: "pat")
            #expect(try await auth.removeUser(named: "pat") == nil)
            let removals = try await auth.usersRemoved(since: before.checkedAt)
            #expect(removals.users.map(\.username) == ["pat", "pat"])
            #expect(removals.users.map(\.accountID) == [first.accountID, second.accountID])
            #expect(removals.users[0].removedAt < removals.users[1].removedAt)
            #expect(removals.users.allSatisfy { $0.removedAt >= before.checkedAt && $0.removedAt <= removals.checkedAt })
            #expect(try await auth.usersRemoved(since: removals.checkedAt.addingTimeInterval(0.001)).users.isEmpty)

            #expect(try await auth.purgeExpired(now: Date()).userRemovals == 0)
            let summary = try await auth.purgeExpired(now: Date().addingTimeInterval(AuthStore.userRemovalMemory + 60))
            #expect(summary.userRemovals == 2)
            #expect(try await auth.usersRemoved(since: .distantPast).users.isEmpty)
        }
    }

    @Test("The first administrator is created once, by one of several nodes starting together")
    func firstAdministrator() async throws {
        try await withMigratedAuthStore { auth async throws in
            let created = try await withThrowingTaskGroup(of: Bool.self) { group in
                for node in 0..<4 {
                    group.addTask { try await auth.ensureAdministrator(passwordHash: "hash-\(node)") }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(created.filter { $0 }.count == 1)
            #expect(try await auth.user(named: AuthStore.firstAdministratorUsername)?.role == "administrator")
            #expect(try await auth.ensureAdministrator(passwordHash: "again") == false)
        }
    }

    @Test("No first administrator is created while another administrator exists")
    func existingAdministrator() async throws {
        try await withMigratedAuthStore { auth async throws in
            try await auth.addUser(UserRecord(username: "root", passwordHash: "h", role: "administrator"))
            #expect(try await auth.ensureAdministrator(passwordHash: "h2") == false)
            #expect(try await auth.user(named: "admin") == nil)
        }
    }
}
