import FHIRDefinitions
import FHIRDeidentify
import FHIRModel
import FHIRSearch
import KilnServer
import Testing

/// The research view's search allowlist: one test per rule, under the shipped profiles.
@Suite("ResearchSearchPolicy")
struct ResearchSearchPolicyTests {
    static let referenceYear = 2025
    static let pseudonym = "0123456789abcdef0123456789abcdef"

    static func policy(_ profile: String = "safe-harbor") throws -> ResearchSearchPolicy {
        let registry = SearchRegistry(catalog: try DefinitionsCatalog.loadDefault())
        return ResearchSearchPolicy(rules: try DeidentificationRulesLoader().load(named: profile), registry: registry)
    }

    static func plan(_ query: String, on type: String? = "Patient", profile: String = "safe-harbor") throws -> ResearchSearchPlan {
        try policy(profile).plan(resourceType: type, parameters: QueryParameter.parse(query), referenceYear: referenceYear)
    }

    /// The refusal of `query`, nil when it is accepted.
    static func refusal(_ query: String, on type: String? = "Patient", profile: String = "safe-harbor") throws -> ResearchSearchRefusal? {
        let policy = try policy(profile)
        do throws(ResearchSearchRefusal) {
            _ = try policy.plan(resourceType: type, parameters: QueryParameter.parse(query), referenceYear: referenceYear)
            return nil
        } catch {
            return error
        }
    }

    static func refused(_ query: String, on type: String? = "Patient", profile: String = "safe-harbor") throws -> Bool {
        try refusal(query, on: type, profile: profile) != nil
    }

    @Test("The never-served types are not served, whatever is asked")
    func neverServedTypes() throws {
        let policy = try Self.policy()
        #expect(policy.servedTypes.count == 10)
        #expect(policy.servedTypes.allSatisfy { !DeidentificationEngine.neverServedTypes.contains($0) })
        #expect(try Self.refused("code=1234-5", on: "Practitioner"))
    }

    @Test("String parameters are refused: names, addresses and every address-* part")
    func stringParametersRefused() throws {
        for query in ["name=smith", "family=smith", "given=ann", "phonetic=smith", "address=main", "address-city=boston",
                      "address-postalcode=02139", "address-state=MA", "name:exact=Smith", "family:contains=mi"] {
            #expect(try Self.refused(query), "\(query)")
        }
    }

    @Test("Telecom, phone and email are refused")
    func telecomRefused() throws {
        for query in ["telecom=555-1234", "phone=555-1234", "email=a@example.org"] {
            #expect(try Self.refused(query), "\(query)")
        }
    }

    @Test("Identifiers are refused, on every type, and :of-type with them")
    func identifierRefused() throws {
        #expect(try Self.refused("identifier=http://hospital|123"))
        #expect(try Self.refused("identifier:of-type=http://terminology.hl7.org/CodeSystem/v2-0203|MR|123"))
        #expect(try Self.refused("identifier=123", on: "Observation"))
        #expect(try Self.refused("identifier=123", on: "Encounter"))
    }

    @Test("Full text, _filter, _list, _query and _source are refused")
    func fullTextAndOpaqueParametersRefused() throws {
        for query in ["_text=cancer", "_content=cancer", "_filter=name eq smith", "_list=42", "_query=mine", "_source=http://ehr.example.org"] {
            #expect(try Self.refused(query, on: "Observation"), "\(query)")
        }
    }

    @Test("A token with :text is refused: it searches free text")
    func tokenTextModifierRefused() throws {
        #expect(try Self.refused("code:text=diabetes", on: "Observation"))
        #expect(try Self.refusal("code:text=diabetes", on: "Observation")?.message.contains(":text") == true)
    }

    @Test("Tokens, quantities and numbers over kept elements pass unchanged")
    func keptTokensPass() throws {
        let plan = try Self.plan("code=http://loinc.org|4548-4&value-quantity=gt7|http://unitsofmeasure.org|%25&status=final&code:not=1234-5", on: "Observation")
        #expect(plan.parameters.allSatisfy { $0.handling == .unchanged })
        #expect(try !Self.refused("gender=female"))
        #expect(try !Self.refused("_tag=http://example.org|t", on: "Condition"))
    }

    @Test("A URI parameter is refused")
    func uriRefused() throws {
        #expect(try Self.refused("_profile=http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient"))
        #expect(try Self.refused("instantiates-uri=http://example.org/protocol", on: "Procedure"))
    }

    @Test("An unknown parameter is refused")
    func unknownParameterRefused() throws {
        #expect(try Self.refused("favourite-colour=blue"))
        #expect(try Self.refused("near=42|-71", on: "Observation"))
    }

    @Test("An unknown or unsure modifier is refused")
    func unknownModifierRefused() throws {
        #expect(try Self.refused("gender:sounds-like=female"))
        #expect(try Self.refused("birthdate:exact=1968"))
        #expect(try Self.refused("_count:max=10"))
    }

