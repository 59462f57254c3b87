public import FHIRModel
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

    /// The search, with this process's inputs or those given.
    public let search: ShippedFolderSearch

    /// A locator for this process, or with the given inputs (for tests).
    public init(
        explicitDirectory: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String? = ShippedFolderSearch.runningExecutablePath(),
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        systemDirectories: [String] = DefinitionsLocator.defaultSystemDirectories
    ) {
        search = ShippedFolderSearch(
            relativeDirectory: Self.relativeDirectory,
            markerFile: DefinitionsManifest.fileName,
            environmentVariable: Self.environmentVariable,
            nestedDirectories: ["r4"],
            explicitDirectory: explicitDirectory,
            environment: environment,
            executablePath: executablePath,
            currentDirectory: currentDirectory,
            systemDirectories: systemDirectories
        )
    }

    /// The compiled definitions directory; throws a ``DefinitionsError`` of kind `.notFound`
    /// that lists every place looked at.
    public func locate() throws -> URL {
        switch search.locate() {
        case .success(let found): return found
        case .failure(let failure): throw notFound(failure.looked)
        }
    }

    private func notFound(_ looked: [String]) -> DefinitionsError {
        DefinitionsError(.notFound, """
            No compiled FHIR definitions (\(Self.relativeDirectory)/\(DefinitionsManifest.fileName)) found. Looked in: \
            \(looked.joined(separator: "; ")). Run `kiln definitions compile` in the repository, or set \(Self.environmentVariable).
            """)
    }
}
