/// How the HTTP server listens and how it names itself.
public struct ServerConfiguration: Sendable {
    /// The address to bind. Default 127.0.0.1: until authorization is configured, loopback only.
    public var host: String
    /// The port to bind; 0 picks a free one.
    public var port: Int
    /// The public base URL (no trailing slash) used in every absolute URL Kiln writes
    /// (Location, Bundle links, fullUrl); nil means `http://HOST:PORT`.
    public var baseURL: String?
    /// The limits.
    public var limits: ServerLimits
    /// What writes do with resources that fail validation, by resource type.
    public var validation: ValidationPolicy
    /// Whether every request is recorded in the audit log: on, always, in a server that holds
    /// data; off only to measure what the audit costs (`kiln bench`), never in production.
    public var recordsAudit: Bool = true

    /// A configuration.
    public init(host: String = "127.0.0.1", port: Int = 8080, baseURL: String? = nil, limits: ServerLimits = .default, validation: ValidationPolicy = .standard) {
        self.host = host
        self.port = port
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.limits = limits
        self.validation = validation
    }

    /// The base URL of the FHIR endpoint (`…/fhir`) once the port is known.
    public func fhirBaseURL(boundPort: Int) -> String {
        (baseURL ?? "http://\(host):\(boundPort)") + "/fhir"
    }
}