    @Test(":missing is refused on a refused parameter and on a date the profile removes")
    func missingRefused() throws {
        #expect(try Self.refused("name:missing=true"))
        #expect(try Self.refused("identifier:missing=true"))
        #expect(try Self.refused("birthdate:missing=true"))
        #expect(try !Self.refused("gender:missing=true"))
    }

    @Test("Safe Harbor birthdate: the year passes, a month or day is refused")
    func safeHarborBirthdate() throws {
        #expect(try !Self.refused("birthdate=1968"))
        #expect(try !Self.refused("birthdate=ge1968"))
        #expect(try Self.refused("birthdate=1968-11"))
        #expect(try Self.refused("birthdate=1968-11-02"))
        let message = try Self.refusal("name=smith&birthdate=1968-11-02")?.message ?? ""
        #expect(message.contains("name ("))
        #expect(message.contains("birthdate=1968-11-02 (HIPAA Safe Harbor keeps only the year)"))
    }

    @Test("A year more than the maximum age before the reference year is refused: those dates are removed")
    func removedYearsRefused() throws {
        #expect(try Self.refused("birthdate=1920"))
        #expect(try !Self.refused("birthdate=1920", profile: "limited-data-set"))
    }

    @Test("Expert determination shifts dates, so only the year may be searched")
    func expertDeterminationYearOnly() throws {
        #expect(try !Self.refused("date=ge2019", on: "Observation", profile: "expert-determination"))
        #expect(try Self.refused("date=2019-03-04", on: "Observation", profile: "expert-determination"))
        #expect(try Self.refusal("birthdate=1968-11-02", profile: "expert-determination")?.message.contains("shifts dates") == true)
    }

    @Test("The limited data set allows full dates, and sorting by them")
    func limitedDataSetFullDates() throws {
        #expect(try !Self.refused("birthdate=1968-11-02", profile: "limited-data-set"))
        #expect(try !Self.refused("date=ge2019-03-04T10:00:00Z", on: "Observation", profile: "limited-data-set"))
        #expect(try !Self.refused("_lastUpdated=gt2024-05-01", on: "Observation", profile: "limited-data-set"))
        #expect(try !Self.refused("_sort=-birthdate", profile: "limited-data-set"))
    }

    @Test("_lastUpdated is year-only under Safe Harbor")
    func lastUpdatedYearOnly() throws {
        #expect(try !Self.refused("_lastUpdated=ge2024", on: "Observation"))
        #expect(try Self.refused("_lastUpdated=ge2024-05-01", on: "Observation"))
    }

    @Test("_sort by a date is refused under Safe Harbor, and by _lastUpdated, _id or a reference")
    func sortRestricted() throws {
        #expect(try Self.refused("_sort=birthdate"))
        #expect(try Self.refused("_sort=-_lastUpdated", on: "Observation"))
        #expect(try Self.refused("_sort=_id"))
        #expect(try Self.refused("_sort=subject", on: "Observation"))
        #expect(try Self.refused("_sort=name"))
        #expect(try !Self.refused("_sort=gender"))
        #expect(try !Self.refused("_sort=-code", on: "Observation"))
    }

    @Test("A reference value Type/PSEUDONYM or a bare pseudonym is planned for translation")
    func referenceTranslationPlan() throws {
        let plan = try Self.plan("subject=Patient/\(Self.pseudonym)&patient=\(Self.pseudonym)&code=1234-5", on: "Observation")
        #expect(plan.parameters[0].handling == .references([ResearchPseudonym(resourceType: "Patient", pseudonym: Self.pseudonym)]))
        #expect(plan.parameters[1].handling == .references([ResearchPseudonym(resourceType: "Patient", pseudonym: Self.pseudonym)]))
        #expect(plan.parameters[2].handling == .unchanged)
        let resolved = plan.parameters { (pseudonym: ResearchPseudonym) -> String in "id-of-" + pseudonym.pseudonym.prefix(4) }
        #expect(resolved[0] == QueryParameter(name: "subject", value: "Patient/id-of-0123"))
        #expect(resolved[1] == QueryParameter(name: "patient", value: "Patient/id-of-0123"))
        let typed = try Self.plan("subject:Patient=\(Self.pseudonym)", on: "Observation")
        #expect(typed.parameters[0].handling == .references([ResearchPseudonym(resourceType: "Patient", pseudonym: Self.pseudonym)]))
    }

    @Test("A reference to an unserved type, an absolute URL, :identifier or an ambiguous bare pseudonym is refused")
    func referenceRefusals() throws {
        #expect(try Self.refused("subject=Group/\(Self.pseudonym)", on: "Observation"))
        #expect(try Self.refused("performer=Practitioner/\(Self.pseudonym)", on: "Observation"))
        #expect(try Self.refused("subject=https://ehr.example.org/fhir/Patient/123", on: "Observation"))
        #expect(try Self.refused("subject:identifier=http://hospital|123", on: "Observation"))
        #expect(try Self.refused("subject:Device=\(Self.pseudonym)", on: "Observation"))
        #expect(try Self.refused("subject:missing=true", on: "Observation"))
        #expect(try Self.refused("general-practitioner=\(Self.pseudonym)"))
    }

