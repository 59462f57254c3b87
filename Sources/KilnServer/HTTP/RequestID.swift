import Foundation

/// The id that ties a request's response, log line, audit record and Provenance together.
///
/// A client may send its own in `X-Request-ID` (an integration engine's message id, a trace id);
/// Kiln keeps it when it is 1 to 64 characters of letters, digits, `-`, `_`, `.` and `:`, and
/// otherwise makes one (a random UUID), so an id can never carry text into a log or a record.
public enum RequestID {
    /// The header, in requests and responses.
    public static let headerName = "X-Request-ID"
    /// The longest id kept from a client.
    public static let maximumLength = 64

    /// The client's id when it is acceptable, else a new one.
    public static func accepting(_ clientValue: String?) -> String {
        if let clientValue, isAcceptable(clientValue) { return clientValue }
        return make()
    }

    /// Whether a client's id is kept as it is.
    public static func isAcceptable(_ value: String) -> Bool {
        (1...maximumLength).contains(value.utf8.count)
            && value.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x3A
            }
    }

    /// A new id: a random UUID in lowercase.
    public static func make() -> String {
        UUID().uuidString.lowercased()
    }
}
