public import FHIRDefinitions
public import FHIRSearch
public import FHIRTerminology
import Foundation

/// What search needs at run time, made once per server: the registry of supported parameters,
/// the indexer writes use, and what parses and compiles each search.
///
/// ```swift
/// let search = SearchServices(catalog: catalog, terminology: validation.terminology)
/// let entries = search.indexer(baseURL: base).entries(for: observation)
/// ```
public struct SearchServices: Sendable {
    /// The supported parameters, modifiers and prefixes.
    public let registry: SearchRegistry
    /// Resolves the terminology modifiers of token search.
    public let terminology: TerminologyService?
    /// Page sizes, link lifetime and include limits.
    public let limits: SearchLimits
    private let indexer: SearchIndexer

    /// Services over `catalog`'s search parameters.
    public init(catalog: DefinitionsCatalog, terminology: TerminologyService?, limits: SearchLimits = SearchLimits()) {
        self.registry = SearchRegistry(catalog: catalog)
        self.terminology = terminology
        self.limits = limits
        self.indexer = SearchIndexer(registry: registry, baseURL: nil)
    }

    /// The indexer for a server at `baseURL` (absolute references under it are indexed as local);
    /// every copy shares the compiled expressions.
    public func indexer(baseURL: String) -> SearchIndexer {
        var indexer = self.indexer
        indexer.baseURL = baseURL
        return indexer
    }

    /// The parser for a server at `baseURL`, with the server's page sizes when given.
    public func parser(baseURL: String, pageSizes: ServerLimits? = nil) -> SearchQueryParser {
        var limits = self.limits
        if let pageSizes {
            limits.defaultCount = pageSizes.defaultPageSize
            limits.maximumCount = pageSizes.maximumPageSize
        }
        return SearchQueryParser(registry: registry, terminology: terminology, baseURL: baseURL, limits: limits)
    }

    /// A compiler for one request (its `now` anchors `ap` dates); it reads granular-scope
    /// restrictions as searches under `baseURL`.
    public func compiler(baseURL: String) -> SearchCompiler {
        SearchCompiler(patientCompartment: registry.catalog.patientCompartment, now: Date(), restrictionParser: parser(baseURL: baseURL))
    }
}
