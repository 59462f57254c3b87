public import AsyncHTTPClient
import NIOCore

extension HTTPClient.Configuration {
    /// A configuration for tests and benchmarks that send many requests at once.
    ///
    /// A loaded two-core machine running suites in parallel can keep a request waiting for a
    /// pooled connection longer than the library's ten-second default, which fails the request
    /// with `getConnectionFromPoolTimeout` although the server answers it. Requests here wait
    /// up to a minute (the same bound as a request's own timeout) and the pool opens up to 32
    /// connections per host.
    public static func kilnTesting(followRedirects: Bool = true) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: followRedirects ? .follow(max: 5, allowCycles: false) : .disallow,
            timeout: .init(connect: .seconds(60))
        )
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 32)
        return configuration
    }
}

extension HTTPClient {
    /// One client per process with ``HTTPClient/Configuration/kilnTesting(followRedirects:)``;
    /// like `HTTPClient.shared`, it lives as long as the process and is never shut down.
    public static let kilnTesting = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .kilnTesting())

    /// The same, but answering a redirect with the redirect itself (for OAuth flows, whose
    /// redirects go to the app).
    public static let kilnTestingWithoutRedirects = HTTPClient(
        eventLoopGroupProvider: .singleton, configuration: .kilnTesting(followRedirects: false)
    )
}
