import Foundation
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
        // The daemon lives for a minute; the caller must be back long before it ends, however
        // loaded the machine is. The daemon is stopped afterwards.
        let clock = ContinuousClock()
        var daemon: Int32?
        let elapsed = try await clock.measure {
            let outcome = try await ChildProcess(executable: "/bin/sh", arguments: ["-c", "sleep 60 >/dev/null 2>&1 </dev/null & echo $!"], environment: [:]).run()
            #expect(outcome.succeeded)
            daemon = Int32(outcome.output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        if let daemon { kill(daemon, SIGTERM) }
        #expect(elapsed < .seconds(30))
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
