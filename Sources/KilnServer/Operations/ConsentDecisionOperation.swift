public import FHIRAccess
import FHIRConsent
import FHIRModel
import FHIRSearch
import FHIRStore
import Foundation
import SMARTAuth

/// `GET Patient/[id]/$consent-decision?purpose=CODE[&actor=REF]…[&action=CODE][&resource=Type/ID]`:
/// what the patient's Consents decide for a request of that purpose by those actors (on that
/// resource, when named), which Consent and provision decided it, and why every other Consent
/// did not apply. For data stewards and administrators (and every caller when authorization is
/// off). The answer is a Parameters: `decision` (permit or deny), `consent` (the deciding
/// Consent, when one decided) and one `explanation` string per line.
///
/// It runs ``FHIRConsent/ConsentEvaluator``, the pure form of the decision the SQL makes, over
/// the patient's stored Consents and the resource's search index values.
public struct ConsentDecisionOperation: FHIROperation {
    /// The answer when no Consent applies, per purpose.
    public let defaults: ConsentDefaults

    /// The operation with `defaults`.
    public init(defaults: ConsentDefaults = .standard) {
        self.defaults = defaults
    }

    /// `consent-decision`.
    public var name: String { "consent-decision" }

    /// Decides and explains.
    public func invoke(_ invocation: OperationInvocation, service: FHIRService) async throws -> FHIRResponse {
        guard invocation.resourceType == "Patient", let patientID = invocation.resourceID else {
            throw FHIRError.badRequest("$consent-decision is invoked on a patient: GET Patient/[id]/$consent-decision?purpose=CODE")
        }
        if let controller = invocation.request.accessController as? SMARTAccessController,
           ![Role.dataSteward, .administrator].contains(controller.caller.role) {
            throw FHIRError.forbidden("$consent-decision is for data stewards and administrators")
        }
        _ = try service.authorize(.operation, request: invocation.request, type: "Patient", id: patientID)
        let parameters = invocation.parameters
        guard let purpose = parameters.string("purpose") else {
            throw FHIRError.badRequest("$consent-decision needs purpose=CODE (a v3-ActReason code such as TREAT or HRESCH)", code: .required)
        }
        let actors = Set(parameters.all("actor").compactMap { $0.value?.stringValue }.compactMap(ConsentActor.key(reference:)))
        let actions = Set(parameters.all("action").compactMap { $0.value?.stringValue })
        let request = ConsentRequest(purpose: purpose, actors: actors, actions: actions.isEmpty ? ["access"] : actions)
        let candidates = try await consents(of: patientID, service: service)
        var facts: ConsentResourceFacts?
        if let reference = parameters.string("resource") {
            facts = try await resourceFacts(reference, candidates: candidates, service: service)
        }
        let decision = ConsentEvaluator.decide(candidates, request: request, resource: facts, now: Date(),
                                               permitsByDefault: defaults.permits(purpose: purpose, in: .clinical))
        var output: [JSONValue] = [["name": "decision", "valueCode": JSONValue.string(decision.permits ? "permit" : "deny")]]
        switch decision.basis {
        case .root(let consent), .provisions(let consent, _):
            output.append(["name": "consent", "valueReference": ["reference": JSONValue.string(consent)]])
        case .defaultForPurpose, .tie: break
        }
        output += decision.explanation.map { ["name": "explanation", "valueString": JSONValue.string($0)] as JSONValue }
        return FHIRResponse(status: 200, body: .json(["resourceType": "Parameters", "parameter": .array(output)]))
    }

    /// The patient's current Consents, compiled.
    private func consents(of patientID: String, service: FHIRService) async throws -> [ConsentCandidate] {
        let conditions = try service.search.parser(baseURL: service.baseURL)
            .parseConditions(resourceType: "Consent", parameters: [QueryParameter(name: "patient", value: "Patient/\(patientID)")])
        let statement = service.search.compiler(baseURL: service.baseURL).match(resourceType: "Consent", conditions: conditions, filter: .unrestricted, limit: 1000)
        let ids = try await service.store.withTransaction { try await $0.ids(statement) }
        var candidates: [ConsentCandidate] = []
        for id in ids.sorted() {
            guard let json = try await service.store.read(resourceType: "Consent", id: id)?.json() else { continue }
            candidates.append(ConsentCandidate(reference: "Consent/\(id)", compilation: ConsentCompiler.compile(json)))
        }
        return candidates
    }

    /// What the resource-level criteria are matched against, from the resource's index values.
    private func resourceFacts(_ reference: String, candidates: [ConsentCandidate], service: FHIRService) async throws -> ConsentResourceFacts {
        let parts = reference.split(separator: "/").map(String.init)
        guard parts.count == 2, let json = try await service.store.read(resourceType: parts[0], id: parts[1])?.json() else {
            throw FHIRError.notFound("\(reference) is not known")
        }
        let entries = service.indexEntries(of: json)
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
            guard segments.count == 2, let other = try await service.store.read(resourceType: segments[0], id: segments[1])?.json() else { continue }
            if service.indexEntries(of: other).references.compactMap(Self.target).contains(reference) { facts.referrers.insert(named) }
        }
        return facts
    }

    private static func target(_ row: ReferenceIndexRow) -> String? {
        guard let type = row.targetType, let id = row.targetID else { return nil }
        return "\(type)/\(id)"
    }
}
