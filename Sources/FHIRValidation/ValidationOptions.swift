/// What one validation checks beyond the base definition.
public struct ValidationOptions: Sendable, Hashable {
    /// Profiles to validate against in addition to those the resource claims in `meta.profile`.
    public var profiles: [String]
    /// Whether the profiles in `meta.profile` are validated too.
    public var includesClaimedProfiles: Bool
    /// Whether terminology bindings are checked.
    public var checksBindings: Bool
    /// Whether invariants (FHIRPath constraints) are evaluated.
    public var checksInvariants: Bool
    /// Whether best-practice invariants (such as `dom-6`, narrative) are reported, as warnings.
    public var reportsBestPractice: Bool

    /// Options; by default everything is checked against the base and the claimed profiles.
    public init(
        profiles: [String] = [],
        includesClaimedProfiles: Bool = true,
        checksBindings: Bool = true,
        checksInvariants: Bool = true,
        reportsBestPractice: Bool = true
    ) {
        self.profiles = profiles
        self.includesClaimedProfiles = includesClaimedProfiles
        self.checksBindings = checksBindings
        self.checksInvariants = checksInvariants
        self.reportsBestPractice = reportsBestPractice
    }
}
