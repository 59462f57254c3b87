import HTTPTypes
import Hummingbird
import NIOCore

/// The plain HTML pages of the authorization flow: no scripts, no external resources, every
/// value escaped.
enum HTMLPage {
    /// `text` safe inside HTML text and attribute values.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A hidden form field.
    static func hidden(_ name: String, _ value: String?) -> String {
        guard let value else { return "" }
        return #"<input type="hidden" name="\#(escape(name))" value="\#(escape(value))">"#
    }

    /// A page with `title` and `body` (already HTML).
    static func response(title: String, body: String, status: HTTPResponse.Status = .ok) -> Response {
        let html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body style="font-family: sans-serif; max-width: 36em; margin: 2em auto;"><h1>\(escape(title))</h1>
            \(body)
            </body></html>
            """
        var headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
            .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
        ]
        if let frameOptions = HTTPField.Name("X-Frame-Options") { headers[frameOptions] = "DENY" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// An error page, for errors that cannot be sent back to the client (unknown client, redirect_uri mismatch).
    static func error(_ message: String) -> Response {
        response(title: "Authorization failed", body: "<p>\(escape(message))</p>", status: .badRequest)
    }
}
