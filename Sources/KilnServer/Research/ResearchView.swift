import FHIRDefinitions
public import FHIRDeidentify
import FHIRModel
import FHIRSearch
import FHIRStore
import FHIRTerminology
import Foundation

/// The de-identified research view `/research/fhir` over the clinical service: each request is
/// answered by the clinical interactions under the research view's access decision (role,
/// purpose HRESCH, Consent), and every resource they find is passed through the project's
/// ``FHIRDeidentify/DeidentificationEngine`` before anything is written out. Only
/// ``ResearchBody`` reaches the wire, and it holds engine output only.
public struct ResearchView: Sendable {
    /// The clinical service whose interactions answer (under `view = .research`).
    let clinical: FHIRService
    /// The projects.
    let projects: any ResearchProjectDirectory
    /// One engine per profile name, rules compiled once; each request gives it its pseudonyms.
    let engines: [String: DeidentificationEngine]
    /// One search policy per profile name.
    let policies: [String: ResearchSearchPolicy]

    /// A view over `clinical`, finding projects in `projects`, with the profiles `profiles`.
    public init(clinical: FHIRService, projects: any ResearchProjectDirectory, profiles: [DeidentificationRules]) {
        self.clinical = clinical
        self.projects = projects
        let displays = TerminologyServiceDisplays(terminology: clinical.validation.terminology)
        let model = clinical.search.registry.catalog.typeModel
        var engines: [String: DeidentificationEngine] = [:]
        var policies: [String: ResearchSearchPolicy] = [:]
        for rules in profiles {
            let served = Set(rules.resourceTypes).intersection(clinical.resourceTypes).subtracting(DeidentificationEngine.neverServedTypes)
            policies[rules.name] = ResearchSearchPolicy(rules: rules, registry: clinical.search.registry, servedTypes: served.sorted())
            engines[rules.name] = DeidentificationEngine(rules: rules, types: model, pseudonymizer: NoPseudonyms(), displays: displays)
        }
        self.engines = engines
        self.policies = policies
    }

    /// The search policy of a project's profile.
    func searchPolicy(for project: ResearchProject) throws(FHIRError) -> ResearchSearchPolicy {
        guard let policy = policies[project.rules.name] else {
            throw FHIRError(status: 503, code: .exception, "The research project's de-identification profile is not loaded on this server")
        }
        return policy
    }

    /// The current year in UTC: a date search is judged against it (ages over the profile's
    /// maximum).
    static func currentYear() -> Int {
        Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: Date()).year ?? 2000
    }

    /// The research base URL: the clinical base with `/fhir` replaced by `/research/fhir`.
    public var baseURL: String {
        Self.researchBase(ofClinical: clinical.baseURL)
    }

    /// `…/research/fhir` for the clinical base `…/fhir`.
    static func researchBase(ofClinical base: String) -> String {
        (base.hasSuffix("/fhir") ? String(base.dropLast("/fhir".count)) : base) + "/research/fhir"
    }

    /// The types the view serves: the profile's, those the server has, never the never-served.
    func servedTypes(of project: ResearchProject) -> Set<String> {
        Set(project.rules.resourceTypes).intersection(clinical.resourceTypes).subtracting(DeidentificationEngine.neverServedTypes)
    }

    /// The engine of a project, pseudonymizing over `rows`.
    func engine(for project: ResearchProject, rows: ResearchRowResolver) throws(FHIRError) -> DeidentificationEngine {
        guard let engine = engines[project.rules.name] else {
            throw FHIRError(status: 503, code: .exception, "The research project's de-identification profile is not loaded on this server")
        }
        return engine.pseudonymizing(with: ResearchPseudonymizer(secret: project.secret, rows: rows))
    }
}

/// The pseudonyms of an engine before a request gives it its own: none.
private struct NoPseudonyms: Pseudonymizer {
    func pseudonym(resourceType: String, id: String) -> String? { nil }
}

/// Coding displays from the server's terminology service.
struct TerminologyServiceDisplays: TerminologyDisplays {
    let terminology: TerminologyService

    func display(system: String, code: String) -> String? {
        terminology.display(system: system, code: code)
    }
}
