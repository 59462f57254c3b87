import FHIRDefinitions

/// The prefix of an ordered search value (`ge` in `ge2020`, `lt` in `lt5.4|…`).
enum SearchPrefix {
    /// The prefix `text` starts with, if any, and the rest: `ge2020` gives `(.ge, "2020")`,
    /// `2020` gives `(nil, "2020")`. Two leading lower-case letters that are not a prefix stay
    /// in the value, which then fails to parse.
    static func split(_ text: String) -> (comparator: SearchComparator?, value: String) {
        let letters = text.prefix(2)
        guard letters.count == 2, letters.allSatisfy({ $0.isASCII && $0.isLowercase }),
              let comparator = SearchComparator(rawValue: String(letters)) else { return (nil, text) }
        return (comparator, String(text.dropFirst(2)))
    }
}
