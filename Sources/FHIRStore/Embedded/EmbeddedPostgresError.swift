import Foundation

/// Why the embedded PostgreSQL cluster could not be started, reached or stopped.
///
/// Each message says what went wrong and what a person can do about it.
public enum EmbeddedPostgresError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No PostgreSQL server programs (`initdb`, `pg_ctl`, `postgres`) were found.
    case binariesNotFound(searched: [String])
    /// Running as root, but there is no `runuser` to start PostgreSQL as an unprivileged user.
    case runuserNotFound
    /// No unprivileged operating-system user exists to own the cluster.
    case clusterUserNotFound(String)
    /// Neither the data directory nor the fallback location can be reached by the cluster's user.
    case noReachableLocation(dataDirectory: String, fallback: String, user: String)
    /// The cluster belongs to another operating-system user, and this process cannot act as it.
    case ownedByAnotherUser(clusterUser: String, currentUser: String)
    /// A program exited unsuccessfully.
    case commandFailed(command: String, exitStatus: Int32, output: String)
    /// `pg_ctl start` failed; carries the end of the server log.
    case startFailed(logFile: String, logTail: String, output: String)
    /// The server runs but does not accept connections.
    case notAnswering(host: String, port: Int, seconds: Int)
    /// Another process held the data directory's lock for too long.
    case lockTimeout(lockFile: String, seconds: Int)
    /// The data directory or its state file could not be created, read or written.
    case dataDirectory(path: String, reason: String)
    /// No free TCP port could be reserved on the loopback interface.
    case noFreePort(reason: String)

    /// A message a person can act on.
    public var description: String {
        switch self {
        case .binariesNotFound(let searched):
            return "PostgreSQL server programs (initdb, pg_ctl, postgres) were not found (looked in: \(searched.joined(separator: ", "))). Run scripts/install-dependencies.sh to install PostgreSQL, or set KILN_POSTGRES_BIN to the directory that holds them."
        case .runuserNotFound:
            return "PostgreSQL refuses to run as root and `runuser` was not found to run it as an unprivileged user. Install util-linux, or run kiln as an ordinary user."
        case .clusterUserNotFound(let name):
            return "The operating-system user '\(name)' that owns the PostgreSQL cluster does not exist. Create it (installing the postgresql package does), or remove the data directory's postgres.json to start a new cluster."
        case .noReachableLocation(let dataDirectory, let fallback, let user):
            return "The user '\(user)' that runs PostgreSQL cannot reach \(dataDirectory) nor \(fallback). Choose a --data-dir whose parent folders all others may traverse (chmod o+x), e.g. under /srv or /var/lib."
        case .ownedByAnotherUser(let clusterUser, let currentUser):
            return "The PostgreSQL cluster belongs to the user '\(clusterUser)' and is not running; '\(currentUser)' cannot start or stop it. Run the command as root or as '\(clusterUser)'."
        case .commandFailed(let command, let exitStatus, let output):
            return "`\(command)` failed with status \(exitStatus): \(output.trimmingCharacters(in: .whitespacesAndNewlines))"
        case .startFailed(let logFile, let logTail, let output):
            return "PostgreSQL did not start: \(output.trimmingCharacters(in: .whitespacesAndNewlines))\nLast lines of \(logFile):\n\(logTail)"
        case .notAnswering(let host, let port, let seconds):
            return "PostgreSQL runs but did not accept connections on \(host):\(port) within \(seconds) s. Check its server.log, or stop it with `kiln database stop`."
        case .lockTimeout(let lockFile, let seconds):
            return "Another kiln process kept \(lockFile) locked for more than \(seconds) s while starting or stopping PostgreSQL. Wait for it, or stop it."
        case .dataDirectory(let path, let reason):
            return "The data directory \(path) cannot be used: \(reason)"
        case .noFreePort(let reason):
            return "No free TCP port on 127.0.0.1 for PostgreSQL: \(reason)"
        }
    }
}
