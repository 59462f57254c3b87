import FHIRSearch
import Hummingbird

/// The parameters of an `application/x-www-form-urlencoded` body, as OAuth endpoints take them.
struct OAuthForm: Sendable {
    /// Name → value; a parameter given twice is refused (RFC 6749 §3.1).
    let values: [String: String]

    /// The largest form accepted.
    static let maximumSize = 64 * 1024

    /// Reads the form body of `request`.
    static func read(_ request: Request) async throws(OAuthError) -> OAuthForm {
        guard let contentType = request.headers[.contentType], contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") else {
            throw .invalidRequest("Send the parameters as application/x-www-form-urlencoded")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumSize)
        } catch {
            throw .invalidRequest("The form is larger than \(maximumSize) bytes")
        }
        return try OAuthForm(String(buffer: buffer))
    }

    /// The form of `text`.
    init(_ text: String) throws(OAuthError) {
        var values: [String: String] = [:]
        for parameter in QueryParameter.parse(text) {
            guard values[parameter.name] == nil else { throw .invalidRequest("'\(parameter.name)' is given more than once") }
            values[parameter.name] = parameter.value
        }
        self.values = values
    }

    /// The value of `name`, or nil when absent or empty.
    subscript(_ name: String) -> String? {
        values[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The value of `name`, or `invalid_request` naming it.
    func required(_ name: String) throws(OAuthError) -> String {
        guard let value = self[name] else { throw .invalidRequest("'\(name)' is required") }
        return value
    }
}
