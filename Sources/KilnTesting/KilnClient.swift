public import AsyncHTTPClient
public import FHIRModel
import Foundation
public import NIOCore
public import NIOHTTP1

/// An HTTP client for a Kiln server, for tests and benchmarks.
///
/// Paths are relative to the FHIR base (`"Patient/123"`); bodies are JSON values or raw bytes.
public struct KilnClient: Sendable {
    /// The FHIR base URL.
    public let baseURL: String
    let http: HTTPClient
    /// Headers sent with every request (an `Authorization` header, say); a request's own
    /// headers win.
    public var headers: [String: String]

    /// A client for the server at `baseURL`, sharing one HTTP connection pool per process.
    public init(baseURL: String, httpClient: HTTPClient = .kilnTesting, headers: [String: String] = [:]) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.http = httpClient
        self.headers = headers
    }

    /// Sends a request; `path` is relative to the FHIR base unless it starts with `http`.
    public func request(
        _ method: HTTPMethod,
        _ path: String,
        headers: [String: String] = [:],
        body: [UInt8]? = nil,
        timeout: TimeAmount = .seconds(60)
    ) async throws -> KilnResponse {
        let url = path.hasPrefix("http") ? path : (path.isEmpty ? baseURL : "\(baseURL)/\(path)")
        var request = HTTPClientRequest(url: url)
        request.method = method
        let headers = self.headers.merging(headers) { $1 }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            request.body = .bytes(ByteBuffer(bytes: body))
            if headers.keys.contains(where: { $0.lowercased() == "content-type" }) == false {
                request.headers.add(name: "Content-Type", value: "application/fhir+json")
            }
        }
        let response = try await http.execute(request, timeout: timeout)
        let buffer = try await response.body.collect(upTo: 512 * 1024 * 1024)
        return KilnResponse(status: Int(response.status.code), headers: response.headers, body: Array(buffer.readableBytesView))
    }

    /// GET.
    public func get(_ path: String, headers: [String: String] = [:]) async throws -> KilnResponse {
        try await request(.GET, path, headers: headers)
    }

    /// POST a JSON body.
    public func post(_ path: String, json: JSONValue, headers: [String: String] = [:]) async throws -> KilnResponse {
        try await request(.POST, path, headers: headers, body: json.jsonBytes)
    }

    /// PUT a JSON body.
    public func put(_ path: String, json: JSONValue, headers: [String: String] = [:]) async throws -> KilnResponse {
        try await request(.PUT, path, headers: headers, body: json.jsonBytes)
    }

    /// PATCH with a JSON Patch document.
    public func patch(_ path: String, jsonPatch: JSONValue, headers: [String: String] = [:]) async throws -> KilnResponse {
        var headers = headers
        headers["Content-Type"] = "application/json-patch+json"
        return try await request(.PATCH, path, headers: headers, body: jsonPatch.jsonBytes)
    }

    /// DELETE.
    public func delete(_ path: String, headers: [String: String] = [:]) async throws -> KilnResponse {
        try await request(.DELETE, path, headers: headers)
    }
}

/// A response from ``KilnClient``.
public struct KilnResponse: Sendable {
    /// The HTTP status code.
    public let status: Int
    /// The headers.
    public let headers: HTTPHeaders
    /// The body bytes.
    public let body: [UInt8]

    /// The body as text.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as JSON; nil when empty or not JSON.
    public var json: JSONValue? {
        guard !body.isEmpty else { return nil }
        return try? JSONParser(limits: JSONLimits(maximumDepth: 1024)).parse(body)
    }

    /// The first value of a header.
    public func header(_ name: String) -> String? { headers.first(name: name) }
}
