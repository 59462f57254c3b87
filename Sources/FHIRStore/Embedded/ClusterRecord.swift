import Foundation

/// Where a data directory's cluster lives and how to reach it: the file `<data-dir>/postgres.json`.
///
/// Written before the cluster is first initialised (so a crash half-way leaves its location
/// known) and again whenever the port changes. Scripts read it too, so it is pretty-printed
/// with one key per line:
///
/// ```json
/// {
///   "binDirectory" : "/usr/lib/postgresql/15/bin",
///   "clusterDirectory" : "/srv/kiln/.kiln/postgres",
///   "database" : "kiln",
///   "formatVersion" : 1,
///   "host" : "127.0.0.1",
///   "logFile" : "/srv/kiln/.kiln/postgres/server.log",
///   "osUser" : "postgres",
///   "pgData" : "/srv/kiln/.kiln/postgres/data",
///   "port" : 41234,
///   "socketDirectory" : "/srv/kiln/.kiln/postgres",
///   "username" : "postgres"
/// }
/// ```
struct ClusterRecord: Codable, Sendable, Hashable {
    /// The state file's name inside the data directory.
    static let fileName = "postgres.json"
    /// The format written by this version.
    static let currentFormatVersion = 1

    /// The format of this record.
    var formatVersion: Int = Self.currentFormatVersion
    /// The folder owned by `osUser` that holds the cluster, its log and its socket.
    var clusterDirectory: String
    /// PostgreSQL's own data folder (`PGDATA`), inside `clusterDirectory`.
    var pgData: String
    /// The server log that `pg_ctl` writes.
    var logFile: String
    /// The folder of the PostgreSQL programs the cluster was created with.
    var binDirectory: String
    /// The address the server listens on.
    var host: String
    /// The TCP port the server listens on.
    var port: Int
    /// The folder of the server's Unix-domain socket; `nil` when Unix sockets are off.
    var socketDirectory: String?
    /// The operating-system user that owns the cluster and runs the server.
    var osUser: String
    /// The database role clients connect as.
    var username: String
    /// The database Kiln uses.
    var database: String

    /// A record for a new cluster in `clusterDirectory`.
    init(clusterDirectory: String, binDirectory: String, port: Int, osUser: String) {
        self.clusterDirectory = clusterDirectory
        self.pgData = clusterDirectory + "/data"
        self.logFile = clusterDirectory + "/server.log"
        self.binDirectory = binDirectory
        self.host = "127.0.0.1"
        self.port = port
        self.socketDirectory = ServerSettingsFile.socketDirectory(forCluster: clusterDirectory)
        self.osUser = osUser
        self.username = "postgres"
        self.database = "kiln"
    }

    /// The path of the state file in a data directory.
    static func path(in dataDirectory: String) -> String {
        dataDirectory + "/" + fileName
    }

    /// The record in `dataDirectory`, or `nil` when no cluster was ever set up there.
    static func read(from dataDirectory: String) throws -> ClusterRecord? {
        let path = path(in: dataDirectory)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return try JSONDecoder().decode(ClusterRecord.self, from: data)
        } catch {
            throw EmbeddedPostgresError.dataDirectory(path: path, reason: "cannot read the cluster record (\(error)). Fix or delete it; deleting it makes kiln set up a new cluster.")
        }
    }

    /// Writes the record into `dataDirectory`, replacing the previous one atomically.
    func write(to dataDirectory: String) throws {
        let path = Self.path(in: dataDirectory)
        do {
            try encoded().write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw EmbeddedPostgresError.dataDirectory(path: path, reason: "cannot write the cluster record (\(error))")
        }
    }

    /// The file's bytes.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
