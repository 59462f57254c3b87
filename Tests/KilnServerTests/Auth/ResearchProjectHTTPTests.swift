import FHIRModel
import FHIRStore
import Foundation
import KilnTesting
import Logging
import NIOHTTP1
import SMARTAuth
import Testing

/// Research projects over HTTP: a researcher's token carries their project, and the
/// administration API registers and shows it with the rules of the command line.
@Suite("Research projects (HTTP)")
struct ResearchProjectHTTPTests {
    /// The claims of a JWT, unverified.
    static func claims(_ token: String) throws -> JSONObject {
        let parts = token.split(separator: ".")
        try #require(parts.count == 3)
        var text = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        let data = try #require(Data(base64Encoded: text))
        return try #require(try JSONParser().parse([UInt8](data)).objectValue)
    }

    @Test("A researcher backend client's token carries its project, or default; other roles' tokens carry none")
    func backendTokensCarryTheProject() async throws {
        try await AuthTestServer.run { auth in
            try await ResearchProjectStore(client: auth.store.client, logger: Logger(label: "test")).add(ResearchProjectRecord(name: "cardio-2025"))
            let key = BackendKey()
            for (id, role, project) in [("r-cardio", "researcher", "cardio-2025"), ("r-plain", "researcher", nil), ("steward", "data-steward", nil)] {
                try await auth.store.addClient(ClientRecord(clientID: id, kind: .confidentialAsymmetric, jwks: key.jwks, scope: "system/*.rs", role: role, project: project))
            }
            var projects: [String: String?] = [:]
            for id in ["r-cardio", "r-plain", "steward"] {
                let response = try await auth.postForm(auth.tokenURL, [
                    ("grant_type", "client_credentials"), ("scope", "system/*.rs"),
                    ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                    ("client_assertion", try key.assertion(clientID: id, audience: auth.tokenURL)),
                ])
                try #require(response.status == 200, "\(id): \(response.text)")
                projects[id] = try Self.claims(try #require(response.json?["access_token"]?.stringValue))["project"]?.stringValue
            }
            #expect(projects["r-cardio"] == .some("cardio-2025"))
            #expect(projects["r-plain"] == .some("default"))
            #expect(projects["steward"] == .some(nil))
        }
    }

    @Test("A researcher user's token from the authorization code flow carries their project")
    func userTokenCarriesTheProject() async throws {
        try await AuthTestServer.run { auth in
            try await ResearchProjectStore(client: auth.store.client, logger: Logger(label: "test")).add(ResearchProjectRecord(name: "onco", profile: .limitedDataSet))
            try await auth.store.addUser(UserRecord(
                username: "ana", passwordHash: try PasswordHasher(iterations: 210_000).hash("ana-password"), role: "researcher", project: "onco"
            ))
            try await auth.store.addClient(ClientRecord(clientID: "app", kind: .public, redirectURIs: ["http://localhost:9/callback"], scope: "openid user/*.rs"))
            var flow = AuthorizationCodeFlow(auth: auth)
            flow.scope = "openid user/*.rs"
            let (code, _) = try await flow.code(username: "ana", password: "ana-password")
            let exchanged = try await flow.exchange(code)
            try #require(exchanged.status == 200, "\(exchanged.text)")
            let token = try #require(exchanged.json?["access_token"]?.stringValue)
            #expect(try Self.claims(token)["project"]?.stringValue == "onco")
        }
    }

    @Test("The administration API registers a researcher's project, shows default without one, and refuses an unknown project or a project on another role")
    func administrationAPI() async throws {
        try await AuthTestServer.run { auth in
            try await ResearchProjectStore(client: auth.store.client, logger: Logger(label: "test")).add(ResearchProjectRecord(name: "cardio"))
            let key = try ServerSigningKey(pemRepresentation: try #require(try await auth.store.currentSigningKey()).privateKeyPEM)
            let admin = try await TokenIssuer(issuer: auth.server.baseURL, audience: auth.server.baseURL, key: key)
                .issueAccessToken(subject: "admin", clientID: "admin-console", scopes: try ScopeSet(parsing: "user/*.cruds"), role: .administrator).token
            func post(_ path: String, _ body: JSONValue) async throws -> KilnResponse {
                try await auth.client.request(
                    .POST, auth.serverURL + path, headers: ["Authorization": "Bearer \(admin)", "Content-Type": "application/json"], body: body.jsonBytes
                )
            }
            let user = try await post("/admin/users", ["username": "ana", "password": "ana-password", "role": "researcher", "project": "cardio"])
            #expect(user.status == 201, "\(user.text)")
            #expect(user.json?["project"] == "cardio")
            #expect(try await auth.store.user(named: "ana")?.project == "cardio")
            let plain = try await post("/admin/users", ["username": "bo", "password": "bo-password", "role": "researcher"])
            #expect(plain.json?["project"] == "default")
            let doctor = try await post("/admin/users", ["username": "doc", "password": "doc-password", "role": "clinician"])
            #expect(doctor.json?["project"] == nil)

            let client = try await post("/admin/clients", [
                "client_id": "etl", "kind": "confidential-asymmetric", "jwks": .object(try #require(try JSONParser().parse(Array(BackendKey().jwks.utf8)).objectValue)),
                "scope": "system/*.rs", "role": "researcher", "project": "cardio",
            ])
            #expect(client.status == 201, "\(client.text)")
            #expect(client.json?["project"] == "cardio")
            let shown = try await auth.get(auth.serverURL + "/admin/clients/etl", token: admin)
            #expect(shown.json?["project"] == "cardio")

            let unknown = try await post("/admin/users", ["username": "cy", "password": "cy-password", "role": "researcher", "project": "nowhere"])
            #expect(unknown.status == 400, "\(unknown.text)")
            #expect(unknown.json?["error_description"]?.stringValue?.contains("nowhere") == true)
            let clinician = try await post("/admin/users", ["username": "dee", "password": "dee-password", "role": "clinician", "project": "cardio"])
            #expect(clinician.status == 400)
            #expect(clinician.json?["error_description"]?.stringValue?.contains("researcher") == true)
            let system = try await post("/admin/clients", [
                "client_id": "sys", "kind": "confidential-symmetric", "secret": "a-shared-secret-of-some-length", "scope": "system/*.rs", "project": "cardio",
            ])
            #expect(system.status == 400, "\(system.text)")
            let badName = try await post("/admin/users", ["username": "eve", "password": "eve-password", "role": "researcher", "project": "no spaces"])
            #expect(badName.status == 400)
            #expect(try await auth.store.user(named: "cy") == nil)
        }
    }
}
