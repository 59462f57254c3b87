public import Hummingbird

/// The request context of Kiln's routes.
public struct KilnRequestContext: RequestContext {
    /// Hummingbird's core storage (logger, parameters).
    public var coreContext: CoreRequestContextStorage

    /// A context for one request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }
}
