import FHIRTerminology
import FHIRAccess
import FHIRConsent
import FHIRDefinitions
import FHIRModel
import FHIRStore
import FHIRValidation
import Logging

extension FHIRService {
    /// `request` with its body validated when it is a create or an update (conditional or not),
    /// ready for ``perform(_:in:)``; other requests are returned as they are. Runs before the
    /// transaction opens. Throws 422 for a resource its type's mode rejects or an unusable
    /// StructureDefinition, and the 400 or 404 the write itself would give for a malformed body
    /// or an unknown type.
    func validateBeforeTransaction(_ request: FHIRRequest) throws(FHIRError) -> FHIRRequest {
        guard request.validationIssues == nil, let type = Self.typeWrittenFromBody(request) else { return request }
        try checkResourceType(type)
        let resource = try ResourceInput.resource(request.body, expectedType: type)
        var validated = request
        validated.validationIssues = try validateWrite(.object(resource), type: type)
        return validated
    }

    /// The resource type a create or update writes from its body; nil for other requests
    /// (a patch is validated once the patch is applied, inside the transaction).
    static func typeWrittenFromBody(_ request: FHIRRequest) -> String? {
        switch (request.route, request.method) {
        case (.type(let type), .post), (.type(let type), .put), (.instance(let type, _), .put): type
        default: nil
        }
    }

    /// The validation issues of the resource `request` writes: found before the transaction,
    /// or now when the request was not validated yet.
    func validationIssues(of request: FHIRRequest, resource: JSONObject, type: String) throws(FHIRError) -> [OperationOutcomeIssue] {
        if let issues = request.validationIssues { return issues }
        return try validateWrite(.object(resource), type: type)
    }

    /// Validates a resource about to be stored as `type` in the type's ``ValidationMode`` and
    /// returns the issues to report. A StructureDefinition must give a snapshot in every mode.
    ///
    /// A Consent must also keep ``FHIRConsent/ConsentRules`` in every mode, so that each stored
    /// Consent is enforced as it reads.
    ///
    /// - Throws: 422 with every issue when the mode is `reject` and there are errors, and for a
    ///   Consent that breaks a Consent rule.
    func validateWrite(_ resource: JSONValue, type: String) throws(FHIRError) -> [OperationOutcomeIssue] {
        _ = try validation.checkStructureDefinition(resource)
        if type == "Consent" {
            let violations = ConsentRules.violations(of: resource)
            if !violations.isEmpty {
                throw FHIRError(status: 422, issues: violations.map {
                    OperationOutcomeIssue(severity: .error, code: .invariant, diagnostics: "\($0.rule): \($0.message)", expression: [$0.expression])
                })
            }
        }
        let mode = validationPolicy.mode(for: type)
        guard mode != .off else { return [] }
        let outcome = validation.validator.validate(resource)
        if mode == .reject && outcome.hasErrors {
            throw FHIRError(status: 422, issues: outcome.issues)
        }
        if !outcome.issues.isEmpty {
            logger.info("Validation issues in a \(type) being stored", metadata: [
                "mode": "\(mode.rawValue)",
                "errors": "\(outcome.errors.count)",
                "warnings": "\(outcome.warnings.count)",
                "issues": "\(outcome.issues.map { "\($0.expression.first ?? type): \($0.diagnostics)" }.joined(separator: " | "))",
            ])
        }
        return outcome.issues
    }

    /// Registers what committed writes stored that validation and terminology use:
    /// StructureDefinitions in the live registry (so later writes and `$validate` can use them as
    /// profiles), CodeSystems, ValueSets and ConceptMaps in the terminology service. One that
    /// cannot be registered is logged; the write stands.
    func registerWrittenDefinitions(_ responses: [FHIRResponse]) async {
        for response in responses where response.status < 300 {
            guard let location = response.location, let version = conformanceVersion(at: location) else { continue }
            do {
                var resource = try response.bodyJSON()
                if resource?["resourceType"]?.stringValue != version.type {
                    resource = try await store.read(resourceType: version.type, id: version.id, versionID: version.versionID)?.json()
                }
                guard let resource else { continue }
                if version.type == "StructureDefinition" {
                    try validation.registry.register(json: resource)
                } else {
                    try validation.terminology.register(resource)
                }
            } catch {
                logger.warning("A stored \(version.type) could not be registered", metadata: ["id": "\(version.id)", "error": "\(error)"])
            }
        }
    }

    /// The type, id and version of a conformance resource's version URL under this server's base.
    private func conformanceVersion(at location: String) -> (type: String, id: String, versionID: Int64)? {
        for type in ["StructureDefinition"] + ValidationServices.terminologyResourceTypes {
            let prefix = "\(baseURL)/\(type)/"
            guard location.hasPrefix(prefix) else { continue }
            let parts = location.dropFirst(prefix.count).split(separator: "/")
            guard parts.count == 3, parts[1] == "_history", let versionID = Int64(parts[2]) else { return nil }
            return (type, String(parts[0]), versionID)
        }
        return nil
    }
}
