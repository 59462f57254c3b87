import Testing
@testable import FHIRStore

@Suite("ServerSettingsFile")
struct ServerSettingsFileTests {
    @Test("The file listens on the given address and port and carries the settings")
    func contentsCarrySettings() {
        let configuration = ServerSettingsFile(settings: .standard, host: "127.0.0.1", port: 45_678, socketDirectory: "/srv/kiln/postgres")
        let lines = configuration.contents.split(separator: "\n").map(String.init)
        #expect(lines.contains("listen_addresses = '127.0.0.1'"))
        #expect(lines.contains("port = 45678"))
        #expect(lines.contains("unix_socket_directories = '/srv/kiln/postgres'"))
        #expect(lines.contains("max_connections = 200"))
        #expect(lines.contains("shared_buffers = '256MB'"))
        #expect(lines.contains("fsync = on"))
    }

    @Test("Without a socket folder, Unix-domain sockets are off")
    func noSocketFolderTurnsSocketsOff() {
        let configuration = ServerSettingsFile(settings: .standard, host: "127.0.0.1", port: 5432, socketDirectory: nil)
        #expect(configuration.contents.contains("unix_socket_directories = ''\n"))
    }

    @Test("A throwaway cluster is not durable")
    func throwawayIsNotDurable() {
        let contents = ServerSettingsFile(settings: .throwaway, host: "127.0.0.1", port: 5432, socketDirectory: nil).contents
        #expect(contents.contains("fsync = off\n"))
        #expect(contents.contains("synchronous_commit = off\n"))
        #expect(contents.contains("full_page_writes = off\n"))
    }

    @Test("Quotes and backslashes in values are doubled")
    func valuesAreQuoted() {
        #expect(ServerSettingsFile.quoted("/tmp/o'brien\\x") == "'/tmp/o''brien\\\\x'")
    }

    @Test("The socket goes in the cluster folder only while its path stays within 100 bytes")
    func socketPathLimit() {
        let socketName = "/.s.PGSQL.65535"
        let fits = "/" + String(repeating: "a", count: 100 - socketName.utf8.count - 1)
        let tooLong = fits + "b"
        #expect(ServerSettingsFile.socketDirectory(forCluster: fits) == fits)
        #expect(ServerSettingsFile.socketDirectory(forCluster: tooLong) == nil)
    }
}
