import FHIRDefinitions
import FHIRDeidentify
import FHIRModel
import FHIRSearch
@testable import KilnServer
import Testing

/// The research view's CapabilityStatement and SMART discovery document.
@Suite("ResearchCapabilityStatement")
struct ResearchCapabilityStatementTests {
    static let research = "https://kiln.example.org/research/fhir"
    static let clinical = "https://kiln.example.org/fhir"

    static func statement() throws -> (JSONValue, ResearchSearchPolicy) {
        let catalog = try DefinitionsCatalog.loadDefault()
        let policy = ResearchSearchPolicy(rules: try DeidentificationRulesLoader().load(named: "safe-harbor"), registry: SearchRegistry(catalog: catalog))
        let types = Set(catalog.typeModel.resourceTypeNames)
        let builder = ResearchCapabilityStatement(policy: policy, serverResourceTypes: types, researchBaseURL: research, clinicalBaseURL: clinical)
        return (builder.build(), policy)
    }

    static func resources(_ statement: JSONValue) -> [JSONValue] {
        statement["rest"]?.arrayValue?.first?["resource"]?.arrayValue ?? []
    }

    @Test("The statement is the research base's: instance, 4.0.1, json, one server rest entry with SMART")
    func researchBase() throws {
        let (statement, _) = try Self.statement()
        #expect(statement["implementation"]?["url"]?.stringValue == Self.research)
        #expect(statement["url"]?.stringValue == Self.research)
        #expect(statement["kind"]?.stringValue == "instance")
        #expect(statement["fhirVersion"]?.stringValue == "4.0.1")
        let rest = statement["rest"]?.arrayValue ?? []
        #expect(rest.count == 1)
        #expect(rest.first?["mode"]?.stringValue == "server")
        let description = rest.first?["security"]?["description"]?.stringValue ?? ""
        for phrase in ["read-only", "safe-harbor", "minimum cell size", "opted out"] { #expect(description.contains(phrase), "\(phrase)") }
        #expect(rest.first?["operation"] == nil)
    }

    @Test("No write interaction anywhere, and no never-served type")
    func readOnlyAndServedTypesOnly() throws {
        let (statement, policy) = try Self.statement()
        let types = Self.resources(statement).compactMap { $0["type"]?.stringValue }
        #expect(types == policy.servedTypes)
        #expect(types.allSatisfy { !DeidentificationEngine.neverServedTypes.contains($0) })
        for resource in Self.resources(statement) {
            let codes = resource["interaction"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
            #expect(codes == ["read", "vread", "history-instance", "search-type"])
        }
        #expect(statement["rest"]?.arrayValue?.first?["interaction"] == nil)
    }

    @Test("No refused parameter is listed, and every listed one is accepted by the policy")
    func listedParametersAreAccepted() throws {
        let (statement, policy) = try Self.statement()
        let patient = Self.resources(statement).first { $0["type"]?.stringValue == "Patient" }
        let names = Set(patient?["searchParam"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? [])
        #expect(names.contains("gender"))
        for refused in ["name", "identifier", "address-postalcode", "telecom", "email", "family", "_text", "_profile"] {
            #expect(!names.contains(refused), "\(refused)")
        }
        for resource in Self.resources(statement) {
            guard let type = resource["type"]?.stringValue else { continue }
            for entry in resource["searchParam"]?.arrayValue ?? [] {
                guard let name = entry["name"]?.stringValue, let kind = entry["type"]?.stringValue else { continue }
                let value = switch kind {
                case "reference": policy.registry.parameter(named: name, for: type)?.targets.first(where: policy.servedTypes.contains).map { "\($0)/abc" } ?? "abc"
                case "date": "2019"
                case "composite" where policy.registry.parameter(named: name, for: type)?.components.last?.type == .date: "http://loinc.org|1234-5$2019"
                case "composite": "http://loinc.org|1234-5$5"
                case "number", "quantity": "5"
                default: "abc"
                }
                do throws(ResearchSearchRefusal) {
                    _ = try policy.plan(resourceType: type, parameters: [QueryParameter(name: name, value: value)], referenceYear: 2025)
                } catch {
                    Issue.record("\(type): \(error.message)")
                }
            }
            for include in resource["searchInclude"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
                let parts = include.split(separator: ":")
                #expect(parts.count != 3 || policy.servedTypes.contains(String(parts[2])), "\(include)")
            }
            for include in resource["searchRevInclude"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
                #expect(policy.servedTypes.contains(String(include.split(separator: ":")[0])), "\(include)")
            }
        }
    }

    @Test("The research SMART configuration keeps the clinical issuer and endpoints, with read and search scopes only")
    func researchSMARTConfiguration() throws {
        let document = SMARTConfiguration.researchDocument(clinicalBaseURL: Self.clinical)
        let clinical = SMARTConfiguration.document(baseURL: Self.clinical)
        #expect(document["issuer"] as? String == Self.clinical)
        for key in ["token_endpoint", "authorization_endpoint", "jwks_uri", "introspection_endpoint", "revocation_endpoint"] {
            #expect(document[key] as? String == clinical[key] as? String, "\(key)")
        }
        let scopes = document["scopes_supported"] as? [String] ?? []
        #expect(Set(scopes) == ["user/*.rs", "system/*.rs", "openid", "fhirUser", "offline_access", "online_access"])
    }
}
