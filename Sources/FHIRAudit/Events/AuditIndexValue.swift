/// The index values of audit records: the store separates list items with U+001F, so no value
/// may hold it.
enum AuditIndexValue {
    /// The unit separator the store puts between list items.
    static let separator: Unicode.Scalar = "\u{1F}"

    /// `value` without U+001F (unchanged, and not copied, when it has none).
    static func clean(_ value: String) -> String {
        guard value.utf8.contains(0x1F) else { return value }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: value.unicodeScalars.lazy.filter { $0 != separator })
        return String(scalars)
    }
}
