#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import FHIRStore

/// The embedded cluster against a real PostgreSQL: every test starts its own cluster in a
/// scratch data directory and removes it afterwards.
@Suite("EmbeddedPostgres", .timeLimit(.minutes(2)))
struct EmbeddedPostgresTests {
    @Test("A first start initialises a cluster with the database kiln, listening on 127.0.0.1")
    func firstStartInitialisesCluster() async throws {
        try await withScratchDataDirectory { scratch in
            let postgres = EmbeddedPostgres(dataDirectory: scratch.path)
            let lease = try await postgres.start()

            #expect(lease.startedByThisLease)
            #expect(lease.host == "127.0.0.1")
            #expect(lease.username == "postgres")
            #expect(lease.database == "kiln")
            #expect(lease.url == "postgres://postgres@127.0.0.1:\(lease.port)/kiln")
            #expect(try await PostgresClient.query(lease, "SELECT current_database()") == "kiln")
            #expect(try await PostgresClient.query(lease, "SHOW listen_addresses") == "127.0.0.1")
            #expect(try await PostgresClient.query(lease, "SHOW max_connections") == "200")
            #expect(try await PostgresClient.query(lease, "SHOW fsync") == "on")

            let record = try #require(try ClusterRecord.read(from: scratch.path))
            #expect(record.clusterDirectory == scratch.path + "/postgres")
            #expect(record.port == lease.port)
            try await lease.release()
            #expect(try await postgres.status().isRunning == false)
        }
    }

    @Test("A short cluster path also gets a Unix-domain socket that accepts connections")
    func unixSocketAcceptsConnections() async throws {
        try await withScratchDataDirectory { scratch in
            let lease = try await EmbeddedPostgres(dataDirectory: scratch.path, settings: .throwaway).start()
            let socket = try #require(lease.unixSocketPath)
            #expect(socket == scratch.path + "/postgres/.s.PGSQL.\(lease.port)")
            #expect(try await PostgresClient.query(lease, "SELECT 1", overUnixSocket: true) == "1")
            try await lease.release()
        }
    }

    @Test("A cluster path too long for a socket listens on TCP only")
    func longPathListensOnTCPOnly() async throws {
        try await withScratchDataDirectory { scratch in
            let deep = scratch.path + "/" + String(repeating: "d", count: 60) + "/" + String(repeating: "e", count: 40)
            let lease = try await EmbeddedPostgres(dataDirectory: deep, settings: .throwaway).start()
            #expect(lease.unixSocketPath == nil)
            #expect(try await PostgresClient.query(lease, "SHOW unix_socket_directories") == "")
            #expect(try await PostgresClient.query(lease, "SELECT 1") == "1")
            try await lease.release()
        }
    }

    @Test("A second start attaches; its release leaves the cluster running; the owner's release stops it")
    func secondStartAttaches() async throws {
        try await withScratchDataDirectory { scratch in
            let postgres = EmbeddedPostgres(dataDirectory: scratch.path, settings: .throwaway)
            let owner = try await postgres.start()
            let guest = try await EmbeddedPostgres(dataDirectory: scratch.path).start()

            #expect(owner.startedByThisLease)
            #expect(guest.startedByThisLease == false)
            #expect(guest.port == owner.port)

            try await guest.release()
            #expect(try await postgres.status().isRunning)
            #expect(try await PostgresClient.query(owner, "SELECT 1") == "1")

            try await owner.release()
            #expect(try await postgres.status().isRunning == false)
        }
    }

