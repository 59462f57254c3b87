/// The server settings file `<PGDATA>/kiln.conf`, rewritten before every start.
///
/// `postgresql.conf` includes it (the include line is added before a start when missing), so
/// settings live in a file rather than on `pg_ctl`'s command line, where paths would pass
/// through a shell.
struct ServerSettingsFile: Sendable, Hashable {
    /// The file's name inside `PGDATA`.
    static let fileName = "kiln.conf"
    /// The line appended to `postgresql.conf` to read this file.
    static let includeLine = "include_if_exists = '\(fileName)'"
    /// The longest socket file path that is safe: `sun_path` holds 108 bytes on Linux, 104 on macOS.
    static let maximumSocketPathLength = 100
    /// The name PostgreSQL gives its socket, at its longest port number.
    static let longestSocketName = ".s.PGSQL.65535"

    /// The settings chosen by the caller.
    var settings: EmbeddedPostgres.Settings
    /// The address to listen on.
    var host: String
    /// The TCP port to listen on.
    var port: Int
    /// The folder for the Unix-domain socket, or `nil` to listen on TCP only.
    var socketDirectory: String?

    /// The folder for the Unix-domain socket of a cluster: the cluster folder itself when the
    /// socket's path fits, otherwise `nil` (TCP only).
    static func socketDirectory(forCluster clusterDirectory: String) -> String? {
        let socketPath = clusterDirectory + "/" + longestSocketName
        return socketPath.utf8.count <= maximumSocketPathLength ? clusterDirectory : nil
    }

    /// The file's text.
    var contents: String {
        var lines = [
            "# Written by kiln before each start of this cluster; edits here are overwritten.",
            "listen_addresses = \(Self.quoted(host))",
            "port = \(port)",
            "unix_socket_directories = \(Self.quoted(socketDirectory ?? ""))",
            "max_connections = \(settings.maxConnections)",
            "shared_buffers = \(Self.quoted(settings.sharedBuffers))",
        ]
        let durability = settings.durable ? "on" : "off"
        lines += [
            "fsync = \(durability)",
            "synchronous_commit = \(durability)",
            "full_page_writes = \(durability)",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A value as a quoted string in PostgreSQL's configuration syntax, where `'` and `\` are doubled.
    static func quoted(_ value: String) -> String {
        var result = "'"
        for character in value {
            switch character {
            case "'": result += "''"
            case "\\": result += "\\\\"
            default: result.append(character)
            }
        }
        return result + "'"
    }
}
