import Foundation

/// The search index values of one resource version, extracted at write time by
/// ``SearchIndexer`` and stored beside the version in the same transaction.
///
/// Each row kind has its own table (`search_token`, `search_string`, …); every row names its
/// parameter by code (`code`, `subject`, `_tag`). `_id` and `_lastUpdated` are columns of the
/// `resource` table and have no rows here.
public struct SearchIndexEntries: Sendable, Hashable {
    /// Token values (`code`, `identifier`, `_tag`, …).
    public var tokens: [TokenIndexRow]
    /// String values (`name`, `address-city`, …).
    public var strings: [StringIndexRow]
    /// Date values as instant ranges (`birthdate`, `date`, …).
    public var dates: [DateIndexRow]
    /// References (`subject`, `result`, …).
    public var references: [ReferenceIndexRow]
    /// Quantities (`value-quantity`, …).
    public var quantities: [QuantityIndexRow]
    /// Numbers.
    public var numbers: [NumberIndexRow]
    /// URIs (`_profile`, `_source`, `url`, …).
    public var uris: [URIIndexRow]
    /// Composite values (`code-value-quantity`, …).
    public var composites: [CompositeIndexRow]
    /// The ids of the patients in whose compartment the resource is (a Patient is in its own).
    public var compartmentPatients: [String]

    /// Entries from their rows.
    public init(
        tokens: [TokenIndexRow] = [],
        strings: [StringIndexRow] = [],
        dates: [DateIndexRow] = [],
        references: [ReferenceIndexRow] = [],
        quantities: [QuantityIndexRow] = [],
        numbers: [NumberIndexRow] = [],
        uris: [URIIndexRow] = [],
        composites: [CompositeIndexRow] = [],
        compartmentPatients: [String] = []
    ) {
        self.tokens = tokens
        self.strings = strings
        self.dates = dates
        self.references = references
        self.quantities = quantities
        self.numbers = numbers
        self.uris = uris
        self.composites = composites
        self.compartmentPatients = compartmentPatients
    }

    /// No values at all (a deletion).
    public static let empty = SearchIndexEntries()

    /// A 64-bit FNV-1a digest of every row, in a canonical order: equal entries give equal
    /// digests, so `kiln reindex` can skip resources whose values did not change.
    public var digest: Int64 {
        var hasher = StableHasher()
        for row in tokens.sorted(by: { "\($0)" < "\($1)" }) { hasher.combine("t\(row)") }
        for row in strings.sorted(by: { "\($0)" < "\($1)" }) { hasher.combine("s\(row)") }
        for row in dates.sorted(by: { "\($0)" < "\($1)" }) { hasher.combine("d\(row)") }
        for row in references.sorted(by: { "\($0)" < "\($1)" }) { hasher.combine("r\(row)") }
        for row in quantities.sorted(by: { "\($0)" < "\($1)" }) { hasher.combine("q\(row)") }
        for row in numbers.sorted(by: { "\($0)" < "\($1)" }) { hasher.combine("n\(row)") }
        for row in uris.sorted(by: { "\($0)" < "\($1)" }) { hasher.combine("u\(row)") }
        for row in composites.sorted(by: { "\($0)" < "\($1)" }) { hasher.combine("c\(row)") }
        for patient in compartmentPatients.sorted() { hasher.combine("p\(patient)") }
        return hasher.value
    }
}

/// FNV-1a over UTF-8, stable across processes (unlike `Hasher`).
struct StableHasher {
    private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ text: String) {
        for byte in text.utf8 {
            state ^= UInt64(byte)
            state = state &* 0x0000_0100_0000_01b3
        }
        state ^= 0xff
        state = state &* 0x0000_0100_0000_01b3
    }

    var value: Int64 { Int64(bitPattern: state) }
}
