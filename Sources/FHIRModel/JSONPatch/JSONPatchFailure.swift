/// Why one patch operation could not be applied to a document.
///
/// ``JSONPatch/apply(to:)`` turns it into a 422 that names the operation.
struct JSONPatchFailure: Error, Sendable, Hashable {
    /// What went wrong, for a person to act on.
    let reason: String

    /// A failure with a reason.
    init(_ reason: String) {
        self.reason = reason
    }
}
