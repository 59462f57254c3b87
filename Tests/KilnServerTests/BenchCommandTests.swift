import FHIRModel
import KilnTesting
import Testing

/// `kiln bench --url` against a running Kiln whose authorization is on, at a smoke scale.
@Suite("kiln bench against a Kiln with authorization on")
struct BenchCommandTests {
    @Test("With --token the benchmark loads and reads through the bearer token; without one it fails on the server's 401")
    func bearerToken() async throws {
        try await AuthTestServer.run { auth in
            let (token, _) = try await auth.backendToken(clientID: "bench", scope: "system/*.cruds")
            let arguments = [
                "bench", "--url", auth.server.baseURL, "--scale", "0.0005", "--concurrency-load", "1",
                "--read-concurrency", "1", "--read-seconds", "0.3", "--warmup-seconds", "0",
            ]
            let refused = try await KilnProcess.run(arguments)
            #expect(refused.status != 0, "\(refused.output)")
            let count = try await auth.get("Observation?_summary=count", token: token)
            #expect(count.json?["total"]?.numberValue?.intValue == 0, "nothing is stored without a token")

            let run = try await KilnProcess.run(arguments + ["--token", token])
            #expect(run.status == 0, "\(run.output)")
            #expect(run.output.contains("Kiln: loaded"), "\(run.output)")
            let loaded = try await auth.get("Observation?_summary=count", token: token)
            #expect(loaded.json?["total"]?.numberValue?.intValue == 50)

            let inProcess = try await KilnProcess.run(["bench", "--scale", "0.0005", "--token", token])
            #expect(inProcess.status != 0, "--token without --url is refused: \(inProcess.output)")
        }
    }
}
