import FHIRModel
import Testing

@Suite struct FHIRErrorTests {
    @Test(arguments: [
        (FHIRError.badRequest("x"), 400, IssueType.invalid),
        (.unauthorized("x"), 401, .login),
        (.forbidden("x"), 403, .forbidden),
        (.notFound("x"), 404, .notFound),
        (.methodNotAllowed("x", allow: ["GET"]), 405, .notSupported),
        (.notAcceptable("x"), 406, .notSupported),
        (.conflict("x"), 409, .conflict),
        (.gone("x"), 410, .deleted),
        (.preconditionFailed("x"), 412, .conflict),
        (.payloadTooLarge("x"), 413, .tooLong),
        (.unsupportedMediaType("x"), 415, .notSupported),
        (.unprocessable("x"), 422, .invalid),
        (.internalError("x"), 500, .exception),
        (.unavailable("x"), 503, .transient),
    ] as [(FHIRError, Int, IssueType)])
    func factoryStatusAndCode(error: FHIRError, status: Int, code: IssueType) {
        #expect(error.status == status)
        #expect(error.issues.count == 1)
        #expect(error.issues.first?.code == code)
        #expect(error.issues.first?.severity == .error)
        #expect(error.issues.first?.diagnostics == "x")
    }

    @Test func factoriesTakeACustomCodeAndExpression() {
        let error = FHIRError.badRequest("bad id", code: .value, expression: ["Patient.id"])
        #expect(error.issues.first?.code == .value)
        #expect(error.issues.first?.expression == ["Patient.id"])
        #expect(FHIRError.unprocessable("x", code: .required, expression: ["a", "b"]).issues.first?.expression == ["a", "b"])
        #expect(FHIRError.conflict("x", code: .duplicate).issues.first?.code == .duplicate)
        #expect(FHIRError.preconditionFailed("x", code: .multipleMatches).issues.first?.code == .multipleMatches)
    }

    @Test func methodNotAllowedListsAllowedMethods() {
        let error = FHIRError.methodNotAllowed("no", allow: ["GET", "PUT", "DELETE"])
        #expect(error.headers == ["Allow": "GET, PUT, DELETE"])
        #expect(FHIRError.notFound("x").headers.isEmpty)
    }

    @Test func descriptionJoinsDiagnostics() {
        let error = FHIRError(status: 422, issues: [
            OperationOutcomeIssue(severity: .error, code: .required, diagnostics: "first"),
            OperationOutcomeIssue(severity: .warning, code: .value, diagnostics: "second"),
        ])
        #expect(error.description == "HTTP 422: first; second")
    }

    @Test func operationOutcomeCarriesTheIssues() {
        let error = FHIRError.notFound("Patient/1 is not known")
        #expect(error.operationOutcome.jsonString == #"{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found","diagnostics":"Patient/1 is not known"}]}"#)
    }
}
