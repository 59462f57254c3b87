import Testing
@testable import FHIRStore

@Suite("ChildProcess")
struct ChildProcessTests {
    @Test("Output and exit status are captured")
    func capturesOutputAndStatus() async throws {
        let outcome = try await ChildProcess(executable: "/bin/sh", arguments: ["-c", "echo out; echo err >&2; exit 7"], environment: [:]).run()
        #expect(outcome.exitStatus == 7)
        #expect(outcome.output.contains("out"))
        #expect(outcome.output.contains("err"))
    }

    @Test("A daemon left behind by the child does not hold up its caller")
    func daemonDoesNotHoldCaller() async throws {
        let clock = ContinuousClock()
        let elapsed = try await clock.measure {
            let outcome = try await ChildProcess(executable: "/bin/sh", arguments: ["-c", "sleep 5 >/dev/null 2>&1 </dev/null & echo started"], environment: [:]).run()
            #expect(outcome.succeeded)
        }
        #expect(elapsed < .seconds(3))
    }

    @Test("A program that cannot be started is an error")
    func missingProgram() async {
        await #expect(throws: EmbeddedPostgresError.self) {
            try await ChildProcess(executable: "/nonexistent/program", arguments: [], environment: [:]).run()
        }
    }

    @Test("Children start in the requested folder")
    func workingDirectory() async throws {
        let outcome = try await ChildProcess(executable: "/bin/sh", arguments: ["-c", "pwd"], environment: [:], workingDirectory: "/tmp").run()
        #expect(outcome.output == "/tmp\n")
    }
}
