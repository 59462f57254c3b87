import Foundation

/// The folder holding PostgreSQL's server and client programs (`initdb`, `pg_ctl`, `psql`, …).
///
/// Found, in order: `KILN_POSTGRES_BIN`; `pg_config --bindir` when that folder has `initdb`;
/// the highest version under `/usr/lib/postgresql/*/bin` (Debian's layout).
struct PostgresBinaries: Sendable, Hashable {
    /// The environment variable that names the folder explicitly.
    static let overrideVariable = "KILN_POSTGRES_BIN"
    /// Debian's folder of installed PostgreSQL versions.
    static let debianVersionsFolder = "/usr/lib/postgresql"
    /// The programs a folder must hold to run a cluster.
    static let requiredPrograms = ["initdb", "pg_ctl", "postgres"]

    /// The folder's absolute path.
    var directory: String

    /// The absolute path of one program in the folder.
    func path(_ program: String) -> String {
        directory + "/" + program
    }

    /// Whether the folder holds every program needed to run a cluster.
    static func isComplete(_ directory: String) -> Bool {
        requiredPrograms.allSatisfy { FileManager.default.isExecutableFile(atPath: directory + "/" + $0) }
    }

    /// Finds the programs, preferring `recorded` (the folder a cluster was created with) while it still holds them.
    static func locate(preferring recorded: String? = nil) async throws -> PostgresBinaries {
        var searched: [String] = []
        var candidates: [String] = []
        if let recorded { candidates.append(recorded) }
        if let override = ProcessInfo.processInfo.environment[overrideVariable], !override.isEmpty {
            candidates.append(override)
        }
        for candidate in candidates {
            searched.append(candidate)
            if isComplete(candidate) { return PostgresBinaries(directory: candidate) }
        }
        if let fromConfig = await bindirFromPgConfig() {
            searched.append("pg_config --bindir (\(fromConfig))")
            if isComplete(fromConfig) { return PostgresBinaries(directory: fromConfig) }
        } else {
            searched.append("pg_config on PATH")
        }
        searched.append(debianVersionsFolder + "/*/bin")
        for version in installedDebianVersions() {
            let directory = "\(debianVersionsFolder)/\(version)/bin"
            if isComplete(directory) { return PostgresBinaries(directory: directory) }
        }
        throw EmbeddedPostgresError.binariesNotFound(searched: searched)
    }

    /// The version folders under Debian's layout, highest first (`16`, `15`, `9.6`).
    static func installedDebianVersions(in folder: String = debianVersionsFolder) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names
            .filter { name in !name.isEmpty && name.allSatisfy { $0.isNumber || $0 == "." } }
            .sorted { versionComponents($0).lexicographicallyPrecedes(versionComponents($1)) }
            .reversed()
    }

    private static func versionComponents(_ version: String) -> [Int] {
        version.split(separator: ".").map { Int($0) ?? 0 }
    }

    private static func bindirFromPgConfig() async -> String? {
        guard let pgConfig = ExecutableSearch.find("pg_config") else { return nil }
        let child = ChildProcess(executable: pgConfig, arguments: ["--bindir"], environment: ChildProcess.cleanEnvironment)
        guard let outcome = try? await child.run(), outcome.succeeded else { return nil }
        let directory = outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return directory.isEmpty ? nil : directory
    }
}
