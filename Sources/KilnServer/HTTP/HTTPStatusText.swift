/// Status lines for Bundle `entry.response.status`, e.g. `201 Created`.
enum HTTPStatusText {
    /// The code and its reason phrase.
    static func line(_ status: Int) -> String {
        let reasons: [Int: String] = [
            200: "OK", 201: "Created", 204: "No Content", 304: "Not Modified",
            400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
            405: "Method Not Allowed", 406: "Not Acceptable", 409: "Conflict", 410: "Gone",
            412: "Precondition Failed", 413: "Content Too Large", 415: "Unsupported Media Type",
            422: "Unprocessable Content", 500: "Internal Server Error", 503: "Service Unavailable",
        ]
        return reasons[status].map { "\(status) \($0)" } ?? String(status)
    }
}
