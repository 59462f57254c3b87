public import FHIRModel
public import Foundation

/// The result of one interaction, independent of HTTP: the HTTP layer writes it as a response and
/// batch and transaction processing write it into a Bundle entry.
public struct FHIRResponse: Sendable {
    /// The HTTP status.
    public var status: Int
    /// The body.
    public var body: Body
    /// `Location`: the absolute URL of the version written.
    public var location: String?
    /// `ETag`: `W/"n"`.
    public var etag: String?
    /// `Last-Modified`.
    public var lastModified: Date?
    /// Further headers.
    public var headers: [String: String]

    /// A response body.
    public enum Body: Sendable {
        /// No body.
        case none
        /// JSON to serialize.
        case json(JSONValue)
        /// JSON text already serialized (a stored resource, sent as it is).
        case text(String)
    }

    /// A response.
    public init(status: Int, body: Body = .none, location: String? = nil, etag: String? = nil, lastModified: Date? = nil, headers: [String: String] = [:]) {
        self.status = status
        self.body = body
        self.location = location
        self.etag = etag
        self.lastModified = lastModified
        self.headers = headers
    }

    /// The body as JSON (parsing stored text), for embedding in a Bundle.
    public func bodyJSON() throws(FHIRError) -> JSONValue? {
        switch body {
        case .none: return nil
        case .json(let value): return value
        case .text(let text):
            do {
                return try JSONParser(limits: JSONLimits(maximumDepth: 1024)).parse(text)
            } catch {
                throw FHIRError.internalError("Stored JSON could not be parsed: \(error)")
            }
        }
    }
}
