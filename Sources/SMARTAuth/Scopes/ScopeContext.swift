/// Whose data a resource scope reaches: the prefix before the `/` of `patient/Observation.rs`.
public enum ScopeContext: String, Sendable, Hashable, CaseIterable {
    /// `patient/`: the data of the patient in the launch context only.
    case patient
    /// `user/`: the data the signed-in user may see (for Kiln, what the user's role allows).
    case user
    /// `system/`: the data a backend client may see, with no user or patient in context.
    case system
}