    @Test("stop stops the cluster, and the next start reuses its data")
    func restartReusesData() async throws {
        try await withScratchDataDirectory { scratch in
            let postgres = EmbeddedPostgres(dataDirectory: scratch.path, settings: .throwaway)
            let first = try await postgres.start()
            _ = try await PostgresClient.query(first, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')")

            #expect(try await postgres.stop())
            let stopped = try await postgres.status()
            #expect(stopped.isInitialized)
            #expect(stopped.isRunning == false)
            #expect(stopped.url == nil)

            let second = try await postgres.start()
            #expect(second.startedByThisLease)
            #expect(try await PostgresClient.query(second, "SELECT note FROM kept") == "still here")
            try await second.release()
        }
    }

    @Test("What an interrupted initdb left behind is replaced by a new cluster")
    func interruptedInitdbIsRedone() async throws {
        try await withScratchDataDirectory { scratch in
            let postgres = EmbeddedPostgres(dataDirectory: scratch.path, settings: .throwaway)
            try await postgres.start().release()
            let record = try #require(try ClusterRecord.read(from: scratch.path))
            let owner = try #require(ClusterUser.named(record.osUser))
            try FileManager.default.removeItem(atPath: record.pgData)
            try ClusterFiles.createPrivateDirectory(record.pgData, owner: owner)
            try ClusterFiles.write("15\n", to: record.pgData + "/PG_VERSION", owner: owner)

            let lease = try await postgres.start()
            #expect(lease.startedByThisLease)
            #expect(try await PostgresClient.query(lease, "SELECT current_database()") == "kiln")
            try await lease.release()
        }
    }

    @Test("stop and status on a data directory without a cluster change nothing")
    func stopWithoutCluster() async throws {
        try await withScratchDataDirectory { scratch in
            let postgres = EmbeddedPostgres(dataDirectory: scratch.path + "/empty")
            #expect(try await postgres.stop() == false)
            let status = try await postgres.status()
            #expect(status.isInitialized == false)
            #expect(status.isRunning == false)
            #expect(FileManager.default.fileExists(atPath: scratch.path + "/empty") == false)
        }
    }

    @Test("A recorded port taken by another program is replaced at the next start")
    func takenPortIsReplaced() async throws {
        try await withScratchDataDirectory { scratch in
            let postgres = EmbeddedPostgres(dataDirectory: scratch.path, settings: .throwaway)
            let first = try await postgres.start()
            try await first.release()

            let squatter = try #require(PortSquatter(port: first.port))
            defer { squatter.leave() }
            let second = try await postgres.start()

            #expect(second.port != first.port)
            #expect(try ClusterRecord.read(from: scratch.path)?.port == second.port)
            #expect(try await PostgresClient.query(second, "SELECT 1") == "1")
            try await second.release()
        }
    }

    @Test("Concurrent starts of one data directory make one cluster")
    func concurrentStartsMakeOneCluster() async throws {
        try await withScratchDataDirectory { scratch in
            async let first = EmbeddedPostgres(dataDirectory: scratch.path, settings: .throwaway).start()
            async let second = EmbeddedPostgres(dataDirectory: scratch.path, settings: .throwaway).start()
            let leases = try await [first, second]

            #expect(leases.filter(\.startedByThisLease).count == 1)
            #expect(leases[0].port == leases[1].port)
            #expect(try await PostgresClient.query(leases[0], "SELECT count(*) FROM pg_database WHERE datname = 'kiln'") == "1")
            for lease in leases { try await lease.release() }
        }
    }

    @Test("The server runs in its own Unix session (setsid), so it outlives a killed kiln process")
    func serverIsDetached() async throws {
        try await withScratchDataDirectory { scratch in
            let lease = try await EmbeddedPostgres(dataDirectory: scratch.path, settings: .throwaway).start()
            let record = try #require(try ClusterRecord.read(from: scratch.path))
            let pidFile = try String(contentsOfFile: record.pgData + "/postmaster.pid", encoding: .utf8)
            let serverPID = try #require(pidFile.split(separator: "\n").first.flatMap { pid_t($0) })

            #expect(getsid(serverPID) == serverPID)
            #expect(getsid(serverPID) != getsid(0))
            try await lease.release()
        }
    }

    @Test(
        "As root, a data directory the server's user cannot reach gets its cluster in the fallback location",
        .enabled(if: geteuid() == 0, "only root switches to an unprivileged user")
    )
    func unreachableDataDirectoryUsesFallback() async throws {
        try await withScratchDataDirectory { scratch in
            let privateParent = scratch.path + "/private"
            try ClusterFiles.createDirectories(privateParent, mode: 0o700)
            let dataDirectory = privateParent + "/data"
            let postgres = EmbeddedPostgres(dataDirectory: dataDirectory, settings: .throwaway)
            let lease = try await postgres.start()

            let record = try #require(try ClusterRecord.read(from: dataDirectory))
            #expect(record.clusterDirectory == ClusterLocation.fallbackDirectory(for: dataDirectory))
            #expect(record.clusterDirectory.hasPrefix(ClusterLocation.fallbackRoot + "/"))
            #expect(FileManager.default.fileExists(atPath: dataDirectory + "/postgres") == false)
            _ = try await PostgresClient.query(lease, "CREATE TABLE kept (id int)")

            try await lease.release()
            let again = try await postgres.start()
            #expect(try ClusterRecord.read(from: dataDirectory)?.clusterDirectory == record.clusterDirectory)
            #expect(try await PostgresClient.query(again, "SELECT count(*) FROM kept") == "0")
            try await again.release()
        }
    }
}
