#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The operating-system user that owns the cluster's files and runs its server programs.
///
/// PostgreSQL refuses to run as root, so a root process runs `initdb`, `pg_ctl` and `postgres`
/// as `postgres` (or `nobody` where that user does not exist) through `runuser`. Any other
/// process runs them as itself.
struct ClusterUser: Sendable, Hashable {
    /// The login name.
    var name: String
    /// The numeric user id.
    var uid: UInt32
    /// The numeric id of the user's primary group.
    var gid: UInt32

    /// The preferred unprivileged users for a root process, in order.
    static let unprivilegedCandidates = ["postgres", "nobody"]

    /// Whether this process runs as root.
    static var processIsRoot: Bool { geteuid() == 0 }

    /// The user a new cluster should belong to, when this process creates it.
    static func forNewCluster() throws -> ClusterUser {
        if processIsRoot {
            for candidate in unprivilegedCandidates {
                if let user = named(candidate) { return user }
            }
            throw EmbeddedPostgresError.clusterUserNotFound(unprivilegedCandidates.joined(separator: " or "))
        }
        return current
    }

    /// The user this process runs as.
    static var current: ClusterUser {
        let uid = geteuid()
        return lookUp { getpwuid_r(uid, &$0, $1, $2, &$3) } ?? ClusterUser(name: String(uid), uid: uid, gid: getegid())
    }

    /// The user with this login name, if it exists.
    static func named(_ name: String) -> ClusterUser? {
        lookUp { getpwnam_r(name, &$0, $1, $2, &$3) }
    }

    /// Whether server programs must be started through `runuser` to run as this user.
    var needsSwitch: Bool { uid != geteuid() }

    /// Whether this process may act as this user: it is this user, or root.
    var canActAs: Bool { !needsSwitch || Self.processIsRoot }

    /// A child process that runs `executable` as this user: directly when this process is the
    /// user, through `runuser -u NAME --` when this process is root.
    func process(_ executable: String, _ arguments: [String]) throws -> ChildProcess {
        guard needsSwitch else {
            return ChildProcess(executable: executable, arguments: arguments, environment: ChildProcess.cleanEnvironment)
        }
        guard Self.processIsRoot else {
            throw EmbeddedPostgresError.ownedByAnotherUser(clusterUser: name, currentUser: Self.current.name)
        }
        guard let runuser = ExecutableSearch.find("runuser") else { throw EmbeddedPostgresError.runuserNotFound }
        return ChildProcess(executable: runuser, arguments: ["-u", name, "--", executable] + arguments, environment: ChildProcess.cleanEnvironment)
    }

    /// Whether this user may traverse `directory` and every folder above it, asked of the
    /// kernel by running `test -x` as the user.
    func canTraverse(_ directory: String) async throws -> Bool {
        guard let test = ExecutableSearch.find("test") else { return false }
        return try await process(test, ["-x", directory]).run().succeeded
    }

    private static func lookUp(
        _ call: (inout passwd, UnsafeMutablePointer<CChar>, Int, inout UnsafeMutablePointer<passwd>?) -> Int32
    ) -> ClusterUser? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        return buffer.withUnsafeMutableBufferPointer { storage -> ClusterUser? in
            guard let base = storage.baseAddress,
                  call(&entry, base, storage.count, &result) == 0,
                  result != nil,
                  let name = entry.pw_name
            else { return nil }
            return ClusterUser(name: String(cString: name), uid: entry.pw_uid, gid: entry.pw_gid)
        }
    }
}
