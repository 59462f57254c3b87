import FHIRModel

/// `_count` and `_total` of history, checked against the server's limits.
struct PageParameters {
    /// The page size.
    var count: Int
    /// Whether an accurate total is wanted.
    var includeTotal: Bool

    /// Reads `_count` (default and maximum from `limits`) and `_total` (`none`, `estimate`, `accurate`).
    init(_ request: FHIRRequest, limits: ServerLimits) throws(FHIRError) {
        if let text = request.value(of: "_count") {
            guard let value = Int(text), value >= 0 else {
                throw FHIRError.badRequest("_count must be a non-negative integer, not '\(text)'")
            }
            count = min(value, limits.maximumPageSize)
        } else {
            count = limits.defaultPageSize
        }
        switch request.value(of: "_total") {
        case nil, "none": includeTotal = false
        case "accurate", "estimate": includeTotal = true
        case let other?:
            throw FHIRError.badRequest("_total must be none, estimate or accurate, not '\(other)'")
        }
    }
}
