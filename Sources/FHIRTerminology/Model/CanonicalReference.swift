/// A canonical URL with an optional `|version`, as written in `ValueSet.compose.include.valueSet`,
/// a binding or an operation parameter.
public struct CanonicalReference: Sendable, Hashable {
    /// The URL without the version.
    public var url: String
    /// The version after `|`, if any.
    public var version: String?

    /// Splits `text` at its last `|`.
    public init(_ text: String) {
        // Searched byte by byte: `|` is ASCII, and a Character search costs grapheme breaking.
        if let bar = text.utf8.lastIndex(of: UInt8(ascii: "|")) {
            url = String(text[..<bar])
            let rest = String(text[text.index(after: bar)...])
            version = rest.isEmpty ? nil : rest
        } else {
            url = text
            version = nil
        }
    }
}
