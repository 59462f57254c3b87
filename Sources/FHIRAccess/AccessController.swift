/// Decides every request. Each interaction and each Bundle entry asks it once, before it touches the store.
public protocol AccessController: Sendable {
    /// The decision for one request.
    func decide(_ request: AccessRequest) -> AccessDecision
}

/// The controller of a server without authorization: everything is allowed, unfiltered.
public struct AllowAllAccessController: AccessController {
    /// An allow-all controller.
    public init() {}

    /// Always `.allow(.unrestricted)`.
    public func decide(_ request: AccessRequest) -> AccessDecision {
        .allow(.unrestricted)
    }
}
