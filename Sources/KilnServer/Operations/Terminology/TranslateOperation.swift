import FHIRModel
import FHIRTerminology

/// `ConceptMap/$translate`, at type level (`url` or every map) and instance level (the stored map).
///
/// In: `url`, `system` + `code`, `coding`, or `codeableConcept` (the first coding), `target`
/// (accepted), `targetsystem`, `reverse`. Out: `result`, `message`, and one `match` per
/// translation with `equivalence`, `concept` and `source`.
struct TranslateOperation: FHIROperation {
    let terminology: TerminologyService
    var name: String { "translate" }

    func invoke(_ invocation: OperationInvocation, service: FHIRService) async throws -> FHIRResponse {
        try TerminologyInput.requireType(invocation, ["ConceptMap"], operation: name)
        let parameters = invocation.parameters
        var terminology = self.terminology
        var url = parameters.string("url")
        if let stored = try await TerminologyInput.instance(invocation, service: service) {
            let resource = TerminologyInput.withURL(stored, type: "ConceptMap", id: invocation.resourceID)
            do { terminology = try terminology.adding([resource]) } catch { throw TerminologyInput.fhirError(error) }
            url = resource["url"]?.stringValue
        }
        var system = parameters.string("system")
        var code = parameters.string("code")
        let firstCoding = parameters.complex("codeableConcept")?["coding"]?.arrayValue?.first
        if let coding = try TerminologyInput.coding(parameters.complex("coding") ?? firstCoding, name: "coding") {
            system = coding.system ?? system
            code = coding.code
        }
        guard let system, let code else {
            throw FHIRError.badRequest("$translate needs a system and a code, a coding, or a codeableConcept")
        }
        let request = TranslationRequest(
            system: system, code: code, conceptMap: url, targetSystem: parameters.string("targetsystem"),
            reverse: try parameters.boolean("reverse") ?? false
        )
        let matches: [TranslationMatch]
        do {
            matches = try terminology.translate(request)
        } catch {
            throw TerminologyInput.fhirError(error)
        }
        let found = matches.contains(where: \.isMatch)
        var out: [JSONValue] = [TerminologyInput.parameter("result", "Boolean", .bool(found))]
        if !found {
            out.append(TerminologyInput.parameter("message", "String", .string("No mapping of '\(code)' from \(system) was found\(url.map { " in \($0)" } ?? "")")))
        }
        for match in matches {
            var parts: [JSONValue] = [TerminologyInput.parameter("equivalence", "Code", .string(match.equivalence))]
            if let concept = match.concept { parts.append(TerminologyInput.parameter("concept", "Coding", concept.json)) }
            if let source = match.source { parts.append(TerminologyInput.parameter("source", "Uri", .string(source))) }
            out.append(TerminologyInput.parameter("match", parts: parts))
        }
        return FHIRResponse(status: 200, body: .json(TerminologyInput.parameters(out)))
    }
}
