import Foundation
import FHIRModel

/// Weak entity tags of versions, `W/"3"`, as `ETag`, `If-Match` and `If-None-Match` carry them.
enum ETag {
    /// The version an `If-Match` value names; 400 when it names none.
    static func versionID(fromIfMatch value: String) throws(FHIRError) -> Int64 {
        var text = value.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("W/") { text.removeFirst(2) }
        if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = String(text.dropFirst().dropLast()) }
        guard let version = Int64(text), version > 0 else {
            throw FHIRError.badRequest("If-Match '\(value)' does not name a version; expected W/\"n\"")
        }
        return version
    }

    /// Whether an `If-None-Match` value matches the version (`*` matches any).
    static func matches(_ value: String, versionID: Int64) -> Bool {
        value.split(separator: ",").contains { part in
            let tag = part.trimmingCharacters(in: .whitespaces)
            return tag == "*" || (try? Self.versionID(fromIfMatch: tag)) == versionID
        }
    }
}
