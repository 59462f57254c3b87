import FHIRModel
import FHIRTerminology

/// `CodeSystem/$validate-code` and `ValueSet/$validate-code`, at type and instance level.
///
/// In: `url` (the value set, or for CodeSystem the code system), `valueSet` or `codeSystem`
/// (a resource), `code` + `system` (+ `version`, `display`), `coding`, or `codeableConcept`.
/// Out: `result`, `message` (when invalid, cannot be told, or the display is wrong), `display`.
/// An unknown value set or code system gives `result` false with a message, as the spec says.
struct ValidateCodeOperation: FHIROperation {
    let terminology: TerminologyService
    var name: String { "validate-code" }

    func invoke(_ invocation: OperationInvocation, service: FHIRService) async throws -> FHIRResponse {
        try TerminologyInput.requireType(invocation, ["CodeSystem", "ValueSet"], operation: name)
        let isValueSet = invocation.resourceType == "ValueSet"
        let parameters = invocation.parameters
        var terminology = self.terminology
        var url = parameters.string("url")
        var supplied: [JSONValue] = []
        if let stored = try await TerminologyInput.instance(invocation, service: service) {
            supplied.append(TerminologyInput.withURL(stored, type: invocation.resourceType ?? "", id: invocation.resourceID))
        }
        if let given = parameters.resource(isValueSet ? "valueSet" : "codeSystem") {
            supplied.append(TerminologyInput.withURL(given, type: invocation.resourceType ?? "", id: nil))
        }
        if let last = supplied.last {
            do { terminology = try terminology.adding(supplied) } catch { throw TerminologyInput.fhirError(error) }
            url = last["url"]?.stringValue
        }
        let codings = try Self.codings(parameters)
        guard !codings.isEmpty else {
            throw FHIRError.badRequest("$validate-code needs a code (with a system), a coding or a codeableConcept")
        }
        let requests = codings.map { coding in
            CodeValidationRequest(
                system: coding.system ?? (isValueSet ? nil : url), version: coding.version, code: coding.code,
                display: coding.display, valueSet: isValueSet ? url : nil
            )
        }
        if isValueSet && url == nil {
            throw FHIRError.badRequest("ValueSet/$validate-code needs the value set: a url, a valueSet resource, or an instance-level call")
        }
        if !isValueSet, requests.contains(where: { $0.system == nil }) {
            throw FHIRError.badRequest("CodeSystem/$validate-code needs the code system: url, system, or an instance-level call")
        }
        let results = requests.map(terminology.validateCode)
        let valid = results.first { $0.outcome == .valid }
        var out: [JSONValue] = [TerminologyInput.parameter("result", "Boolean", .bool(valid != nil))]
        let chosen = valid ?? results.first
        let messages = valid.map { $0.message.map { [$0] } ?? [] } ?? results.compactMap(\.message)
        if !messages.isEmpty {
            out.append(TerminologyInput.parameter("message", "String", .string(messages.joined(separator: "; "))))
        }
        if let display = chosen?.display { out.append(TerminologyInput.parameter("display", "String", .string(display))) }
        return FHIRResponse(status: 200, body: .json(TerminologyInput.parameters(out)))
    }

    /// The codes to check: `code`+`system`, a `coding`, or each coding of a `codeableConcept`.
    static func codings(_ parameters: OperationParameters) throws(FHIRError) -> [(system: String?, code: String, display: String?, version: String?)] {
        if let concept = parameters.complex("codeableConcept") {
            var result: [(system: String?, code: String, display: String?, version: String?)] = []
            for item in concept["coding"]?.arrayValue ?? [] {
                if let coding = try TerminologyInput.coding(item, name: "codeableConcept.coding") { result.append(coding) }
            }
            if result.isEmpty { throw FHIRError.badRequest("The codeableConcept has no coding to validate") }
            return result
        }
        if let coding = try TerminologyInput.coding(parameters.complex("coding"), name: "coding") {
            return [coding]
        }
        guard let code = parameters.string("code") else { return [] }
        return [(parameters.string("system"), code, parameters.string("display"), parameters.string("systemVersion") ?? parameters.string("version"))]
    }
}