    @Test("_id values are pseudonyms of the searched type, planned for translation")
    func idTranslationPlan() throws {
        let plan = try Self.plan("_id=\(Self.pseudonym),abc")
        #expect(plan.parameters[0].handling == .ids([ResearchPseudonym(resourceType: "Patient", pseudonym: Self.pseudonym),
                                                    ResearchPseudonym(resourceType: "Patient", pseudonym: "abc")]))
        #expect(plan.parameters { _ in "x" } == [QueryParameter(name: "_id", value: "x,x")])
        #expect(try Self.refused("_id=not/a/pseudonym"))
        #expect(try Self.refused("_id:missing=true"))
    }

    @Test("Result parameters pass unchanged, _cursor untouched")
    func resultParametersPass() throws {
        let plan = try Self.plan("_count=10&_summary=true&_elements=gender&_total=accurate&_format=json&_pretty=true&_cursor=opaque")
        #expect(plan.parameters.count == 7)
        #expect(plan.parameters.allSatisfy { $0.handling == .unchanged })
        #expect(plan.parameters.last?.parameter == QueryParameter(name: "_cursor", value: "opaque"))
    }

    @Test("_include and _revinclude of served types pass, with :iterate")
    func includesOfServedTypes() throws {
        #expect(try !Self.refused("_include=Observation:subject:Patient", on: "Observation"))
        #expect(try !Self.refused("_include=Observation:patient:Patient", on: "Observation"))
        #expect(try !Self.refused("_revinclude=Observation:subject&_revinclude:iterate=DiagnosticReport:result"))
    }

    @Test("_include of an unserved type is refused, and * with it")
    func includeOfUnservedTypeRefused() throws {
        #expect(try Self.refused("_include=Observation:performer:Practitioner", on: "Observation"))
        #expect(try Self.refused("_include=Observation:performer", on: "Observation"))
        #expect(try Self.refused("_include=Observation:patient", on: "Observation"), "R4 declares Patient and Group as its targets")
        #expect(try Self.refused("_include=*", on: "Observation"))
        #expect(try Self.refused("_include=Observation:*", on: "Observation"))
        #expect(try Self.refused("_revinclude=Provenance:target"))
        #expect(try Self.refused("_include:iterate=Patient:general-practitioner", on: "Observation"))
    }

    @Test("_type names served types only; a system search without _type covers the served types")
    func typeParameter() throws {
        #expect(try Self.refused("_type=Patient,Practitioner", on: nil))
        let plan = try Self.plan("_lastUpdated=ge2024", on: nil)
        #expect(plan.resourceTypes == (try Self.policy().servedTypes))
        #expect(plan.parameters { _ in "" }.last?.name == "_type")
    }

    @Test("A chain to allowed parameters of a served type passes; one to a refused parameter or an unserved type is refused")
    func chains() throws {
        #expect(try !Self.refused("subject:Patient.gender=female", on: "Observation"))
        #expect(try !Self.refused("subject.gender=female", on: "Observation"))
        #expect(try !Self.refused("subject:Patient.birthdate=1968", on: "Observation"))
        #expect(try Self.refused("subject:Patient.birthdate=1968-11-02", on: "Observation"))
        #expect(try Self.refused("subject:Patient.name=smith", on: "Observation"))
        #expect(try Self.refused("subject.identifier=123", on: "Observation"))
        #expect(try Self.refused("performer:Practitioner.gender=female", on: "Observation"))
        #expect(try Self.refused("subject:Patient.general-practitioner=Practitioner/\(Self.pseudonym)", on: "Observation"))
    }

    @Test("_has reaching allowed parameters of a served type passes; one reaching refused ones is refused")
    func reverseChains() throws {
        #expect(try !Self.refused("_has:Observation:subject:code=1234-5"))
        #expect(try Self.refused("_has:Observation:subject:code:text=glucose"))
        #expect(try Self.refused("_has:Provenance:target:agent=Practitioner/1"))
        #expect(try Self.refused("_has:Observation:subject:subject=Patient/\(Self.pseudonym)"))
    }

    @Test("The refusal names every refused parameter and maps to a 400 OperationOutcome")
    func refusalNamesEveryParameter() throws {
        let refusal = try #require(try Self.refusal("name=smith&gender=female&telecom=555&birthdate=1968-11-02"))
        #expect(refusal.items.map(\.parameter) == ["name", "telecom", "birthdate"])
        #expect(refusal.fhirError.status == 400)
        #expect(refusal.fhirError.issues.first?.expression == ["name", "telecom", "birthdate"])
    }

    @Test("Every parameter the policy lists as allowed is accepted, and none it refuses is listed")
    func allowedParametersAreAccepted() throws {
        let policy = try Self.policy()
        let patient = Set(policy.allowedParameters(for: "Patient").map(\.code))
        #expect(patient.contains("gender"))
        #expect(patient.contains("birthdate"))
        for refused in ["name", "identifier", "address-postalcode", "telecom", "family", "email", "phone", "_profile", "_text"] {
            #expect(!patient.contains(refused), "\(refused)")
        }
        #expect(policy.allowedParameters(for: "Practitioner").isEmpty)
    }
}
