#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// TCP ports on 127.0.0.1: finding a free one, and telling whether one is still free.
///
/// Both bind a socket the way PostgreSQL does (`SO_REUSEADDR`, so connections lingering in
/// `TIME_WAIT` do not count as taken) and close it at once.
enum LoopbackPort {
    /// A port the kernel reports free now (bound to port 0, then read back).
    static func pickFree() throws -> Int {
        try withBoundSocket(port: 0) { descriptor in
            var address = sockaddr_in()
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let status = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
            }
            guard status == 0 else { throw EmbeddedPostgresError.noFreePort(reason: "getsockname: \(lastError)") }
            return Int(UInt16(bigEndian: address.sin_port))
        }
    }

    /// Whether nothing listens on `port` of 127.0.0.1.
    static func isFree(_ port: Int) -> Bool {
        (try? withBoundSocket(port: port) { _ in true }) ?? false
    }

    private static func withBoundSocket<Result>(port: Int, _ body: (Int32) throws -> Result) throws -> Result {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw EmbeddedPostgresError.noFreePort(reason: "socket: \(lastError)") }
        defer { close(descriptor) }
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard status == 0 else { throw EmbeddedPostgresError.noFreePort(reason: "bind to port \(port): \(lastError)") }
        return try body(descriptor)
    }

    private static var lastError: String { String(cString: strerror(errno)) }
}
