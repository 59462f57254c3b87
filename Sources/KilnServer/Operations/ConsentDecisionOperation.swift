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
/// It asks ``ConsentExplainer``: the pure form of the decision the SQL makes, over the patient's
/// stored Consents and the resource's search index values.
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
        let decision = try await ConsentExplainer(store: service.store, search: service.search, baseURL: service.baseURL)
            .decide(patientID: patientID, request: request, resource: parameters.string("resource"),
                    permitsByDefault: defaults.permits(purpose: purpose, in: .clinical))
        var output: [JSONValue] = [["name": "decision", "valueCode": JSONValue.string(decision.permits ? "permit" : "deny")]]
        if let consent = decision.decidingConsent {
            output.append(["name": "consent", "valueReference": ["reference": JSONValue.string(consent)]])
        }
        output += decision.explanation.map { ["name": "explanation", "valueString": JSONValue.string($0)] as JSONValue }
        return FHIRResponse(status: 200, body: .json(["resourceType": "Parameters", "parameter": .array(output)]))
    }
}
