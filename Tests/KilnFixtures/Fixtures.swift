public import Foundation

/// The test data Kiln ships in `Tests/Fixtures`: the public FHIR test suites, definitions,
/// examples and samples the tests read, trimmed to what they use (its README says where each
/// folder comes from). Tests find their data here, never beside the repository.
///
/// ```swift
/// let suite = Fixtures.url("fhirpath/tests-fhir-r4.xml")
/// ```
public enum Fixtures {
    /// The repository's root folder, from this file's place in it.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `Tests/Fixtures`.
    public static let directory = repositoryRoot.appendingPathComponent("Tests/Fixtures")

    /// A file or folder of `Tests/Fixtures`, by its path there.
    public static func url(_ relativePath: String) -> URL {
        directory.appendingPathComponent(relativePath)
    }

    /// A file or folder of the repository, by its path from the root.
    public static func repositoryURL(_ relativePath: String) -> URL {
        repositoryRoot.appendingPathComponent(relativePath)
    }
}
