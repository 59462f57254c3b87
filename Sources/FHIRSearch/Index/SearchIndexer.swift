public import FHIRModel
import FHIRDefinitions
import FHIRPath
public import FHIRTerminology

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
    public var baseURL: String? {
        didSet { references = ReferenceValues(baseURL: baseURL, typeModel: registry.catalog.typeModel) }
    }

    /// Gives the systems of `code` elements bound to one code system (see ``BoundCodeSystem``).
    public let terminology: TerminologyService?

    private let plans = IndexPlanCache()
    private var references: ReferenceValues
    private let environment = FHIRPathEnvironment()
    private let resourceExpression: FHIRPathExpression?

    /// An indexer over `registry`; expressions are compiled on first use and kept. Every writer
    /// and `kiln reindex` index with the shipped terminology (the default), so that the rows of a
    /// resource do not depend on who wrote it.
    public init(registry: SearchRegistry, baseURL: String?, terminology: TerminologyService? = try? TerminologyService.loadDefault()) {
        self.registry = registry
        self.terminology = terminology
        self.baseURL = baseURL
        self.references = ReferenceValues(baseURL: baseURL, typeModel: registry.catalog.typeModel)
        self.resourceExpression = try? FHIRPathExpression("%resource", options: FHIRPathOptions(typeModel: registry.catalog.typeModel, strict: false))
    }

    /// The index values of `resource` (a resource with `resourceType` and `id`). Values that
    /// cannot be read (a malformed date, an expression that fails on odd content) are skipped,
    /// never thrown: validation decides what may be stored, the index only reflects it.
    public func entries(for resource: JSONValue) -> SearchIndexEntries {
        guard let resourceType = resource["resourceType"]?.stringValue,
              registry.catalog.typeModel.isResourceType(resourceType) else { return .empty }
        let plan = plans.plan(for: resourceType) { IndexPlan(resourceType: resourceType, registry: registry, terminology: terminology) }
        let resourceValue = (try? resourceExpression?.evaluate(resource, environment: environment)) ?? []
        var collector = IndexRowCollector(references: references)
        for parameter in plan.parameters {
            guard let values = try? parameter.expression.evaluate(resource, environment: environment) else { continue }
            if parameter.type == .composite {
                collector.addComposite(parameter, elements: values, resource: resourceValue, environment: environment)
            } else {
                collector.add(values, of: parameter)
            }
        }
        return collector.finished(compartmentPatients: compartmentPatients(of: resource, resourceType: resourceType, plan: plan, collector: collector))
    }

    /// The ids of the patients whose compartment `resource` is in: a Patient's own id, or the
    /// Patient targets of the type's compartment parameters.
    private func compartmentPatients(of resource: JSONValue, resourceType: String, plan: IndexPlan, collector: IndexRowCollector) -> [String] {
        if resourceType == "Patient" {
            return resource["id"]?.stringValue.map { [$0] } ?? []
        }
        var rows: [ReferenceIndexRow] = []
        let indexedCodes = Set(plan.parameters.map(\.code))
        for code in plan.compartmentParameterCodes where indexedCodes.contains(code) {
            rows += collector.references(of: code)
        }
        for parameter in plan.compartmentOnlyParameters {
            guard let values = try? parameter.expression.evaluate(resource, environment: environment) else { continue }
            rows += collector.referenceRows(values, parameter: parameter.code).references
        }
        return rows.compactMap { $0.targetType == "Patient" ? $0.targetID : nil }
    }
}
