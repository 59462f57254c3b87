import FHIRModel
import FHIRDefinitions
import FHIRSearch
import Foundation

/// Builds the CapabilityStatement from what the server really registers, so it cannot drift
/// from the implementation: the resource types come from the definitions the server loaded and
/// the interactions from ``FHIRService``'s own list.
struct CapabilityStatementBuilder {
    /// The resource types served.
    let resourceTypes: Set<String>
    /// The FHIR base URL.
    let baseURL: String
    /// The names of the registered system-level operations (without `$`).
    var operations: [String] = []
    /// The operations listed under the resource types they are invoked on, such as `$validate`.
    var resourceOperations: [any CapabilityAdvertising] = []
    /// The supported search parameters, modifiers and prefixes.
    let search: SearchRegistry
    /// Whether the SMART authorization server guards the API (its endpoints go in `rest.security`).
    var advertisesSMART = false
    /// Whether `AuditEvent` is the audit log, read and searched only (``AuditEventEndpoint``).
    var servesAuditLog = false

    /// The canonical OperationDefinitions of the standard operations Kiln may register.
    static let operationDefinitions: [String: String] = [
        "lookup": "http://hl7.org/fhir/OperationDefinition/CodeSystem-lookup",
        "validate-code": "http://hl7.org/fhir/OperationDefinition/ValueSet-validate-code",
        "expand": "http://hl7.org/fhir/OperationDefinition/ValueSet-expand",
        "subsumes": "http://hl7.org/fhir/OperationDefinition/CodeSystem-subsumes",
        "translate": "http://hl7.org/fhir/OperationDefinition/ConceptMap-translate",
        "validate": "http://hl7.org/fhir/OperationDefinition/Resource-validate",
    ]

    /// The type-level interactions ``FHIRService/perform(_:in:)`` implements for every type.
    static let typeInteractions = ["read", "vread", "update", "patch", "delete", "history-instance", "history-type", "create", "search-type"]
    /// The system-level interactions.
    static let systemInteractions = ["transaction", "batch", "search-system", "history-system"]

    /// `rest.security` of a server guarded by SMART: the service code and the OAuth endpoints
    /// (the `oauth-uris` extension SMART App Launch defines).
    /// How access is decided, for `rest.security.description`: SMART, then patients' Consents.
    static let securityDescription = """
        SMART App Launch 2: OAuth 2.0 bearer tokens; see .well-known/smart-configuration. \
        Patients' Consents decide inside every query what a caller sees, by purpose of use \
        (v3-ActReason: the token's purpose_of_use, else the role's: clinician TREAT, researcher HRESCH, \
        patient PATRQT, data-steward and administrator HOPERAT, a client without a role TREAT) and actors \
        (fhirUser, the Organization acted for, the client id as urn:kiln:client-id). \
        Without an applicable Consent: permit for TREAT, ETREAT, HOPERAT and PATRQT, deny for identifiable \
        HRESCH and other purposes (kiln serve --consent-default changes them). Break-glass: purpose_of_use=ETREAT \
        (on the authorization or token request) \
        for users registered for it overrides Consent denials, and every such response carries a warning. \
        A patient's own access is never restricted by their Consents. Consents are checked on write: ppc-1 to ppc-5, \
        nested provisions need a type, actors a role, data a meaning, at most one nested level.
        """

    private func security() -> JSONValue {
        func uri(_ name: String, _ endpoint: String) -> JSONValue {
            ["url": .string(name), "valueUri": .string(AuthRoutes.url(baseURL: baseURL, endpoint))]
        }
        return [
            "service": [["coding": [["system": "http://terminology.hl7.org/CodeSystem/restful-security-service", "code": "SMART-on-FHIR"]]]],
            "description": .string(Self.securityDescription),
            "extension": [[
                "url": "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
                "extension": [uri("authorize", "authorize"), uri("token", "token"), uri("introspect", "introspect"), uri("revoke", "revoke")],
            ]],
        ]
    }

