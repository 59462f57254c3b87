public import Hummingbird
public import NIOCore

/// The request context of Kiln's routes.
public struct KilnRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's core storage (logger, parameters).
    public var coreContext: CoreRequestContextStorage
    /// The request's id: the client's `X-Request-ID` when it is valid, else one Kiln made
    /// (set by ``RequestIDMiddleware``; see ``RequestID``).
    public var requestID: String = ""
    /// The address of the connected client, which audit records name.
    public let remoteAddress: SocketAddress?

    /// A context for one request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }
}
