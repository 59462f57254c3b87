import Foundation

/// The normalization shared by string index values and string search values, so that string
/// search is case- and accent-insensitive: `Müller`, `MULLER` and `muller` are all `muller`.
public enum SearchText {
    /// Lower case, diacritics removed, compatibility forms folded.
    public static func normalize(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
    }
}
