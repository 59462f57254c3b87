public import FHIRModel
public import Foundation

/// Reads rules files: the profiles Kiln ships in `fhir-profiles/deidentification`, or any file.
///
/// This is the only part of the module that reads files; the engine works on the values it gives.
/// A profile that `extends` another is read over that one, found in the same folder.
///
/// ```swift
/// let loader = DeidentificationRulesLoader()
/// let safeHarbor = try loader.load(named: "safe-harbor")
/// let site = try loader.load(from: URL(fileURLWithPath: "site-rules.json"))
/// ```
public struct DeidentificationRulesLoader: Sendable {
    /// The names of the profiles Kiln ships.
    public static let shippedProfileNames = ["safe-harbor", "expert-determination", "limited-data-set"]
    /// The profile the research view uses unless configured otherwise.
    public static let defaultProfileName = "safe-harbor"
    /// Where the shipped profiles sit below a checkout or install root.
    public static let relativeDirectory = "fhir-profiles/deidentification"
    /// The environment variable naming another folder of rules files.
    public static let environmentVariable = "KILN_DEIDENTIFICATION_DIR"
    /// The most `extends` links followed, so that a loop of them fails instead of recursing.
    public static let maximumInheritanceDepth = 8

    /// The folder search for the shipped profiles.
    public var search: ShippedFolderSearch

    /// A loader for this process, or with the given folder (for tests and `--profiles`).
    public init(explicitDirectory: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        search = ShippedFolderSearch(
            relativeDirectory: Self.relativeDirectory,
            markerFile: Self.defaultProfileName + ".json",
            environmentVariable: Self.environmentVariable,
            explicitDirectory: explicitDirectory,
            environment: environment,
            executablePath: ShippedFolderSearch.runningExecutablePath(),
            currentDirectory: FileManager.default.currentDirectoryPath,
            systemDirectories: ["/usr/share/kiln/fhir-profiles/deidentification", "/opt/kiln/fhir-profiles/deidentification"]
        )
    }

    /// The profile `name` of the rules folder (`safe-harbor` reads `safe-harbor.json`).
    public func load(named name: String) throws(DeidentificationRulesError) -> DeidentificationRules {
        switch search.locate() {
        case .success(let folder):
            return try load(from: folder.appendingPathComponent(name + ".json"))
        case .failure(let failure):
            throw DeidentificationRulesError(source: name, message: "no rules folder found; looked in \(failure.looked.joined(separator: "; "))")
        }
    }

    /// The profile in the file at `url`; a base it extends is read from the same folder.
    public func load(from url: URL) throws(DeidentificationRulesError) -> DeidentificationRules {
        try load(from: url, depth: 0)
    }

    /// The profile in `data`, a rules file's bytes; `base` is the profile it extends, if any.
    public func decode(_ data: Data, base: DeidentificationRules? = nil) throws(DeidentificationRulesError) -> DeidentificationRules {
        let document: JSONValue
        do {
            document = try JSONParser().parse([UInt8](data))
        } catch {
            throw DeidentificationRulesError(source: "rules", message: "not valid JSON: \(error)")
        }
        return try DeidentificationRules(document: document, base: base)
    }

    private func load(from url: URL, depth: Int) throws(DeidentificationRulesError) -> DeidentificationRules {
        guard depth <= Self.maximumInheritanceDepth else {
            throw DeidentificationRulesError(source: url.path, message: "more than \(Self.maximumInheritanceDepth) profiles extend one another; is there a loop?")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DeidentificationRulesError(source: url.path, message: "cannot read the file")
        }
        let document: JSONValue
        do {
            document = try JSONParser().parse([UInt8](data))
        } catch {
            throw DeidentificationRulesError(source: url.path, message: "not valid JSON: \(error)")
        }
        var base: DeidentificationRules?
        if let baseName = DeidentificationRules.baseName(of: document) {
            base = try load(from: url.deletingLastPathComponent().appendingPathComponent(baseName + ".json"), depth: depth + 1)
        }
        do {
            return try DeidentificationRules(document: document, base: base)
        } catch {
            throw DeidentificationRulesError(source: url.path, message: error.message)
        }
    }
}
