import FHIRModel

extension ValidationRun {
    /// The Bundle rules beyond its definition's invariants: an entry's fullUrl must end with its
    /// resource's type and id when both are given as a RESTful URL.
    func validateBundleEntries(_ bundle: JSONObject, path: String) {
        for (position, entry) in (bundle["entry"]?.arrayValue ?? []).enumerated() {
            guard let fullUrl = entry["fullUrl"]?.stringValue, let resource = entry["resource"],
                  let type = resource["resourceType"]?.stringValue, let id = resource["id"]?.stringValue else { continue }
            if fullUrl.hasPrefix("urn:") {
                continue
            }
            let parts = fullUrl.split(separator: "/")
            guard parts.count >= 2 else { continue }
            let historyIndex = parts.lastIndex(of: "_history")
            let idPart = historyIndex.map { $0 >= 1 ? parts[$0 - 1] : "" } ?? parts[parts.count - 1]
            let typePart = historyIndex.map { $0 >= 2 ? parts[$0 - 2] : "" } ?? parts[parts.count - 2]
            if typePart == type && idPart != id {
                report(.error, .invalid, "The fullUrl '\(fullUrl)' does not match the resource's id '\(id)'", at: "\(path).entry[\(position)]")
            }
        }
    }
}
