import FHIRModel

extension ValidationRun {
    /// The Bundle rules beyond its definition's invariants: an entry's fullUrl must end with its
    /// resource's type and id when both are given as a RESTful URL.
    func validateBundleEntries(_ bundle: JSONObject, path: String) {
        var selfLinks = 0
        for (position, link) in (bundle["link"]?.arrayValue ?? []).enumerated() where link["relation"]?.stringValue == "self" {
            selfLinks += 1
            if selfLinks > 1 {
                report(.error, .invalid, "The link relation 'self' can occur only once in a Bundle", at: "\(path).link[\(position)]")
            }
        }
        for (position, entry) in (bundle["entry"]?.arrayValue ?? []).enumerated() {
            if let fullUrl = entry["fullUrl"]?.stringValue, !fullUrl.contains(":") {
                report(.error, .invalid, "The fullUrl must be an absolute URL (not '\(fullUrl)')", at: "\(path).entry[\(position)]")
            }
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
