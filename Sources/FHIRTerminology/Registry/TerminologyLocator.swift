public import FHIRModel
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

    /// The search, with this process's inputs or those given.
    public let search: ShippedFolderSearch

    /// A locator for this process, or with the given inputs (for tests).
    public init(
        explicitDirectory: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String? = ShippedFolderSearch.runningExecutablePath(),
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        systemDirectories: [String] = TerminologyLocator.defaultSystemDirectories
    ) {
        search = ShippedFolderSearch(
            relativeDirectory: Self.relativeDirectory,
            markerFile: TerminologyManifest.fileName,
            environmentVariable: Self.environmentVariable,
            nestedDirectories: [],
            explicitDirectory: explicitDirectory,
            environment: environment,
            executablePath: executablePath,
            currentDirectory: currentDirectory,
            systemDirectories: systemDirectories
        )
    }

    /// The shipped folder; throws ``TerminologyError/Kind/unavailable`` listing where it looked.
    public func locate() throws(TerminologyError) -> URL {
        switch search.locate() {
        case .success(let found): return found
        case .failure(let failure): throw notFound(failure.looked)
        }
    }

    private func notFound(_ looked: [String]) -> TerminologyError {
        TerminologyError(.unavailable, """
            No shipped terminology (\(Self.relativeDirectory)/\(TerminologyManifest.fileName)) found. Looked in: \
            \(looked.joined(separator: "; ")). Run `kiln terminology compile` in the repository, or set \(Self.environmentVariable).
            """)
    }
}
