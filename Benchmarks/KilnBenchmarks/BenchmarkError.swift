/// Why a benchmark run stopped.
public enum BenchmarkError: Error, CustomStringConvertible {
    /// An option has a value the benchmark cannot use.
    case invalidOption(String)
    /// The server answered a request with something other than what the benchmark needs.
    case unexpectedResponse(request: String, status: Int, body: String)
    /// A phase finished without anything to work on (e.g. no Observation ids to read).
    case nothingToDo(String)

    /// A message for the console.
    public var description: String {
        switch self {
        case .invalidOption(let message):
            message
        case .unexpectedResponse(let request, let status, let body):
            "\(request) answered \(status): \(body.prefix(600))"
        case .nothingToDo(let message):
            message
        }
    }
}
