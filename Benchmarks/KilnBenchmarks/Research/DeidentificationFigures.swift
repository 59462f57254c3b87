/// What one in-process loop measured: one resource de-identified under one profile, over and
/// over on one task.
public struct DeidentificationFigures: Sendable, Hashable, Codable {
    /// The profile (`safe-harbor`, `expert-determination`).
    public let profile: String
    /// The resource type de-identified.
    public let resourceType: String
    /// De-identifications finished in the measured window.
    public let resources: Int
    /// Length of the measured window, in seconds.
    public let seconds: Double
    /// Size of the stored resource as compact JSON, in bytes.
    public let inputBytes: Int
    /// Size of its de-identified form as compact JSON, in bytes.
    public let outputBytes: Int
    /// The labels the engine put in `meta.security`.
    public let labels: [String]

    /// Resources per second on one core.
    public var resourcesPerSecond: Double { seconds > 0 ? Double(resources) / seconds : 0 }
    /// Mean time of one de-identification, in microseconds.
    public var microsecondsPerResource: Double { resources > 0 ? seconds * 1_000_000 / Double(resources) : 0 }
}
