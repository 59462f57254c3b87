import FHIRModel
import FHIRTerminology

/// `CodeSystem/$subsumes`: how two codes of one system relate.
///
/// In: `system` + `codeA` + `codeB` (+ `version`), or `codingA` + `codingB`; at instance level the
/// stored CodeSystem. Out: `outcome` (`equivalent`, `subsumes`, `subsumed-by`, `not-subsumed`).
struct SubsumesOperation: FHIROperation {
    let terminology: TerminologyService
    var name: String { "subsumes" }

    func invoke(_ invocation: OperationInvocation, service: FHIRService) async throws -> FHIRResponse {
        try TerminologyInput.requireType(invocation, ["CodeSystem"], operation: name)
        let parameters = invocation.parameters
        var terminology = self.terminology
        var system = parameters.string("system")
        if let stored = try await TerminologyInput.instance(invocation, service: service) {
            let resource = TerminologyInput.withURL(stored, type: "CodeSystem", id: invocation.resourceID)
            do { terminology = try terminology.adding([resource]) } catch { throw TerminologyInput.fhirError(error) }
            system = resource["url"]?.stringValue
        }
        var codeA = parameters.string("codeA")
        var codeB = parameters.string("codeB")
        if let codingA = try TerminologyInput.coding(parameters.complex("codingA"), name: "codingA"),
           let codingB = try TerminologyInput.coding(parameters.complex("codingB"), name: "codingB") {
            if let systemA = codingA.system, let systemB = codingB.system, systemA != systemB {
                throw FHIRError.badRequest("codingA and codingB must be from the same system to test subsumption")
            }
            system = codingA.system ?? codingB.system ?? system
            codeA = codingA.code
            codeB = codingB.code
        }
        guard let system, let codeA, let codeB else {
            throw FHIRError.badRequest("$subsumes needs a system with codeA and codeB, or codingA and codingB")
        }
        let outcome: SubsumptionOutcome
        do {
            outcome = try terminology.subsumes(system: system, codeA: codeA, codeB: codeB)
        } catch {
            throw TerminologyInput.fhirError(error)
        }
        return FHIRResponse(status: 200, body: .json(TerminologyInput.parameters([
            TerminologyInput.parameter("outcome", "Code", .string(outcome.rawValue)),
        ])))
    }
}
