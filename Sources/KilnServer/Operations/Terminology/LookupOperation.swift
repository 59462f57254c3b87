import FHIRModel
import FHIRTerminology

/// `CodeSystem/$lookup`: the display, designations and properties of one code.
///
/// In: `system`, `code`, `version` or `coding`, and optionally `property` (names to return).
/// Out: `name`, `version`, `display`, `abstract`, `designation`, `property` (including `parent` and `child`).
struct LookupOperation: FHIROperation {
    let terminology: TerminologyService
    var name: String { "lookup" }

    func invoke(_ invocation: OperationInvocation, service: FHIRService) async throws -> FHIRResponse {
        try TerminologyInput.requireType(invocation, ["CodeSystem"], operation: name)
        let parameters = invocation.parameters
        var terminology = self.terminology
        var system = parameters.string("system")
        var code = parameters.string("code")
        let version = parameters.string("version")
        if let coding = try TerminologyInput.coding(parameters.complex("coding"), name: "coding") {
            system = coding.system ?? system
            code = coding.code
        }
        if let stored = try await TerminologyInput.instance(invocation, service: service) {
            let resource = TerminologyInput.withURL(stored, type: "CodeSystem", id: invocation.resourceID)
            do { terminology = try terminology.adding([resource]) } catch { throw TerminologyInput.fhirError(error) }
            system = system ?? resource["url"]?.stringValue
        }
        guard let system, let code else {
            throw FHIRError.badRequest("$lookup needs a system and a code (or a coding), e.g. CodeSystem/$lookup?system=http://loinc.org&code=2345-7")
        }
        guard let concept = terminology.lookup(system: system, code: code, version: version) else {
            throw FHIRError(status: 404, code: .notFound, "The code '\(code)' of \(system) is not known to Kiln")
        }
        let wanted = Set(parameters.all("property").compactMap { $0.value?.stringValue })
        return FHIRResponse(status: 200, body: .json(Self.output(concept, properties: wanted)))
    }

    static func output(_ concept: ConceptLookup, properties wanted: Set<String>) -> JSONValue {
        var out: [JSONValue] = [TerminologyInput.parameter("name", "String", .string(concept.name ?? concept.system))]
        if let version = concept.version { out.append(TerminologyInput.parameter("version", "String", .string(version))) }
        out.append(TerminologyInput.parameter("display", "String", .string(concept.display ?? concept.code)))
        if concept.isAbstract { out.append(TerminologyInput.parameter("abstract", "Boolean", true)) }
        for designation in concept.designations {
            var parts: [JSONValue] = []
            if let language = designation.language { parts.append(TerminologyInput.parameter("language", "Code", .string(language))) }
            if let use = designation.use { parts.append(TerminologyInput.parameter("use", "Coding", use.json)) }
            parts.append(TerminologyInput.parameter("value", "String", .string(designation.value)))
            out.append(TerminologyInput.parameter("designation", parts: parts))
        }
        func property(_ code: String, _ type: String, _ value: JSONValue) {
            guard wanted.isEmpty || wanted.contains(code) else { return }
            out.append(TerminologyInput.parameter("property", parts: [
                TerminologyInput.parameter("code", "Code", .string(code)),
                TerminologyInput.parameter("value", type, value),
            ]))
        }
        if let definition = concept.definition { property("definition", "String", .string(definition)) }
        for parent in concept.parents { property("parent", "Code", .string(parent)) }
        for child in concept.children { property("child", "Code", .string(child)) }
        for item in concept.properties {
            property(item.code, item.type.prefix(1).uppercased() + item.type.dropFirst(), item.value)
        }
        return TerminologyInput.parameters(out)
    }
}
