import FHIRAccess
public import FHIRConsent
public import FHIRModel
import FHIRSearch
public import FHIRStore
public import Foundation

/// What a patient's stored Consents decide for one request, with the reasons: the pure
/// ``FHIRConsent/ConsentEvaluator`` over the patient's current Consents and, when a resource is
/// named, its search index values — the same facts the SQL decides from.
///
/// `Patient/[id]/$consent-decision` and `kiln consent explain` both answer with it.
///
/// ```swift
/// let explainer = ConsentExplainer(store: store, search: search, baseURL: base)
/// let decision = try await explainer.decide(patientID: "p1", request: ConsentRequest(purpose: "TREAT", actors: [], actions: ["access"]),
///                                           resource: "Observation/o1", permitsByDefault: true)
/// ```
public struct ConsentExplainer: Sendable {
    /// Where the Consents and the resource are read.
    public let store: ResourceStore
    /// The search services that find the patient's Consents and index the resource.
    public let search: SearchServices
    /// The server's FHIR base URL (absolute references under it are local).
    public let baseURL: String

    /// An explainer over `store`.
    public init(store: ResourceStore, search: SearchServices, baseURL: String) {
        self.store = store
        self.search = search
        self.baseURL = baseURL
    }

    /// The decision for `request` on the patient's data, or on `resource` (`Type/ID`) when named;
    /// `permitsByDefault` answers when no Consent applies. Throws 404 for an unknown patient or
    /// resource.
    public func decide(patientID: String, request: ConsentRequest, resource: String?, permitsByDefault: Bool, now: Date = Date()) async throws -> ConsentDecision {
        guard let patient = try await store.read(resourceType: "Patient", id: patientID), !patient.isDeleted else {
            throw FHIRError.notFound("Patient/\(patientID) is not known")
        }
        let candidates = try await consents(of: patientID)
        var facts: ConsentResourceFacts?
        if let resource { facts = try await resourceFacts(resource, candidates: candidates) }
        return ConsentEvaluator.decide(candidates, request: request, resource: facts, now: now, permitsByDefault: permitsByDefault)
    }

    /// The patient's current Consents, compiled, in id order.
    private func consents(of patientID: String) async throws -> [ConsentCandidate] {
        let conditions = try search.parser(baseURL: baseURL)
            .parseConditions(resourceType: "Consent", parameters: [QueryParameter(name: "patient", value: "Patient/\(patientID)")])
        let statement = search.compiler(baseURL: baseURL).match(resourceType: "Consent", conditions: conditions, filter: .unrestricted, limit: 1000)
        let ids = try await store.withTransaction { try await $0.ids(statement) }
        var candidates: [ConsentCandidate] = []
        for id in ids.sorted() {
            guard let json = try await store.read(resourceType: "Consent", id: id)?.json() else { continue }
            candidates.append(ConsentCandidate(reference: "Consent/\(id)", compilation: ConsentCompiler.compile(json)))
        }
        return candidates
    }

    /// What the resource-level criteria are matched against, from the resource's index values.
    private func resourceFacts(_ reference: String, candidates: [ConsentCandidate]) async throws -> ConsentResourceFacts {
        let parts = reference.split(separator: "/").map(String.init)
        guard parts.count == 2, let json = try await store.read(resourceType: parts[0], id: parts[1])?.json() else {
            throw FHIRError.notFound("\(reference) is not known")
        }
        let indexer = search.indexer(baseURL: baseURL)
        let entries = indexer.entries(for: json)
        var facts = ConsentResourceFacts(
            type: parts[0], id: parts[1],
            securityLabels: Set(entries.tokens.filter { $0.parameter == "_security" }.map { "\($0.system)|\($0.code)" }),
            profiles: Set(entries.uris.filter { $0.parameter == "_profile" }.map(\.uri)),
            codes: Set(entries.tokens.filter { $0.parameter == "code" }.map { "\($0.system)|\($0.code)" }),
            clinicalPeriods: entries.dates.filter { $0.parameter == "date" }.map { ClinicalPeriod(start: $0.low, end: $0.high) },
            references: Set(entries.references.compactMap(Self.target)),
            authors: Set(entries.references.filter { ConsentTables.authorParameters.contains($0.parameter) }.compactMap(Self.target))
        )
        var related = Set<String>()
        for case .enforced(let consent) in candidates.map(\.compilation) {
            related.formUnion(consent.provisions.flatMap(\.resources.dataRelated) + (consent.rootResources?.dataRelated ?? []))
        }
        for named in related {
            let segments = named.split(separator: "/").map(String.init)
            guard segments.count == 2, let other = try await store.read(resourceType: segments[0], id: segments[1])?.json() else { continue }
            if indexer.entries(for: other).references.compactMap(Self.target).contains(reference) { facts.referrers.insert(named) }
        }
        return facts
    }

    private static func target(_ row: ReferenceIndexRow) -> String? {
        guard let type = row.targetType, let id = row.targetID else { return nil }
        return "\(type)/\(id)"
    }
}
