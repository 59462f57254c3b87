import FHIRModel
import SMARTAuth

/// What every response served under break-glass (purpose of use ETREAT) carries: a warning
/// that the patients' Consents were overridden. A `Warning` header on every response, and in
/// a searchset an OperationOutcome entry (search mode `outcome`) with the same warning.
enum BreakGlassNotice {
    /// The warning's text.
    static let message = "Consent overridden: this request was served under purpose of use ETREAT (break-glass); patients' Consent denials were not applied and the access is recorded"

    /// Whether `request` is served under break-glass.
    static func applies(to request: FHIRRequest) -> Bool {
        guard let controller = request.accessController as? SMARTAccessController else { return false }
        return controller.caller.overridesConsent
    }

    /// `response` with the notice.
    static func marking(_ response: FHIRResponse) -> FHIRResponse {
        var marked = response
        marked.headers["Warning"] = "299 kiln \"\(message)\""
        guard case .json(let body) = response.body, body["resourceType"]?.stringValue == "Bundle", body["type"]?.stringValue == "searchset",
              var bundle = body.objectValue else { return marked }
        var entries = bundle["entry"]?.arrayValue ?? []
        entries.append([
            "resource": OperationOutcome.json([OperationOutcomeIssue(severity: .warning, code: .informational, diagnostics: message)]),
            "search": ["mode": "outcome"],
        ])
        bundle["entry"] = .array(entries)
        marked.body = .json(.object(bundle))
        return marked
    }
}
