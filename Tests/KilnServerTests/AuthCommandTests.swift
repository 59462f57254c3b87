import FHIRModel
import FHIRStore
import Foundation
import KilnTesting
import Logging
import PostgresNIO
import SMARTAuth
import Testing

/// `kiln client`, `kiln user` and `kiln launch` as an operator runs them.
@Suite("kiln client, user and launch")
struct AuthCommandTests {
    /// A scratch folder for the files the commands read.
    func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-auth-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes `text` to `name` in `folder` and returns its path.
    func write(_ text: String, to name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Whether `password` is the one a stored `pbkdf2-sha256$…` value was made from, as the
    /// server checks it.
    func pbkdf2Matches(_ password: String, _ stored: String) throws -> Bool {
        #expect(stored.hasPrefix("pbkdf2-sha256$600000$"))
        return try PasswordHasher().verify(password, against: stored)
    }

    func url(_ database: DatabaseConfiguration) -> String {
        "postgres://\(database.username)@\(database.host):\(database.port)/\(database.database)"
    }

    @Test("Clients are registered, listed and removed beside a running server; bad registrations fail")
    func clients() async throws {
        let database = try await TestCluster.shared.makeDatabase()
        let url = url(database)
        let server = try await KilnProcess.start(databaseURL: url)
        let folder = try scratchFolder()
        let jwks = try write(#"{"keys": [{"kty": "EC", "crv": "P-256", "kid": "k1", "x": "WKn-ZIGevcwGIyyrzFoZNBdaq9_TsqzGl96oc0CWuis", "y": "y77t-RvAHRKTsSGdIYUfweuOvwrvDD-Q3Hv5J0fSKbE"}]}"#, to: "etl.jwks.json", in: folder)
        let db = ["--database-url", url]

        let backend = try await KilnProcess.run(["client", "add", "--client-id", "etl", "--jwks-file", jwks, "--scope", "system/*.rs", "--role", "data-steward"] + db)
        #expect(backend.status == 0)
        #expect(backend.output.contains("Registered client 'etl' (confidential-asymmetric, role data-steward)"), "\(backend.output)")
        let app = try await KilnProcess.run(["client", "add", "--client-id", "viewer", "--public", "--redirect-uri", "https://app.example.org/cb",
                                              "--redirect-uri", "http://localhost:9000/cb", "--scope", "launch openid fhirUser patient/*.rs"] + db)
        #expect(app.status == 0)
        let chart = try await KilnProcess.run(["client", "add", "--client-id", "chart", "--secret", "s3cret-s3cret-s3cret", "--name", "Chart",
                                                "--redirect-uri", "https://chart.example.org/cb", "--scope", "openid user/Observation.rs"] + db)
        #expect(chart.status == 0)

        for refused in [
            ["client", "add", "--client-id", "bad", "--public", "--redirect-uri", "https://a.example/cb", "--scope", "patient/Observation.xyz"],
            ["client", "add", "--client-id", "bad", "--public", "--redirect-uri", "https://a.example/cb", "--scope", "patient/Observaton.rs"],
            ["client", "add", "--client-id", "bad", "--public", "--redirect-uri", "https://a.example/cb", "--scope", "patient/*.rs emial"],
            ["client", "add", "--client-id", "bad", "--public", "--secret", "s3cret-s3cret-s3cret", "--redirect-uri", "https://a.example/cb", "--scope", "openid"],
            ["client", "add", "--client-id", "bad", "--public", "--scope", "openid"],
            ["client", "add", "--client-id", "bad", "--public", "--redirect-uri", "http://app.example.org/cb", "--scope", "openid"],
            ["client", "add", "--client-id", "bad", "--jwks-file", jwks, "--scope", "system/*.rs", "--role", "superuser"],
            ["client", "add", "--client-id", "bad", "--jwks-file", try write(#"{"kty": "EC"}"#, to: "nokeys.json", in: folder), "--scope", "system/*.rs"],
            ["client", "add", "--client-id", "bad", "--jwks-file", try write(#"{"keys": [{"kty": "oct", "k": "c2VjcmV0"}]}"#, to: "oct.json", in: folder), "--scope", "system/*.rs"],
            ["client", "add", "--client-id", "etl", "--jwks-file", jwks, "--scope", "system/*.rs"],
        ] {
            let result = try await KilnProcess.run(refused + db)
            #expect(result.status != 0, "\(refused) was accepted")
        }

        let list = try await KilnProcess.run(["client", "list"] + db)
        #expect(list.status == 0)
        let lines = list.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("CLIENT ID") == true)
        #expect(lines.count == 4, "\(list.output)")
        #expect(lines.contains { $0.hasPrefix("chart ") && $0.contains("confidential-symmetric") && $0.contains("openid user/Observation.rs") })
        #expect(lines.contains { $0.hasPrefix("etl ") && $0.contains("data-steward") && $0.contains("system/*.rs") })
        #expect(lines.contains { $0.hasPrefix("viewer ") && $0.contains("https://app.example.org/cb http://localhost:9000/cb") })

        let json = try await KilnProcess.run(["client", "list", "--json"] + db)
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(listed.compactMap { $0["client_id"] as? String } == ["chart", "etl", "viewer"])
        #expect(listed.first?["name"] as? String == "Chart")
        #expect(!json.output.contains("pbkdf2"))

        try await TestCluster.withClient(database) { postgres async throws in
            let auth = AuthStore(client: postgres, logger: Logger(label: "test"))
            let chart = try #require(try await auth.client(id: "chart"))
            #expect(try pbkdf2Matches("s3cret-s3cret-s3cret", try #require(chart.secretHash)))
            #expect(try await auth.client(id: "etl")?.jwks?.contains("WKn-ZIGevcwGIyyrzFoZNBdaq9_TsqzGl96oc0CWuis") == true)
            try await auth.insertRefreshToken(RefreshTokenRecord(tokenHash: "r1", grantID: "g1", clientID: "viewer", username: "u", scope: "openid"))
        }

        let removed = try await KilnProcess.run(["client", "remove", "--client-id", "viewer"] + db)
        #expect(removed.status == 0)
        #expect(removed.output.contains("Removed client 'viewer'; 1 refresh token revoked."), "\(removed.output)")
        #expect(try await KilnProcess.run(["client", "remove", "--client-id", "viewer"] + db).status != 0)
        let after = try await KilnProcess.run(["client", "list"] + db)
        #expect(!after.output.contains("viewer"))
        let all = try await KilnProcess.run(["client", "list", "--include-removed"] + db)
        #expect(all.output.split(separator: "\n").contains { $0.hasPrefix("viewer ") && $0.contains("removed") })

        await server.kill(SIGTERM)
        try? FileManager.default.removeItem(at: folder)
        try? await TestCluster.shared.dropDatabase(database)
    }

    @Test("Users are added with their patients, listed and removed; launch values name a stored patient")
    func usersAndLaunch() async throws {
        let database = try await TestCluster.shared.makeDatabase()
        let url = url(database)
        let server = try await KilnProcess.start(databaseURL: url)
        let created = try await KilnClient(baseURL: server.baseURL).put("Patient/p1", json: Fixtures.patient(id: "p1"))
        try #require(created.status == 201)
        let folder = try scratchFolder()
        let password = try write("correct horse battery\n", to: "pw.txt", in: folder)
        let db = ["--database-url", url]

        let smith = try await KilnProcess.run(["user", "add", "--username", "drsmith", "--password-file", password, "--role", "clinician",
                                                "--fhir-user", "Practitioner/7", "--patient", "Patient/p1", "--patient", "p2"] + db)
        #expect(smith.status == 0)
        #expect(smith.output.contains("Added user 'drsmith' (clinician, Practitioner/7, 2 assigned patients)."), "\(smith.output)")
        let jane = try await KilnProcess.run(["user", "add", "--username", "jane", "--password-file", password, "--role", "patient", "--fhir-user", "Patient/p1"] + db)
        #expect(jane.status == 0)

        for refused in [
            ["user", "add", "--username", "drsmith", "--password-file", password, "--role", "clinician"],
            ["user", "add", "--username", "joe", "--password-file", password, "--role", "patient"],
            ["user", "add", "--username", "joe", "--password-file", password, "--role", "researcher", "--patient", "p1"],
            ["user", "add", "--username", "joe", "--password-file", password, "--role", "nurse"],
            ["user", "add", "--username", "joe", "--password-file", password, "--role", "clinician", "--patient", "Observation/1"],
            ["user", "add", "--username", "joe", "--password-file", password, "--role", "clinician", "--fhir-user", "Device/1"],
            ["user", "add", "--username", "joe", "--password-file", try write("short", to: "short.txt", in: folder), "--role", "clinician"],
            ["user", "add", "--username", "joe", "--password-file", folder.appendingPathComponent("missing").path, "--role", "clinician"],
        ] {
            let result = try await KilnProcess.run(refused + db)
            #expect(result.status != 0, "\(refused) was accepted")
        }

        let list = try await KilnProcess.run(["user", "list"] + db)
        let lines = list.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(list.output)")
        #expect(lines.first?.hasPrefix("USERNAME") == true)
        #expect(lines.contains { $0.hasPrefix("drsmith ") && $0.contains("clinician") && $0.contains("Practitioner/7") && $0.hasSuffix("p1 p2") })
        #expect(lines.contains { $0.hasPrefix("jane ") && $0.contains("patient") && $0.contains("Patient/p1") })
        let json = try await KilnProcess.run(["user", "list", "--json"] + db)
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(listed.first?["patients"] as? [String] == ["p1", "p2"])
        #expect(!json.output.contains("pbkdf2"))

        let launch = try await KilnProcess.run(["launch", "--patient", "Patient/p1", "--ttl", "120"] + db)
        #expect(launch.status == 0)
        let value = launch.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(value.count == 43)
        #expect(try await KilnProcess.run(["launch", "--patient", "nobody"] + db).status != 0)
        #expect(try await KilnProcess.run(["launch", "--patient", "p1", "--ttl", "0"] + db).status != 0)

        try await TestCluster.withClient(database) { postgres async throws in
            let auth = AuthStore(client: postgres, logger: Logger(label: "test"))
            let stored = try #require(try await auth.user(named: "drsmith"))
            #expect(try pbkdf2Matches("correct horse battery", stored.passwordHash))
            #expect(stored.patients == ["p1", "p2"])
            let context = try #require(try await auth.resolveLaunch(value))
            #expect(context.patient == "p1")
            #expect(context.expiresAt.timeIntervalSinceNow <= 120)
        }

        let removed = try await KilnProcess.run(["user", "remove", "--username", "drsmith"] + db)
        #expect(removed.status == 0)
        #expect(removed.output.contains("Removed user 'drsmith'; 0 refresh tokens revoked;"), "\(removed.output)")
        #expect(try await KilnProcess.run(["user", "remove", "--username", "drsmith"] + db).status != 0)
        #expect(!(try await KilnProcess.run(["user", "list"] + db).output.contains("drsmith")))

        await server.kill(SIGTERM)
        try? FileManager.default.removeItem(at: folder)
        try? await TestCluster.shared.dropDatabase(database)
    }
}