    /// The CapabilityStatement resource.
    func build() -> JSONValue {
        var statement = JSONObject()
        statement["resourceType"] = "CapabilityStatement"
        statement["status"] = "active"
        statement["date"] = .string(FHIRInstant.format(Date()))
        statement["publisher"] = "Kiln"
        statement["kind"] = "instance"
        statement["software"] = ["name": "Kiln", "version": .string(KilnVersion.current)]
        statement["implementation"] = ["description": "Kiln FHIR R4 server", "url": .string(baseURL)]
        statement["fhirVersion"] = "4.0.1"
        statement["format"] = ["application/fhir+json", "json"]
        statement["patchFormat"] = ["application/json-patch+json"]
        var rest = JSONObject()
        rest["mode"] = "server"
        rest["resource"] = .array(resourceTypes.sorted().map(resource))
        rest["interaction"] = .array(Self.systemInteractions.map { ["code": .string($0)] })
        rest["searchParam"] = .array(search.systemParameters().map(Self.searchParam))
        if !operations.isEmpty {
            rest["operation"] = .array(operations.map { name in
                ["name": .string(name), "definition": .string(Self.operationDefinitions[name] ?? "\(baseURL)/OperationDefinition/\(name)")]
            })
        }
        if advertisesSMART {
            rest["security"] = security()
        }
        statement["rest"] = [.object(rest)]
        return .object(statement)
    }

    private func resource(_ type: String) -> JSONValue {
        if type == "AuditEvent" && servesAuditLog { return auditLog() }
        var resource = JSONObject()
        resource["type"] = .string(type)
        resource["interaction"] = .array(Self.typeInteractions.map { ["code": .string($0)] })
        resource["versioning"] = "versioned-update"
        resource["readHistory"] = true
        resource["updateCreate"] = true
        resource["conditionalCreate"] = true
        resource["conditionalRead"] = "not-supported"
        resource["conditionalUpdate"] = true
        resource["conditionalDelete"] = "single"
        let parameters = search.supportedParameters(for: type)
        let references = parameters.filter { $0.type == .reference }.map(\.code)
        if !references.isEmpty {
            resource["searchInclude"] = .array((["*"] + references).map { .string($0 == "*" ? "*" : "\(type):\($0)") })
        }
        let revIncludes = search.revIncludes(targeting: type)
        if !revIncludes.isEmpty { resource["searchRevInclude"] = .array(revIncludes.map { .string($0) }) }
        resource["searchParam"] = .array(parameters.map(Self.searchParam))
        let advertised = resourceOperations.filter { $0.isAdvertised(on: type) }
        if !advertised.isEmpty {
            resource["operation"] = .array(advertised.map { ["name": .string($0.name), "definition": .string($0.definitionURL)] })
        }
        return .object(resource)
    }

    /// `AuditEvent` as the audit log: read and search over the log's own parameters, `$proof`.
    private func auditLog() -> JSONValue {
        let parameters: [(String, String)] = [
            ("date", "date"), ("agent", "reference"), ("patient", "reference"), ("entity", "reference"), ("type", "token"),
            ("subtype", "token"), ("outcome", "token"), ("action", "token"), ("purpose", "token"),
        ]
        return [
            "type": "AuditEvent",
            "documentation": "Kiln's tamper-evident audit log, read-only: administrators and data stewards search it, a patient their own accounting of disclosures; records are served exactly as stored",
            "interaction": [["code": "read"], ["code": "search-type"]],
            "searchParam": .array(parameters.map { name, type in
                var parameter = JSONObject()
                parameter["name"] = .string(name)
                if name != "purpose" { parameter["definition"] = .string("http://hl7.org/fhir/SearchParameter/AuditEvent-\(name)") }
                parameter["type"] = .string(type)
                return JSONValue.object(parameter)
            }),
            "operation": [["name": "proof", "definition": "https://kiln.dev/fhir/OperationDefinition/AuditEvent-proof"]],
        ]
    }

    /// One `searchParam` entry: name, definition, type, and the modifiers and prefixes Kiln
    /// accepts, as documentation.
    private static func searchParam(_ parameter: SupportedSearchParameter) -> JSONValue {
        var entry = JSONObject()
        entry["name"] = .string(parameter.code)
        entry["definition"] = .string(parameter.definition.url)
        entry["type"] = .string(parameter.type.rawValue)
        entry["documentation"] = .string(parameter.summary)
        return .object(entry)
    }
}

/// The version of Kiln reported in the CapabilityStatement and by `kiln --version`.
public enum KilnVersion {
    /// The version string.
    public static let current = "0.1.0"
}
