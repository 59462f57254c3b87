import Foundation
@testable import FHIRStore

/// Runs SQL against a leased cluster with the real `psql`, over TCP or the Unix-domain socket.
enum PostgresClient {
    /// The rows `sql` returns, unaligned and without headers, trimmed.
    static func query(_ lease: EmbeddedPostgres.Lease, _ sql: String, overUnixSocket: Bool = false) async throws -> String {
        let binaries = try await PostgresBinaries.locate()
        var host = lease.host
        if overUnixSocket, let socket = lease.unixSocketPath {
            host = (socket as NSString).deletingLastPathComponent
        }
        let child = ChildProcess(
            executable: binaries.path("psql"),
            arguments: ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", String(lease.port), "-U", lease.username, "-d", lease.database, "-c", sql],
            environment: ChildProcess.cleanEnvironment.merging(["PGCONNECT_TIMEOUT": "5"]) { $1 }
        )
        let outcome = try await child.run()
        guard outcome.succeeded else {
            throw EmbeddedPostgresError.commandFailed(command: child.commandLine, exitStatus: outcome.exitStatus, output: outcome.output)
        }
        return outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
