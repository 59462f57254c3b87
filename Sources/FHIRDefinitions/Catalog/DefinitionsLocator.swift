public import Foundation

/// Finds the compiled definitions directory (the folder holding `fhir-profiles/r4/manifest.json`).
///
/// Kiln looks, in order:
/// 1. in the explicit directory (a `--profiles` flag), and nowhere else when one is given;
/// 2. in `KILN_PROFILES_DIR`, and nowhere else when it is set;
/// 3. in `fhir-profiles/r4` of the running executable's directory and each of its parents
///    (a build in `.build/debug` finds the repository's files);
/// 4. the same from the current directory up;
/// 5. in `/usr/share/kiln/fhir-profiles` and `/opt/kiln/fhir-profiles`.
///
/// An explicit or environment directory may be the compiled folder itself, a folder holding
/// `r4/`, or a checkout holding `fhir-profiles/r4/`.
public struct DefinitionsLocator: Sendable {
    /// The environment variable naming the directory.
    public static let environmentVariable = "KILN_PROFILES_DIR"
    /// Where the compiled files sit below a checkout or install root.
    public static let relativeDirectory = "fhir-profiles/r4"
    /// The install directories searched last.
    public static let defaultSystemDirectories = ["/usr/share/kiln/fhir-profiles", "/opt/kiln/fhir-profiles"]

    /// The directory given on the command line, if any.
    public var explicitDirectory: String?
    /// The environment, for ``environmentVariable``.
    public var environment: [String: String]
    /// The running executable's path, symbolic links resolved.
    public var executablePath: String?
    /// The current directory.
    public var currentDirectory: String
    /// The install directories searched last.
    public var systemDirectories: [String]

    /// A locator for this process, or with the given inputs (for tests).
    public init(
        explicitDirectory: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String? = DefinitionsLocator.runningExecutablePath(),
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        systemDirectories: [String] = DefinitionsLocator.defaultSystemDirectories
    ) {
        self.explicitDirectory = explicitDirectory
        self.environment = environment
        self.executablePath = executablePath
        self.currentDirectory = currentDirectory
        self.systemDirectories = systemDirectories
    }

    /// The compiled definitions directory; throws a ``DefinitionsError`` of kind `.notFound`
    /// that lists every place looked at.
    public func locate() throws -> URL {
        if let explicit = explicitDirectory {
            if let found = Self.compiledDirectory(in: absolute(explicit)) { return found }
            throw notFound(["the directory given: \(absolute(explicit))"])
        }
        if let variable = environment[Self.environmentVariable], !variable.isEmpty {
            if let found = Self.compiledDirectory(in: absolute(variable)) { return found }
            throw notFound(["\(Self.environmentVariable)=\(absolute(variable))"])
        }
        var looked: [String] = []
        if let executablePath {
            let directory = URL(fileURLWithPath: executablePath).deletingLastPathComponent().path
            if let found = Self.searchUpward(from: directory) { return found }
            looked.append("\(Self.relativeDirectory) in \(directory) (the executable's directory) and each parent")
        }
        if let found = Self.searchUpward(from: currentDirectory) { return found }
        looked.append("\(Self.relativeDirectory) in \(currentDirectory) (the current directory) and each parent")
        for directory in systemDirectories {
            if let found = Self.compiledDirectory(in: directory) { return found }
            looked.append(directory)
        }
        throw notFound(looked)
    }

    /// The path of the running executable: `/proc/self/exe` resolved on Linux, otherwise the
    /// first command-line argument made absolute, symbolic links resolved.
    public static func runningExecutablePath() -> String? {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return resolved
        }
        guard let first = CommandLine.arguments.first, !first.isEmpty else { return nil }
        let url = first.hasPrefix("/")
            ? URL(fileURLWithPath: first)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(first)
        return url.resolvingSymlinksInPath().path
    }

    /// The compiled folder at `directory`, `directory/r4` or `directory/fhir-profiles/r4`.
    static func compiledDirectory(in directory: String) -> URL? {
        let base = URL(fileURLWithPath: directory).standardizedFileURL
        for candidate in [base, base.appendingPathComponent("r4"), base.appendingPathComponent(relativeDirectory)] where isCompiled(candidate) {
            return candidate
        }
        return nil
    }

    /// The first `fhir-profiles/r4` holding a manifest in `directory` or one of its parents.
    static func searchUpward(from directory: String) -> URL? {
        var current = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = current.appendingPathComponent(relativeDirectory)
            if isCompiled(candidate) { return candidate }
            let parent = current.deletingLastPathComponent().standardizedFileURL
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    private static func isCompiled(_ directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(DefinitionsManifest.fileName).path)
    }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: currentDirectory).appendingPathComponent(path).standardizedFileURL.path
    }

    private func notFound(_ looked: [String]) -> DefinitionsError {
        DefinitionsError(.notFound, """
            No compiled FHIR definitions (\(Self.relativeDirectory)/\(DefinitionsManifest.fileName)) found. Looked in: \
            \(looked.joined(separator: "; ")). Run `kiln definitions compile` in the repository, or set \(Self.environmentVariable).
            """)
    }
}
