import FHIRDeidentify
import FHIRDefinitions
import FHIRModel
import FHIRSearch
import Foundation

/// The research view's own CapabilityStatement (`GET /research/fhir/metadata`): only the types
/// it serves and the server has, read and search only, and only the search parameters,
/// includes and reverse includes ``ResearchSearchPolicy`` accepts, worked out by asking the
/// policy itself, so that what is advertised is what is run.
///
/// ```swift
/// let statement = ResearchCapabilityStatement(policy: policy, serverResourceTypes: types,
///                                             researchBaseURL: "https://kiln.example.org/research/fhir",
///                                             clinicalBaseURL: "https://kiln.example.org/fhir").build()
/// ```
struct ResearchCapabilityStatement: Sendable {
    /// The policy of the project the statement describes.
    let policy: ResearchSearchPolicy
    /// The resource types the server has (the definitions it loaded).
    let serverResourceTypes: Set<String>
    /// The research base: `…/research/fhir`.
    let researchBaseURL: String
    /// The clinical base, whose authorization server the research view shares.
    let clinicalBaseURL: String
    /// The smallest count reported.
    var minimumCellSize = 11
    /// Whether the SMART authorization server guards the view (its endpoints go in `rest.security`).
    var advertisesSMART = true

    /// The interactions of every served type: the view is read-only.
    static let typeInteractions = ["read", "vread", "history-instance", "search-type"]
    /// The year searches are checked against when the policy is asked about includes; the
    /// includes do not depend on it.
    private static let anyYear = 2000

    /// The resource types listed: served by the view and present on the server, sorted.
    var resourceTypes: [String] {
        policy.servedTypes.filter(serverResourceTypes.contains)
    }

    /// `rest.security.description`: how a researcher gets in and what the view does to the data.
    var securityDescription: String {
        """
        SMART App Launch 2: OAuth 2.0 bearer tokens from the clinical server's authorization server; see \
        .well-known/smart-configuration. Researchers, data stewards and administrators only. The view is read-only. \
        Every resource is de-identified under the project's profile (\(policy.rules.name) \(policy.rules.version)), \
        ids and references are pseudonyms, and searches that could reach removed or generalized elements are refused. \
        Counts below the minimum cell size (\(minimumCellSize)) are not reported. Patients who opted out of research \
        (purpose of use HRESCH) are absent.
        """
    }

    /// The CapabilityStatement resource.
    func build() -> JSONValue {
        var statement = JSONObject()
        statement["resourceType"] = "CapabilityStatement"
        statement["url"] = .string(researchBaseURL)
        statement["status"] = "active"
        statement["date"] = .string(FHIRInstant.format(Date()))
        statement["publisher"] = "Kiln"
        statement["kind"] = "instance"
        statement["software"] = ["name": "Kiln", "version": .string(KilnVersion.current)]
        statement["implementation"] = ["description": "Kiln de-identified research view", "url": .string(researchBaseURL)]
        statement["fhirVersion"] = "4.0.1"
        statement["format"] = ["application/fhir+json", "json"]
        var rest = JSONObject()
        rest["mode"] = "server"
        rest["documentation"] = .string(securityDescription)
        if advertisesSMART { rest["security"] = security() }
        rest["resource"] = .array(resourceTypes.map(resource))
        statement["rest"] = [.object(rest)]
        return .object(statement)
    }

    private func security() -> JSONValue {
        func uri(_ name: String, _ endpoint: String) -> JSONValue {
            ["url": .string(name), "valueUri": .string(AuthRoutes.url(baseURL: clinicalBaseURL, endpoint))]
        }
        return [
            "service": [["coding": [["system": "http://terminology.hl7.org/CodeSystem/restful-security-service", "code": "SMART-on-FHIR"]]]],
            "description": .string(securityDescription),
            "extension": [[
                "url": "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
                "extension": [uri("authorize", "authorize"), uri("token", "token"), uri("introspect", "introspect"), uri("revoke", "revoke")],
            ]],
        ]
    }

    private func resource(_ type: String) -> JSONValue {
        var resource = JSONObject()
        resource["type"] = .string(type)
        resource["interaction"] = .array(Self.typeInteractions.map { ["code": .string($0)] })
        resource["versioning"] = "no-version"
        resource["readHistory"] = false
        resource["conditionalRead"] = "not-supported"
        let parameters = policy.allowedParameters(for: type)
        let includes = parameters.filter { $0.type == .reference }.flatMap { parameter in
            ["\(type):\(parameter.code)"] + parameter.targets.map { "\(type):\(parameter.code):\($0)" }
        }.filter { accepts(type, QueryParameter(name: "_include", value: $0)) }
        if !includes.isEmpty { resource["searchInclude"] = .array(includes.map { .string($0) }) }
        let revIncludes = policy.registry.revIncludes(targeting: type).filter { accepts(type, QueryParameter(name: "_revinclude", value: $0)) }
        if !revIncludes.isEmpty { resource["searchRevInclude"] = .array(revIncludes.map { .string($0) }) }
        resource["searchParam"] = .array(parameters.map(Self.searchParam))
        return .object(resource)
    }

    /// Whether the policy accepts `parameter` on a search of `type`.
    private func accepts(_ type: String, _ parameter: QueryParameter) -> Bool {
        (try? policy.plan(resourceType: type, parameters: [parameter], referenceYear: Self.anyYear)) != nil
    }

    /// One `searchParam` entry: name, definition, type, and what the view accepts of it.
    private static func searchParam(_ parameter: SupportedSearchParameter) -> JSONValue {
        var entry = JSONObject()
        entry["name"] = .string(parameter.code)
        entry["definition"] = .string(parameter.definition.url)
        entry["type"] = .string(parameter.type.rawValue)
        entry["documentation"] = .string(documentation(of: parameter))
        return .object(entry)
    }

    private static func documentation(of parameter: SupportedSearchParameter) -> String {
        if parameter.code == "_id" { return "values are pseudonyms of the searched type" }
        switch parameter.type {
        case .reference: return "values are pseudonyms: Type/PSEUDONYM"
        case .date: return "dates at the precision the project's profile keeps"
        case .token: return "codes only; no :text or :of-type"
        default: return "as in the clinical view"
        }
    }
}
