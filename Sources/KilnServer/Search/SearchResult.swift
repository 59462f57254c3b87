import FHIRSearch
import FHIRStore

/// What a search found, before it is shaped into a searchset Bundle: the clinical view shapes it
/// as stored, the research view de-identifies every row first.
struct SearchResult {
    /// The number of matches, when asked for or when one page holds them all.
    var total: Int?
    /// Whether a page was fetched (not a count alone).
    var fetchedPage = false
    /// The page's matches in display order.
    var matches: [SearchRow] = []
    /// What `_include` and `_revinclude` added.
    var included: [SearchRow] = []
    /// Where the next page starts, when there is one.
    var nextCursor: PageCursor?
    /// Where the previous page ends, when there is one.
    var previousCursor: PageCursor?
}
