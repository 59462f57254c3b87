public import Foundation

/// The full FHIR source packages that are too large to ship (hl7.fhir.r4.core, US Core, the
/// terminology sources), for the tests that check the compilers' committed output against a
/// fresh compilation. They are read only from the folder the environment variable
/// `KILN_FHIR_DATA` names; without it those tests are reported as not run, each with
/// ``howToRun``.
///
/// The folder's layout: `r4-core/package/`, `r4-core/search-parameters.json`,
/// `us-core/6.1.0/package/`, `terminology/` (see `Tests/Fixtures/README.md`).
public enum FHIRData {
    /// The environment variable naming the folder.
    public static let variable = "KILN_FHIR_DATA"

    /// The folder `KILN_FHIR_DATA` names, or nil when it is unset or empty.
    public static var directory: URL? {
        guard let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty else { return nil }
        return URL(fileURLWithPath: path, isDirectory: true)
    }

    /// Whether `KILN_FHIR_DATA` is set: the tests that need it run (and fail when it does not
    /// hold what they read).
    public static var isSet: Bool { directory != nil }

    /// The one line a skipped test gives as its reason.
    public static let howToRun = "not run: set \(variable) to a fhir-data folder (r4-core/, us-core/, terminology/) to run this compiler round trip, e.g. \(variable)=/path/to/fhir-data scripts/test.sh"

    /// A file or folder of the `KILN_FHIR_DATA` folder; throws, naming the path, when the
    /// variable is unset or the path does not exist, so a test that asked for it fails.
    public static func require(_ relativePath: String) throws -> URL {
        guard let directory else { throw Missing(message: "\(variable) is not set") }
        let url = directory.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw Missing(message: "\(variable) is set to \(directory.path), which has no \(relativePath)")
        }
        return url
    }

    /// What ``require(_:)`` throws.
    public struct Missing: Error, CustomStringConvertible {
        /// What is missing, for a person.
        public let message: String
        /// The message.
        public var description: String { message }
    }
}
