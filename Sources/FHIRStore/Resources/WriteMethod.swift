/// How a version came to be, recorded for history (`Bundle.entry.request.method`).
public enum WriteMethod: String, Sendable, Hashable {
    /// Created by POST.
    case create = "POST"
    /// Created or replaced by PUT.
    case update = "PUT"
    /// Changed by PATCH.
    case patch = "PATCH"
    /// Deleted.
    case delete = "DELETE"
}
