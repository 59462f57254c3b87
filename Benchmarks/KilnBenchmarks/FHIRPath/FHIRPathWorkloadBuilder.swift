import FHIRDefinitions
import FHIRPath

/// Builds the workload: for each type, every search parameter expression (its branch for that
/// type), parsed once, times every example resource of that type.
struct FHIRPathWorkloadBuilder {
    /// The resource types benchmarked by default, as the issue names them.
    static let defaultResourceTypes = ["Patient", "Observation", "DiagnosticReport", "Consent", "Provenance"]

    /// The definitions holding the search parameters and the type model.
    let catalog: DefinitionsCatalog
    /// The resource types to benchmark.
    let resourceTypes: [String]

    /// The workload over `resources`; expressions that do not parse are counted and left out.
    func build(resources: [ExampleResource]) -> FHIRPathWorkload {
        let options = FHIRPathOptions(typeModel: catalog.typeModel, strict: false)
        var expressions: [FHIRPathWorkload.Expression] = []
        var failures: [FHIRPathWorkload.ParseFailure] = []
        var withoutExpression = 0
        var pairs: [FHIRPathWorkload.Pair] = []
        for type in resourceTypes {
            let resourceIndices = resources.indices.filter { resources[$0].resourceType == type }
            for parameter in catalog.searchParameters(for: type) {
                guard let text = parameter.expression(for: type) else {
                    withoutExpression += 1
                    continue
                }
                do {
                    let compiled = try FHIRPathExpression(text, options: options)
                    expressions.append(.init(resourceType: type, code: parameter.code, text: text, compiled: compiled))
                } catch {
                    failures.append(.init(resourceType: type, code: parameter.code, expression: text, message: error.description))
                    continue
                }
                pairs += resourceIndices.map { FHIRPathWorkload.Pair(expression: expressions.count - 1, resource: $0) }
            }
        }
        return FHIRPathWorkload(
            resourceTypes: resourceTypes,
            expressions: expressions,
            resources: resources,
            pairs: pairs,
            parseFailures: failures,
            parametersWithoutExpression: withoutExpression
        )
    }
}
