public import Foundation

/// Finds a folder Kiln ships with its executable (compiled definitions, terminology) by a marker
/// file inside it, the same way for every such folder.
///
/// It looks, in order:
/// 1. in the explicit directory, and nowhere else when one is given;
/// 2. in the environment variable's directory, and nowhere else when it is set;
/// 3. in `relativeDirectory` of the running executable's directory and each of its parents
///    (a build in `.build/debug` finds the repository's folder);
/// 4. the same from the current directory up;
/// 5. in the install directories.
///
/// An explicit or environment directory may be the folder itself, or hold it at one of
/// `nestedDirectories` or at `relativeDirectory`.
public struct ShippedFolderSearch: Sendable {
    /// The folder's place below a checkout or install root, such as `fhir-profiles/r4`.
    public var relativeDirectory: String
    /// The file whose presence marks the folder, such as `manifest.json`.
    public var markerFile: String
    /// The environment variable that names the directory.
    public var environmentVariable: String
    /// Other places below an explicit directory where the folder may sit (`r4`).
    public var nestedDirectories: [String]
    /// The directory given on the command line, if any.
    public var explicitDirectory: String?
    /// The environment.
    public var environment: [String: String]
    /// The running executable's path.
    public var executablePath: String?
    /// The current directory.
    public var currentDirectory: String
    /// The install directories searched last.
    public var systemDirectories: [String]

    /// A search with every input given.
    public init(
        relativeDirectory: String,
        markerFile: String,
        environmentVariable: String,
        nestedDirectories: [String] = [],
        explicitDirectory: String?,
        environment: [String: String],
        executablePath: String?,
        currentDirectory: String,
        systemDirectories: [String]
    ) {
        self.relativeDirectory = relativeDirectory
        self.markerFile = markerFile
        self.environmentVariable = environmentVariable
        self.nestedDirectories = nestedDirectories
        self.explicitDirectory = explicitDirectory
        self.environment = environment
        self.executablePath = executablePath
        self.currentDirectory = currentDirectory
        self.systemDirectories = systemDirectories
    }

    /// The folder found, or every place looked at (for the caller's error message).
    public func locate() -> Result<URL, Failure> {
        if let explicit = explicitDirectory {
            if let found = folder(in: absolute(explicit)) { return .success(found) }
            return .failure(Failure(looked: ["the directory given: \(absolute(explicit))"]))
        }
        if let variable = environment[environmentVariable], !variable.isEmpty {
            if let found = folder(in: absolute(variable)) { return .success(found) }
            return .failure(Failure(looked: ["\(environmentVariable)=\(absolute(variable))"]))
        }
        var looked: [String] = []
        if let executablePath {
            let directory = URL(fileURLWithPath: executablePath).deletingLastPathComponent().path
            if let found = searchUpward(from: directory) { return .success(found) }
            looked.append("\(relativeDirectory) in \(directory) (the executable's directory) and each parent")
        }
        if let found = searchUpward(from: currentDirectory) { return .success(found) }
        looked.append("\(relativeDirectory) in \(currentDirectory) (the current directory) and each parent")
        for directory in systemDirectories {
            if let found = folder(in: directory) { return .success(found) }
            looked.append(directory)
        }
        return .failure(Failure(looked: looked))
    }

    /// The places a search looked at without finding the folder.
    public struct Failure: Error, Sendable {
        /// Each place, described for a person.
        public var looked: [String]
    }

    /// The path of the running executable: `/proc/self/exe` resolved on Linux, otherwise the
    /// first command-line argument made absolute, symbolic links resolved.
    public static func runningExecutablePath() -> String? {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        guard let first = CommandLine.arguments.first, !first.isEmpty else { return nil }
        let url = first.hasPrefix("/")
            ? URL(fileURLWithPath: first)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(first)
        return url.resolvingSymlinksInPath().path
    }

    /// The folder at `directory`, at one of its nested directories, or at its `relativeDirectory`.
    public func folder(in directory: String) -> URL? {
        let base = URL(fileURLWithPath: directory).standardizedFileURL
        let candidates = [base] + (nestedDirectories + [relativeDirectory]).map { base.appendingPathComponent($0) }
        return candidates.first(where: isFolder)
    }

    /// The first `relativeDirectory` holding the marker in `directory` or one of its parents.
    public func searchUpward(from directory: String) -> URL? {
        var current = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = current.appendingPathComponent(relativeDirectory)
            if isFolder(candidate) { return candidate }
            let parent = current.deletingLastPathComponent().standardizedFileURL
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    private func isFolder(_ directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(markerFile).path)
    }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: currentDirectory).appendingPathComponent(path).standardizedFileURL.path
    }
}
