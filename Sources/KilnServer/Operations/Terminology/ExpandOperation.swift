import FHIRModel
import FHIRTerminology

/// `ValueSet/$expand`, at type level (`url` or a `valueSet` resource) and instance level (the
/// stored ValueSet).
///
/// In: `url`, `valueSet`, `filter`, `count`, `offset`, `includeDesignations`, `activeOnly`
/// (accepted), `excludeNotForUI` (leaves abstract codes out). Out: the ValueSet with its `expansion`.
/// Expansions over 10,000 codes need `count` (422 too-costly otherwise).
struct ExpandOperation: FHIROperation {
    let terminology: TerminologyService
    var name: String { "expand" }

    func invoke(_ invocation: OperationInvocation, service: FHIRService) async throws -> FHIRResponse {
        try TerminologyInput.requireType(invocation, ["ValueSet"], operation: name)
        let parameters = invocation.parameters
        let count = try parameters.integer("count")
        let offset = try parameters.integer("offset") ?? 0
        if let count, count < 0 { throw FHIRError.badRequest("The parameter 'count' must not be negative") }
        if offset < 0 { throw FHIRError.badRequest("The parameter 'offset' must not be negative") }
        let options = ExpansionOptions(
            filter: parameters.string("filter").flatMap { $0.isEmpty ? nil : $0 }, count: count, offset: offset,
            includeDesignations: try parameters.boolean("includeDesignations") ?? false,
            excludeAbstract: try parameters.boolean("excludeNotForUI") ?? false
        )
        let expansion: ValueSetExpansion
        do {
            if let stored = try await TerminologyInput.instance(invocation, service: service) {
                expansion = try terminology.expand(valueSet: stored, options: options)
            } else if let given = parameters.resource("valueSet") ?? invocation.parameters.bodyResource {
                expansion = try terminology.expand(valueSet: given, options: options)
            } else if let url = parameters.string("url") {
                expansion = try terminology.expand(valueSetURL: url, options: options)
            } else {
                throw FHIRError.badRequest("ValueSet/$expand needs a url, a valueSet resource, or an instance-level call (ValueSet/[id]/$expand)")
            }
        } catch let error as TerminologyError {
            throw TerminologyInput.fhirError(error)
        }
        return FHIRResponse(status: 200, body: .json(expansion.json(id: invocation.resourceID)))
    }
}
