public import Foundation

/// The context of an EHR launch, found by the opaque `launch` value the EHR passes to the app.
public struct LaunchRecord: Sendable, Hashable {
    /// The id of the patient in context.
    public var patient: String
    /// When the launch value stops being accepted.
    public var expiresAt: Date

    /// A launch context.
    public init(patient: String, expiresAt: Date) {
        self.patient = patient
        self.expiresAt = expiresAt
    }
}
