import FHIRDefinitions
import FHIRModel
import FHIRSearch
import Foundation

/// The indexer the search tests share, over the default definitions.
enum IndexerFixture {
    static let baseURL = "https://kiln.example/fhir"

    private static let loaded = Result { () throws -> SearchIndexer in
        let catalog = try DefinitionsCatalog.loadDefault()
        return SearchIndexer(registry: SearchRegistry(catalog: catalog), baseURL: baseURL)
    }

    /// The shared indexer.
    static func indexer() throws -> SearchIndexer {
        try loaded.get()
    }

    /// The entries of the resource written as `json`.
    static func index(_ json: String) throws -> SearchIndexEntries {
        try indexer().entries(for: JSONParser().parse(json))
    }
}

/// Milliseconds since 1970 of an ISO 8601 instant such as `2020-03-04T10:00:00.123Z`.
func milliseconds(_ text: String) -> Int64? {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = text.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
    return formatter.date(from: text).flatMap(milliseconds)
}

/// Milliseconds since 1970 of `date`, rounded to the nearest millisecond.
func milliseconds(_ date: Date?) -> Int64? {
    date.map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) }
}

extension SearchIndexEntries {
    func tokenRows(_ parameter: String) -> [TokenIndexRow] { tokens.filter { $0.parameter == parameter } }
    func stringRows(_ parameter: String) -> [StringIndexRow] { strings.filter { $0.parameter == parameter } }
    func dateRows(_ parameter: String) -> [DateIndexRow] { dates.filter { $0.parameter == parameter } }
    func referenceRows(_ parameter: String) -> [ReferenceIndexRow] { references.filter { $0.parameter == parameter } }
    func quantityRows(_ parameter: String) -> [QuantityIndexRow] { quantities.filter { $0.parameter == parameter } }
    func uriRows(_ parameter: String) -> [URIIndexRow] { uris.filter { $0.parameter == parameter } }
    func compositeRows(_ parameter: String) -> [CompositeIndexRow] { composites.filter { $0.parameter == parameter } }

    /// The date rows of `parameter` as millisecond pairs, for exact comparison.
    func dateRanges(_ parameter: String) -> [[Int64?]] {
        dateRows(parameter).map { [milliseconds($0.low), milliseconds($0.high)] }
    }
}
