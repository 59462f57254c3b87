import FHIRAccess
import FHIRModel
import FHIRSearch
import FHIRStore
import Foundation

/// `GET Patient/[id]/$everything` (and `POST` with a Parameters body): every resource in the
/// patient's compartment that the caller may see, in the order they were first stored, as a
/// paged searchset.
///
/// It is a system-level search of the compartment's types, so everything a search obeys holds:
/// the caller's scopes, compartments and granular restrictions, and the patient's Consents,
/// all inside the one statement that picks the page; `next` links continue it with a cursor.
/// A Patient the caller may not see is 404 and a deleted one 410, as on a read (so a token
/// without read access to Patient gets 404). `_since`, `_type` and `_count` are understood;
/// `start` and `end` are not yet.
public struct EverythingOperation: FHIROperation {
    /// The operation.
    public init() {}

    /// `everything`.
    public var name: String { "everything" }

    /// Runs the compartment search.
    public func invoke(_ invocation: OperationInvocation, service: FHIRService) async throws -> FHIRResponse {
        guard invocation.resourceType == "Patient", let patientID = invocation.resourceID else {
            throw FHIRError(status: 400, code: .notSupported, "$everything is invoked on one patient: GET Patient/[id]/$everything")
        }
        let filter = try service.authorize(.searchSystem, request: invocation.request)
        try ResourceInput.checkID(patientID)
        guard let patient = try await service.readVisible(type: "Patient", id: patientID, filter: filter, in: nil) else {
            throw FHIRError.notFound("Patient/\(patientID) is not known")
        }
        if patient.isDeleted {
            throw FHIRError(status: 410, code: .deleted, "Patient/\(patientID) was deleted (version \(patient.versionID))")
        }
        let parameters = invocation.parameters.parameters.compactMap { parameter -> QueryParameter? in
            guard let value = parameter.value else { return nil }
            switch value {
            case .string(let text): return QueryParameter(name: parameter.name, value: text)
            case .number(let number): return QueryParameter(name: parameter.name, value: number.description)
            default: return nil
            }
        }
        let query = try service.search.parser(baseURL: service.baseURL, pageSizes: service.limits)
            .parseEverything(patientID: patientID, parameters: parameters)
        return try await service.searchset(query, filter: filter, path: "\(service.baseURL)/Patient/\(patientID)/$everything", in: nil)
    }
}
