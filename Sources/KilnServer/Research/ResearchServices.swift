public import FHIRDeidentify

/// What the research view runs on: the de-identification profiles its projects choose from.
///
/// ```swift
/// let research = try ResearchServices.loadDefault()   // the profiles in fhir-profiles/deidentification
/// KilnApplication.build(…, research: research, …)
/// ```
public struct ResearchServices: Sendable {
    /// The profiles, by the name a project names (`safe-harbor`, …).
    public var profiles: [DeidentificationRules]
    /// The minimum cell size of the built-in project `default` when the server sets one
    /// (`kiln serve --research-min-cell`); nil for the project's stored one (11).
    public var defaultProjectMinimumCellSize: Int?

    /// Services over these profiles.
    public init(profiles: [DeidentificationRules], defaultProjectMinimumCellSize: Int? = nil) {
        self.profiles = profiles
        self.defaultProjectMinimumCellSize = defaultProjectMinimumCellSize
    }

    /// The profiles Kiln ships, read from `fhir-profiles/deidentification` (or `directory`, or
    /// `$KILN_DEIDENTIFICATION_DIR`); throws when one cannot be read, so a server never starts
    /// with a research view it cannot serve.
    public static func loadDefault(directory: String? = nil) throws -> ResearchServices {
        let loader = DeidentificationRulesLoader(explicitDirectory: directory)
        var profiles: [DeidentificationRules] = []
        for name in DeidentificationRulesLoader.shippedProfileNames {
            profiles.append(try loader.load(named: name))
        }
        return ResearchServices(profiles: profiles)
    }
}
