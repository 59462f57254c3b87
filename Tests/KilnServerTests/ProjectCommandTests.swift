import FHIRModel
import FHIRStore
import Foundation
import KilnTesting
import Logging
import Testing

/// `kiln project` and `--project` on `kiln client add` and `kiln user add`, as an operator runs
/// them (the commands' errors go to standard error, which the tests do not read).
@Suite("kiln project")
struct ProjectCommandTests {
    @Test("Projects are added, listed without their secrets and removed; registrations name them; bad ones fail")
    func projects() async throws {
        let database = try await TestCluster.shared.makeDatabase()
        let db = ["--database-url", "postgres://\(database.username)@\(database.host):\(database.port)/\(database.database)"]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-project-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let password = folder.appendingPathComponent("pw.txt")
        try Data("a-password\n".utf8).write(to: password)

        let added = try await KilnProcess.run(["project", "add", "cardio-2025", "--profile", "expert-determination", "--min-cell", "20"] + db)
        #expect(added.status == 0, "\(added.output)")
        #expect(added.output.contains("Added research project 'cardio-2025' (expert-determination, minimum cell size 20)"), "\(added.output)")
        #expect(try await KilnProcess.run(["project", "add", "plain"] + db).status == 0)
        for refused in [["project", "add", "cardio-2025"], ["project", "add", "no/slash"], ["project", "add", "x", "--profile", "open"],
                        ["project", "add", "x", "--min-cell", "0"], ["project", "remove", "default"], ["project", "remove", "nothing"]] {
            let result = try await KilnProcess.run(refused + db)
            #expect(result.status != 0, "\(refused): \(result.output)")
        }

        let table = try await KilnProcess.run(["project", "list"] + db)
        #expect(table.status == 0)
        #expect(table.output.contains("cardio-2025  expert-determination  20"), "\(table.output)")
        #expect(table.output.contains("default      safe-harbor           11"), "\(table.output)")
        let json = try await KilnProcess.run(["project", "list", "--json"] + db)
        let listed = try #require(try JSONParser().parse(Array(json.output.utf8)).arrayValue)
        #expect(listed.compactMap { $0["name"]?.stringValue } == ["cardio-2025", "default", "plain"])
        #expect(listed.allSatisfy { $0["secret"] == nil })

        let user = try await KilnProcess.run(["user", "add", "--username", "ana", "--password-file", password.path, "--role", "researcher", "--project", "cardio-2025"] + db)
        #expect(user.status == 0, "\(user.output)")
        let unknown = try await KilnProcess.run(["user", "add", "--username", "bo", "--password-file", password.path, "--role", "researcher", "--project", "nowhere"] + db)
        #expect(unknown.status != 0)
        let clinician = try await KilnProcess.run(["user", "add", "--username", "doc", "--password-file", password.path, "--role", "clinician", "--project", "plain"] + db)
        #expect(clinician.status != 0)
        let system = try await KilnProcess.run(["client", "add", "--client-id", "sys", "--secret", "s3cret-s3cret-s3cret", "--scope", "system/*.rs", "--project", "plain"] + db)
        #expect(system.status != 0, "a project on a system client: \(system.output)")
        let users = try await KilnProcess.run(["user", "list", "--json"] + db)
        #expect(users.output.contains(#""project" : "cardio-2025""#), "\(users.output)")
        #expect(!users.output.contains(#""username" : "bo""#) && !users.output.contains(#""username" : "doc""#))

        let inUse = try await KilnProcess.run(["project", "remove", "cardio-2025"] + db)
        #expect(inUse.status != 0)
        #expect(try await KilnProcess.run(["user", "remove", "--username", "ana"] + db).status == 0)
        let removed = try await KilnProcess.run(["project", "remove", "cardio-2025"] + db)
        #expect(removed.status == 0, "\(removed.output)")

        let everything = try await KilnProcess.run(["project", "list", "--json"] + db).output + table.output + added.output
        try await TestCluster.withClient(database) { client in
            for project in try await ResearchProjectStore(client: client, logger: Logger(label: "test")).projects() {
                let hex = project.secret.map { String(format: "%02x", $0) }.joined()
                #expect(!everything.contains(hex) && !everything.contains(Data(project.secret).base64EncodedString()))
            }
        }
        try? FileManager.default.removeItem(at: folder)
        try await TestCluster.shared.dropDatabase(database)
    }
}
