/// The FHIR RESTful interactions (http://hl7.org/fhir/R4/http.html), as access decisions name them.
public enum Interaction: String, Sendable, Hashable, CaseIterable {
    /// GET [type]/[id]
    case read
    /// GET [type]/[id]/_history/[vid]
    case vread
    /// PUT [type]/[id]
    case update
    /// PATCH [type]/[id]
    case patch
    /// DELETE [type]/[id]
    case delete
    /// GET [type]/[id]/_history
    case historyInstance = "history-instance"
    /// GET [type]/_history
    case historyType = "history-type"
    /// GET _history
    case historySystem = "history-system"
    /// POST [type]
    case create
    /// GET [type]?…
    case searchType = "search-type"
    /// GET [base]?… (all types, or those of `_type`)
    case searchSystem = "search-system"
    /// POST / with a batch Bundle
    case batch
    /// POST / with a transaction Bundle
    case transaction
    /// GET metadata
    case capabilities
    /// $operation
    case operation

    /// Whether the interaction changes stored data.
    public var isWrite: Bool {
        switch self {
        case .update, .patch, .delete, .create: true
        default: false
        }
    }
}
