import FHIRStore
import Foundation
import KilnTesting
import Synchronization
import Testing

/// Kiln's authorization server as a widely used OAuth client library sees it: the authlib
/// client in Tests/interop/smart_client.py runs SMART Backend Services (client_credentials with
/// private_key_jwt, RS384 and ES384) and a public app's authorization code flow with PKCE
/// (login and approval forms, code exchange, refresh) against `kiln serve --auth on`.
@Suite("OAuth client interop (authlib)")
struct OAuthClientInteropTests {
    static let requestedAppScope = "openid fhirUser launch/patient patient/*.rs offline_access"
    static let redirectURI = "http://localhost:9/callback"

    /// The test runs where python3 can import authlib and requests, and always in CI, where a
    /// missing package is a failure rather than a skip.
    static var runs: Bool {
        SmartClientScript.available || ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } == true
    }

    @Test("authlib completes backend services (RS384, ES384) and authorization code + PKCE with refresh",
          .enabled(if: OAuthClientInteropTests.runs, "needs python3 with authlib and requests: python3 -m pip install authlib requests (scripts/install-dependencies.sh installs them)"))
    func authlibFlows() async throws {
        try #require(SmartClientScript.available, "python3 cannot import authlib and requests; run scripts/install-dependencies.sh")
        let database = try await TestCluster.shared.makeDatabase()
        let url = "postgres://\(database.username)@\(database.host):\(database.port)/\(database.database)"
        let server = try await KilnProcess.start(arguments: ["--auth", "on", "--database-url", url],
                                                 environment: ["KILN_ADMIN_PASSWORD": "interop-admin-password"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-oauth-interop-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try await exercise(fhirBase: server.baseURL, db: ["--database-url", url], folder: folder)
        } catch {
            await server.kill(SIGTERM)
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        await server.kill(SIGTERM)
        try? FileManager.default.removeItem(at: folder)
        try? await TestCluster.shared.dropDatabase(database)
    }

    func exercise(fhirBase: String, db: [String], folder: URL) async throws {
        let script = SmartClientScript(folder: folder)
        func file(_ name: String, _ text: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url.path
        }
        func kiln(_ arguments: [String]) async throws {
            let result = try await KilnProcess.run(arguments + db)
            try #require(result.status == 0, "kiln \(arguments.joined(separator: " ")) failed: \(result.output)")
        }

        // Two backend services with keys authlib's side made: a loader that may write, and a
        // read-only system client; and the public app.
        _ = try await script.run(["jwks", "--key", folder.appendingPathComponent("loader.key").path, "--alg", "RS384",
                                  "--out", folder.appendingPathComponent("loader.jwks").path])
        _ = try await script.run(["jwks", "--key", folder.appendingPathComponent("etl.key").path, "--alg", "ES384",
                                  "--out", folder.appendingPathComponent("etl.jwks").path])
        try await kiln(["client", "add", "--client-id", "loader", "--jwks-file", folder.appendingPathComponent("loader.jwks").path,
                        "--scope", "system/*.cruds", "--role", "administrator"])
        try await kiln(["client", "add", "--client-id", "etl", "--jwks-file", folder.appendingPathComponent("etl.jwks").path, "--scope", "system/*.rs"])
        try await kiln(["client", "add", "--client-id", "app", "--public", "--redirect-uri", Self.redirectURI, "--scope", Self.requestedAppScope])

        // The loader writes the patient and an observation of theirs.
        let patient = try file("patient.json", """
            {"resourceType": "Patient", "id": "p1", "name": [{"family": "Interop", "given": ["Ada"]}], "gender": "female", "birthDate": "1970-01-01"}
            """)
        let observation = try file("observation.json", """
            {"resourceType": "Observation", "id": "o1", "status": "final",
             "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4", "display": "Heart rate"}]},
             "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2024-01-01T10:00:00Z",
             "valueQuantity": {"value": 72, "unit": "/min", "system": "http://unitsofmeasure.org", "code": "/min"}}
            """)
        let loaded: BackendSummary = try await script.json(["backend", "--fhir-base", fhirBase, "--client-id", "loader",
                                                           "--key", folder.appendingPathComponent("loader.key").path, "--scope", "system/*.cruds",
                                                           "--put", "Patient/p1", patient, "--put", "Observation/o1", observation])
        #expect(loaded.alg == "RS384")
        #expect(loaded.tokenType == "Bearer")
        #expect(loaded.scope == "system/*.cruds")
        #expect(loaded.writes.map(\.status) == [201, 201])

        // The read-only backend service.
        let etl: BackendSummary = try await script.json(["backend", "--fhir-base", fhirBase, "--client-id", "etl",
                                                        "--key", folder.appendingPathComponent("etl.key").path])
        #expect(etl.alg == "ES384")
        #expect(etl.tokenStatus == 200)
        #expect(etl.tokenCacheControl == "no-store")
        #expect(etl.tokenType == "Bearer")
        #expect(etl.scope == "system/*.rs")
        #expect((1...300).contains(etl.expiresIn ?? 0), "backend tokens live at most 300 s: \(String(describing: etl.expiresIn))")
        #expect(etl.reads.first?.status == 200)
        #expect(etl.reads.first?.ids == ["p1"])
        #expect(etl.withoutTokenStatus == 401)

        // A patient signs in to the public app.
        let password = try file("password.txt", "correct horse battery\n")
        try await kiln(["user", "add", "--username", "ada", "--password-file", password, "--role", "patient", "--fhir-user", "Patient/p1"])
        let ada: AuthCodeSummary = try await script.json(["authcode", "--fhir-base", fhirBase, "--client-id", "app", "--redirect-uri", Self.redirectURI,
                                                         "--scope", Self.requestedAppScope, "--username", "ada", "--password-file", password])
        let requested = Set(Self.requestedAppScope.split(separator: " ").map(String.init))
        #expect(ada.authorize.loginStatus == 200)
        #expect(ada.authorize.approvalStatus == 200)
        #expect(ada.authorize.redirectStatus == 302)
        #expect(Set(ada.authorize.offeredScopes) == requested)
        #expect(ada.authorize.patientChoices.isEmpty)
        #expect(ada.tokenStatus == 200)
        #expect(ada.tokenCacheControl == "no-store")
        #expect(ada.tokenType == "Bearer")
        #expect(Set(ada.scope?.split(separator: " ").map(String.init) ?? []) == requested)
        #expect((ada.expiresIn ?? 0) > 0)
        #expect(ada.patient == "p1")
        #expect(ada.fhirUser == "Patient/p1")
        #expect(ada.hasRefreshToken)
        #expect(ada.idToken?.verified == true)
        #expect(ada.idToken?.iss == fhirBase)
        #expect(ada.idToken?.aud == "app")
        #expect(ada.idToken?.sub == "ada")
        #expect(ada.idToken?.fhirUser == "Patient/p1")
        #expect(ada.reads.map(\.path) == ["Patient/p1", "Observation?patient=p1"])
        #expect(ada.reads.map(\.status) == [200, 200])
        #expect(ada.reads.first?.id == "p1")
        #expect(ada.reads.last?.ids == ["o1"])
        #expect(ada.refresh.status == 200)
        #expect(ada.refresh.cacheControl == "no-store")
        #expect(ada.refresh.tokenType == "Bearer")
        #expect(Set(ada.refresh.scope?.split(separator: " ").map(String.init) ?? []) == requested)
        #expect(ada.refresh.patient == "p1")
        #expect(ada.refresh.rotated)
        #expect(ada.refresh.newAccessToken)
        #expect(ada.refresh.read.status == 200)
        #expect(ada.refreshReplay.status == 400)
        #expect(ada.refreshReplay.error == "invalid_grant")

        // A clinician with several patients picks one on the approval form.
        try await kiln(["user", "add", "--username", "drlee", "--password-file", password, "--role", "clinician",
                        "--fhir-user", "Practitioner/d1", "--patient", "p2", "--patient", "p1"])
        let lee: AuthCodeSummary = try await script.json(["authcode", "--fhir-base", fhirBase, "--client-id", "app", "--redirect-uri", Self.redirectURI,
                                                         "--scope", Self.requestedAppScope, "--username", "drlee", "--password-file", password,
                                                         "--patient", "p1"])
        #expect(Set(lee.authorize.patientChoices) == ["p1", "p2"])
        #expect(lee.patient == "p1")
        #expect(lee.fhirUser == "Practitioner/d1")
        #expect(lee.reads.map(\.status) == [200, 200])
        #expect(lee.refresh.patient == "p1")
    }
}

// The script's summaries and how it is run.
extension OAuthClientInteropTests {
    /// What `smart_client.py backend` prints.
    struct BackendSummary: Decodable {
        struct Write: Decodable {
            let path: String
            let status: Int
        }

        let alg: String
        let tokenStatus: Int
        let tokenCacheControl: String?
        let tokenType: String?
        let expiresIn: Int?
        let scope: String?
        let writes: [Write]
        let reads: [InteropRead]
        let withoutTokenStatus: Int
    }

    /// What `smart_client.py authcode` prints.
    struct AuthCodeSummary: Decodable {
        struct Authorize: Decodable {
            let loginStatus: Int
            let approvalStatus: Int
            let redirectStatus: Int
            let offeredScopes: [String]
            let patientChoices: [String]
        }

        struct IDToken: Decodable {
            let verified: Bool
            let alg: String?
            let iss: String?
            let aud: String?
            let sub: String?
            let fhirUser: String?
        }

        struct Refresh: Decodable {
            let status: Int
            let cacheControl: String?
            let tokenType: String?
            let expiresIn: Int?
            let scope: String?
            let patient: String?
            let rotated: Bool
            let newAccessToken: Bool
            let read: InteropRead
        }

        struct Replay: Decodable {
            let status: Int
            let error: String?
        }

        let authorize: Authorize
        let tokenStatus: Int
        let tokenCacheControl: String?
        let tokenType: String?
        let expiresIn: Int?
        let scope: String?
        let patient: String?
        let fhirUser: String?
        let hasRefreshToken: Bool
        let idToken: IDToken?
        let reads: [InteropRead]
        let refresh: Refresh
        let refreshReplay: Replay
    }

    /// One FHIR read the script made.
    struct InteropRead: Decodable {
        let path: String
        let status: Int
        let resourceType: String?
        let id: String?
        let ids: [String]?
    }

    /// Runs Tests/interop/smart_client.py with python3.
    struct SmartClientScript {
        /// The working folder of each run.
        let folder: URL

        static let path = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("interop/smart_client.py").path

        /// Whether python3 is there and imports authlib and requests.
        static let available: Bool = {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", "import authlib, requests"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            do { try process.run() } catch { return false }
            process.waitUntilExit()
            return process.terminationStatus == 0
        }()

        /// Runs the script with `arguments`; a non-zero exit fails with its standard error.
        func run(_ arguments: [String], timeout: Duration = .seconds(120)) async throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", Self.path] + arguments
            process.currentDirectoryURL = folder
            let output = Pipe()
            let errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            // Pipes are read on threads of their own, so neither fills up and blocks the script.
            let collected = Mutex((output: Data(), errors: Data(), finished: 0))
            for (handle, isOutput) in [(output.fileHandleForReading, true), (errors.fileHandleForReading, false)] {
                Thread {
                    let data = handle.readDataToEndOfFile()
                    collected.withLock {
                        if isOutput { $0.output = data } else { $0.errors = data }
                        $0.finished += 1
                    }
                }.start()
            }
            let deadline = ContinuousClock.now + timeout
            while process.isRunning || collected.withLock({ $0.finished }) < 2 {
                if ContinuousClock.now > deadline {
                    process.terminate()
                    throw InteropFailure("smart_client.py \(arguments.first ?? "") did not finish within \(timeout)")
                }
                try await Task.sleep(for: .milliseconds(20))
            }
            let (stdout, stderr) = collected.withLock { (String(decoding: $0.output, as: UTF8.self), String(decoding: $0.errors, as: UTF8.self)) }
            guard process.terminationStatus == 0 else {
                throw InteropFailure("smart_client.py \(arguments.first ?? "") exited with \(process.terminationStatus): \(stderr)")
            }
            return stdout
        }

        /// Runs the script and decodes the JSON summary it prints.
        func json<Summary: Decodable>(_ arguments: [String]) async throws -> Summary {
            let text = try await run(arguments)
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            do {
                return try decoder.decode(Summary.self, from: Data(text.utf8))
            } catch {
                throw InteropFailure("smart_client.py \(arguments.first ?? "") printed an unexpected summary (\(error)): \(text)")
            }
        }
    }

    /// Why a run of the script failed, with what it said.
    struct InteropFailure: Error, CustomStringConvertible {
        let description: String

        init(_ description: String) {
            self.description = description
        }
    }
}
