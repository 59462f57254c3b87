import Foundation
public import PostgresNIO
import NIOSSL

/// How to reach PostgreSQL: parsed from a `postgres://` URL, as `--database-url` and `DATABASE_URL` give it.
///
/// ```swift
/// let configuration = try DatabaseConfiguration(url: "postgres://kiln:secret@db:5432/kiln?sslmode=require")
/// ```
public struct DatabaseConfiguration: Sendable, CustomStringConvertible {
    /// The host name or address.
    public var host: String
    /// The TCP port.
    public var port: Int
    /// The user name.
    public var username: String
    /// The password, if any.
    public var password: String?
    /// The database name.
    public var database: String
    /// Whether to use TLS (`sslmode=require` or `verify-full`); off otherwise.
    public var requireTLS: Bool
    /// The most connections the pool opens. Default: ``defaultMaximumConnections``.
    public var maximumConnections: Int

    /// The default pool size, 24: enough for 16 concurrent clients plus writers on a 2-core machine.
    public static let defaultMaximumConnections = 24

    /// A configuration from its parts.
    public init(host: String, port: Int = 5432, username: String, password: String? = nil, database: String, requireTLS: Bool = false, maximumConnections: Int = DatabaseConfiguration.defaultMaximumConnections) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.requireTLS = requireTLS
        self.maximumConnections = maximumConnections
    }

    /// A configuration from a `postgres://user:password@host:port/database?sslmode=…` URL.
    public init(url: String) throws(DatabaseConfigurationError) {
        guard let components = URLComponents(string: url),
              components.scheme == "postgres" || components.scheme == "postgresql"
        else { throw DatabaseConfigurationError(message: "The database URL must look like postgres://user:password@host:port/database") }
        guard let host = components.host, !host.isEmpty else {
            throw DatabaseConfigurationError(message: "The database URL has no host")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        let sslMode = query["sslmode"] ?? "disable"
        self.init(
            host: host,
            port: components.port ?? 5432,
            username: components.user ?? "postgres",
            password: components.password,
            database: database.isEmpty ? "postgres" : database,
            requireTLS: sslMode == "require" || sslMode == "verify-full" || sslMode == "verify-ca",
            maximumConnections: query["max_connections"].flatMap(Int.init) ?? DatabaseConfiguration.defaultMaximumConnections
        )
    }

    /// The URL with the password masked, for logs.
    public var description: String {
        "postgres://\(username)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)\(requireTLS ? "?sslmode=require" : "")"
    }

    /// The same server, another database.
    public func with(database: String) -> DatabaseConfiguration {
        var copy = self
        copy.database = database
        return copy
    }

    /// The settings every connection of Kiln's starts with: no JIT compilation. Kiln's
    /// statements are short and run once each; PostgreSQL compiles a statement whose estimated
    /// cost passes `jit_above_cost`, which the consent check's declared cost makes every search
    /// over many rows do, and compiling takes longer (10–120 ms) than such a statement runs.
    public static let sessionSettings: [(String, String)] = [("jit", "off")]

    /// The postgres-nio client configuration.
    public var clientConfiguration: PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: host,
            port: port,
            username: username,
            password: password,
            database: database,
            tls: requireTLS ? .require(.makeClientConfiguration()) : .disable
        )
        configuration.options.maximumConnections = maximumConnections
        configuration.options.minimumConnections = 0
        configuration.options.additionalStartupParameters = Self.sessionSettings
        return configuration
    }
}

/// A database URL that cannot be used.
public struct DatabaseConfigurationError: Error, Sendable, CustomStringConvertible {
    /// What is wrong with the URL.
    public let message: String
    /// The message.
    public var description: String { message }
}
