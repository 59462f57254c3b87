import FHIRStore
import Foundation
import KilnTesting
import Logging
import Testing

/// Research projects in PostgreSQL: the built-in `default`, adding, listing, finding and
/// removing, and the registrations that belong to a project.
@Suite("Research projects")
struct ResearchProjectStoreTests {
    /// Runs `body` with the project and auth stores over a fresh, migrated database.
    func withStores(_ body: @Sendable (ResearchProjectStore, AuthStore) async throws -> Void) async throws {
        try await withMigratedStore { store in
            let logger = Logger(label: "test")
            try await body(ResearchProjectStore(client: store.client, logger: logger), AuthStore(client: store.client, logger: logger))
        }
    }

    func researcher(_ id: String, project: String?) -> ClientRecord {
        ClientRecord(clientID: id, kind: .confidentialAsymmetric, jwks: #"{"keys": [{"kty": "EC", "crv": "P-256", "x": "a", "y": "b"}]}"#,
                     scope: "system/*.rs", role: "researcher", project: project)
    }

    @Test("The project default exists after migrating: Safe Harbor, minimum cell 11, a 32-byte secret that later runs keep")
    func defaultProjectExists() async throws {
        let database = try await TestCluster.shared.makeDatabase()
        try await TestCluster.withClient(database) { client in
            let logger = Logger(label: "test")
            try await Migrator().migrate(client: client, logger: logger)
            let projects = ResearchProjectStore(client: client, logger: logger)
            let first = try #require(try await projects.project(named: "default"))
            #expect(first.profile == .safeHarbor)
            #expect(first.minimumCellSize == 11)
            #expect(first.secret.count == 32)
            #expect(Set(first.secret).count > 1)
            try await Migrator().migrate(client: client, logger: logger)
            #expect(try await projects.project(named: "default")?.secret == first.secret)
            #expect(try await projects.projects().map(\.name) == ["default"])
        }
        try await TestCluster.shared.dropDatabase(database)
    }

    @Test("Nodes migrating at once agree on one default project")
    func concurrentNodesShareTheSecret() async throws {
        let database = try await TestCluster.shared.makeDatabase()
        try await TestCluster.withClient(database) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 { group.addTask { try await Migrator().migrate(client: client, logger: Logger(label: "test")) } }
                try await group.waitForAll()
            }
            #expect(try await ResearchProjectStore(client: client, logger: Logger(label: "test")).projects().count == 1)
        }
        try await TestCluster.shared.dropDatabase(database)
    }

    @Test("A project is stored as added, with its own secret, and listed by name")
    func addFindList() async throws {
        try await withStores { projects, _ in
            try await projects.add(ResearchProjectRecord(name: "cardio-2025", profile: .expertDetermination, minimumCellSize: 20))
            try await projects.add(ResearchProjectRecord(name: "b.lds_1", profile: .limitedDataSet, minimumCellSize: 1))
            let cardio = try #require(try await projects.project(named: "cardio-2025"))
            #expect(cardio.profile == .expertDetermination)
            #expect(cardio.minimumCellSize == 20)
            #expect(cardio.secret.count == ResearchProjectRecord.minimumSecretByteCount)
            #expect(cardio.secret != (try await projects.project(named: "default"))?.secret)
            #expect(try await projects.project(named: "nothing") == nil)
            #expect(try await projects.projects().map(\.name) == ["b.lds_1", "cardio-2025", "default"])
        }
    }

    @Test("A name is taken once; names and cell sizes outside the rules are refused")
    func addRefusals() async throws {
        try await withStores { projects, _ in
            try await projects.add(ResearchProjectRecord(name: "p1"))
            await #expect(throws: ResearchProjectError.projectExists("p1")) { try await projects.add(ResearchProjectRecord(name: "p1")) }
            await #expect(throws: ResearchProjectError.projectExists("default")) { try await projects.add(ResearchProjectRecord(name: "default")) }
            for name in ["", "with space", "a/b", String(repeating: "x", count: 65), "é"] {
                await #expect(throws: ResearchProjectError.invalidName(name)) { try await projects.add(ResearchProjectRecord(name: name)) }
            }
            await #expect(throws: ResearchProjectError.invalidMinimumCellSize(0)) {
                try await projects.add(ResearchProjectRecord(name: "p2", minimumCellSize: 0))
            }
        }
    }

    @Test("The built-in project cannot be removed")
    func defaultIsNotRemoved() async throws {
        try await withStores { projects, _ in
            await #expect(throws: ResearchProjectError.builtIn("default")) { try await projects.remove(named: "default") }
            await #expect(throws: ResearchProjectError.projectNotFound("nothing")) { try await projects.remove(named: "nothing") }
        }
    }

    @Test("A project that registrations belong to is not removed; the error names them; once they are gone it is")
    func removalRefusedWhileInUse() async throws {
        try await withStores { projects, auth in
            try await projects.add(ResearchProjectRecord(name: "cardio"))
            try await auth.addClient(researcher("etl-b", project: "cardio"))
            try await auth.addClient(researcher("etl-a", project: "cardio"))
            try await auth.addUser(UserRecord(username: "ana", passwordHash: "h", role: "researcher", project: "cardio"))
            #expect(try await auth.client(id: "etl-a")?.project == "cardio")
            #expect(try await auth.user(named: "ana")?.project == "cardio")
            await #expect(throws: ResearchProjectError.inUse("cardio", clients: ["etl-a", "etl-b"], users: ["ana"])) {
                try await projects.remove(named: "cardio")
            }
            try await auth.removeClient(id: "etl-a")
            try await auth.removeClient(id: "etl-b")
            await #expect(throws: ResearchProjectError.inUse("cardio", clients: [], users: ["ana"])) {
                try await projects.remove(named: "cardio")
            }
            try await auth.removeUser(named: "ana")
            try await projects.remove(named: "cardio")
            #expect(try await projects.project(named: "cardio") == nil)
            #expect(try await auth.client(id: "etl-a", includeRemoved: true)?.project == nil)
        }
    }

    @Test("A registration naming a project that does not exist is refused with the project's name")
    func unknownProjectRefused() async throws {
        try await withStores { _, auth in
            await #expect(throws: ResearchProjectError.projectNotFound("nowhere")) { try await auth.addClient(researcher("etl", project: "nowhere")) }
            await #expect(throws: ResearchProjectError.projectNotFound("nowhere")) {
                try await auth.addUser(UserRecord(username: "ana", passwordHash: "h", role: "researcher", project: "nowhere"))
            }
            #expect(try await auth.clients(includeRemoved: true).isEmpty)
            #expect(try await auth.user(named: "ana") == nil)
            try await auth.addClient(researcher("etl", project: nil))
            #expect(try await auth.client(id: "etl")?.project == nil)
        }
    }

    @Test("A project's description and debug description never show its secret")
    func secretMasked() {
        let record = ResearchProjectRecord(name: "p", secret: Array(repeating: 0xAB, count: 32))
        for text in [String(describing: record), String(reflecting: record), "\(record)"] {
            #expect(!text.lowercased().contains("ab, ") && !text.contains("171"))
            #expect(text.contains("masked"))
        }
    }
}
