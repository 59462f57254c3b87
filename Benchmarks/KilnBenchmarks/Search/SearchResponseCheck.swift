/// A quick look at a search response's bytes, without parsing them: whether it is a searchset
/// Bundle, and how many entries are matches and included resources.
///
/// Kiln writes compact JSON with `resourceType` first and each entry's `"search":{"mode":"…"}`,
/// so counting the mode strings counts the entries.
enum SearchResponseCheck {
    /// What the bytes hold.
    struct Counts: Sendable, Hashable {
        /// Whether the body starts as a searchset Bundle does.
        let isSearchset: Bool
        /// Entries with `search.mode` `match`.
        let matches: Int
        /// Entries with `search.mode` `include`.
        let includes: Int
    }

    private static let bundleStart = Array(#"{"resourceType":"Bundle""#.utf8)
    private static let searchset = Array(#""type":"searchset""#.utf8)
    private static let match = Array(#""search":{"mode":"match"}"#.utf8)
    private static let include = Array(#""search":{"mode":"include"}"#.utf8)

    /// The counts of `body`.
    static func counts(_ body: [UInt8]) -> Counts {
        guard body.starts(with: bundleStart) else { return Counts(isSearchset: false, matches: 0, includes: 0) }
        return Counts(
            isSearchset: occurrences(of: searchset, in: body, limit: 1) == 1,
            matches: occurrences(of: match, in: body),
            includes: occurrences(of: include, in: body)
        )
    }

    /// How many times `pattern` occurs in `bytes` (without overlaps), counting at most `limit`.
    static func occurrences(of pattern: [UInt8], in bytes: [UInt8], limit: Int = .max) -> Int {
        guard let first = pattern.first, pattern.count <= bytes.count else { return 0 }
        var count = 0
        var position = 0
        let last = bytes.count - pattern.count
        bytes.withUnsafeBufferPointer { buffer in
            pattern.withUnsafeBufferPointer { wanted in
                while position <= last, count < limit {
                    if buffer[position] == first {
                        var offset = 1
                        while offset < wanted.count, buffer[position + offset] == wanted[offset] { offset += 1 }
                        if offset == wanted.count {
                            count += 1
                            position += wanted.count
                            continue
                        }
                    }
                    position += 1
                }
            }
        }
        return count
    }
}
