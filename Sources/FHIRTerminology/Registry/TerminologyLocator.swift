public import Foundation

/// Finds the shipped terminology folder (the one holding `terminology/manifest.json`).
///
/// Kiln looks, in order:
/// 1. in the explicit directory, and nowhere else when one is given;
/// 2. in `KILN_TERMINOLOGY_DIR`, and nowhere else when it is set;
/// 3. in `terminology` of the running executable's directory and each of its parents
///    (a build in `.build/debug` finds the repository's folder);
/// 4. the same from the current directory up;
/// 5. in `/usr/share/kiln/terminology` and `/opt/kiln/terminology`.
///
/// An explicit or environment directory may be the folder itself or a checkout holding `terminology/`.
public struct TerminologyLocator: Sendable {
    /// The environment variable naming the directory.
    public static let environmentVariable = "KILN_TERMINOLOGY_DIR"
    /// Where the folder sits below a checkout or install root.
    public static let relativeDirectory = "terminology"
    /// The install directories searched last.
    public static let defaultSystemDirectories = ["/usr/share/kiln/terminology", "/opt/kiln/terminology"]

    /// The directory given on the command line, if any.
    public var explicitDirectory: String?
    /// The environment, for ``environmentVariable``.
    public var environment: [String: String]
    /// The running executable's path.
    public var executablePath: String?
    /// The current directory.
    public var currentDirectory: String
    /// The install directories searched last.
    public var systemDirectories: [String]

    /// A locator for this process, or with the given inputs (for tests).
    public init(
        explicitDirectory: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String? = TerminologyLocator.runningExecutablePath(),
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        systemDirectories: [String] = TerminologyLocator.defaultSystemDirectories
    ) {
        self.explicitDirectory = explicitDirectory
        self.environment = environment
        self.executablePath = executablePath
        self.currentDirectory = currentDirectory
        self.systemDirectories = systemDirectories
    }

    /// The shipped folder; throws ``TerminologyError/Kind/unavailable`` listing where it looked.
    public func locate() throws(TerminologyError) -> URL {
        if let explicit = explicitDirectory {
            if let found = Self.folder(in: absolute(explicit)) { return found }
            throw notFound(["the directory given: \(absolute(explicit))"])
        }
        if let variable = environment[Self.environmentVariable], !variable.isEmpty {
            if let found = Self.folder(in: absolute(variable)) { return found }
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
            if let found = Self.folder(in: directory) { return found }
            looked.append(directory)
        }
        throw notFound(looked)
    }

    /// The path of the running executable: `/proc/self/exe` resolved on Linux, else `argv[0]`.
    public static func runningExecutablePath() -> String? {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        guard let first = CommandLine.arguments.first, !first.isEmpty else { return nil }
        let url = first.hasPrefix("/")
            ? URL(fileURLWithPath: first)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(first)
        return url.resolvingSymlinksInPath().path
    }

    static func folder(in directory: String) -> URL? {
        let base = URL(fileURLWithPath: directory).standardizedFileURL
        for candidate in [base, base.appendingPathComponent(relativeDirectory)] where hasManifest(candidate) {
            return candidate
        }
        return nil
    }

    static func searchUpward(from directory: String) -> URL? {
        var current = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = current.appendingPathComponent(relativeDirectory)
            if hasManifest(candidate) { return candidate }
            let parent = current.deletingLastPathComponent().standardizedFileURL
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    private static func hasManifest(_ directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(TerminologyManifest.fileName).path)
    }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: currentDirectory).appendingPathComponent(path).standardizedFileURL.path
    }

    private func notFound(_ looked: [String]) -> TerminologyError {
        TerminologyError(.unavailable, """
            No shipped terminology (\(Self.relativeDirectory)/\(TerminologyManifest.fileName)) found. Looked in: \
            \(looked.joined(separator: "; ")). Run `kiln terminology compile` in the repository, or set \(Self.environmentVariable).
            """)
    }
}
