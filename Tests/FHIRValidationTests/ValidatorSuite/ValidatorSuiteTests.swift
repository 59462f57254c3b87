import FHIRDefinitions
import FHIRModel
import FHIRValidation
import Foundation
import KilnFixtures
import Testing

/// The FHIR validator test suite (its in-scope cases, shipped in Tests/Fixtures/validator), run
/// in-process as a ratchet: every in-scope case must reach the reference validator's verdict
/// (valid or not) unless docs/validation-conformance.md lists it with a reason, and a listed
/// case that agrees now must leave the list.
@Suite struct ValidatorSuiteTests {
    static let suiteDirectory = Fixtures.url("validator")
    static let document = TestPaths.repositoryRoot.appendingPathComponent("docs/validation-conformance.md")

    /// One verdict: a case validated against the base definitions, or against its profile.
    struct Verdict {
        var key: String
        var module: String
        var expectedErrors: Int
        var errors: [String]
        var expectedMessages: [String]
        var setupProblem: String?

        var agrees: Bool { setupProblem == nil && (errors.isEmpty == (expectedErrors == 0)) }
        var countAgrees: Bool { setupProblem == nil && errors.count == expectedErrors }
    }

    @Test func suiteAgreesWithTheReferenceExceptKnownGaps() throws {
        let cases = try ValidatorSuiteIndex.inScopeCases(in: Self.suiteDirectory)
        #expect(cases.count > 200, "expected the in-scope suite, read \(cases.count) cases")
        var verdicts: [Verdict] = []
        for suiteCase in cases {
            verdicts += run(suiteCase)
        }
        let report = ValidatorSuiteReport(verdicts: verdicts)
        print(report.summary)
        if let path = ProcessInfo.processInfo.environment["VALIDATION_CONFORMANCE_REPORT"] {
            try report.markdown.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let known = KnownGaps.load(Self.document)
        for verdict in verdicts where !verdict.agrees && known[verdict.key] == nil {
            Issue.record("\(verdict.key) [\(verdict.module)]: \(ValidatorSuiteReport.reason(verdict))")
        }
        let disagreeing = Set(verdicts.filter { !$0.agrees }.map(\.key))
        for key in known.keys.sorted() where !disagreeing.contains(key) {
            Issue.record("\(key) agrees with the reference now: remove it from docs/validation-conformance.md")
        }
    }

    /// The verdicts of one case: base, and profile when the case has one.
    private func run(_ suiteCase: ValidatorSuiteCase) -> [Verdict] {
        var verdicts: [Verdict] = []
        if let expected = suiteCase.expectedErrors {
            let setup = ValidatorSuiteSetup(suiteCase: suiteCase, directory: Self.suiteDirectory, forProfile: false)
            verdicts.append(verdict(key: suiteCase.name, suiteCase: suiteCase, setup: setup, profile: nil, expected: expected, source: suiteCase.expectedSource))
        }
        if let source = suiteCase.profileSource, let expected = suiteCase.profileExpectedErrors {
            let setup = ValidatorSuiteSetup(suiteCase: suiteCase, directory: Self.suiteDirectory, forProfile: true)
            verdicts.append(verdict(key: "\(suiteCase.name) (profile)", suiteCase: suiteCase, setup: setup, profile: source, expected: expected, source: suiteCase.profileExpectedSource))
        }
        return verdicts
    }

    private func verdict(key: String, suiteCase: ValidatorSuiteCase, setup: ValidatorSuiteSetup, profile: String?, expected: Int, source: String?) -> Verdict {
        var verdict = Verdict(key: key, module: suiteCase.module, expectedErrors: expected, errors: [], expectedMessages: Self.expectedMessages(source))
        let input: JSONValue
        do {
            let data = try Data(contentsOf: Self.suiteDirectory.appendingPathComponent(suiteCase.file))
            input = try JSONParser().parse(Array(data))
        } catch {
            verdict.errors = ["The input is not valid JSON: \(error)"]
            return verdict
        }
        switch setup.validator {
        case .failure(let problem):
            verdict.setupProblem = problem.message
            return verdict
        case .success(let validator):
            var profiles: [String] = []
            if let profile {
                guard let url = setup.profileURLs[profile] else {
                    verdict.setupProblem = "the profile \(profile) could not be read"
                    return verdict
                }
                profiles = [url]
            }
            let outcome = validator.validate(input, options: ValidationOptions(profiles: profiles))
            verdict.errors = outcome.errors.map { "\($0.expression.first ?? ""): \($0.diagnostics)" }
            return verdict
        }
    }

    /// The error messages of the reference outcome, for reasons.
    static func expectedMessages(_ source: String?) -> [String] {
        guard let source, let data = try? Data(contentsOf: suiteDirectory.appendingPathComponent(source)),
              let outcome = try? JSONParser().parse(Array(data)) else { return [] }
        return (outcome["issue"]?.arrayValue ?? []).compactMap { (issue: JSONValue) -> String? in
            guard let severity = issue["severity"]?.stringValue, severity == "error" || severity == "fatal" else { return nil }
            let text = issue["details"]?["text"]?.stringValue ?? issue["diagnostics"]?.stringValue ?? "?"
            let location = issue["expression"]?.arrayValue?.first?.stringValue ?? issue["location"]?.arrayValue?.first?.stringValue ?? ""
            return "\(location): \(text)"
        }
    }
}

/// The known gaps table of docs/validation-conformance.md: rows `| module | case | reason |`.
enum KnownGaps {
    static func load(_ url: URL) -> [String: String] {
        guard let text = try? String(contentsOf: url, encoding: .utf8),
              let start = text.range(of: "## Known gaps") else { return [:] }
        var gaps: [String: String] = [:]
        for line in text[start.upperBound...].split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4, cells[1] != "Module", !cells[1].hasPrefix("-") else { continue }
            gaps[cells[2].replacingOccurrences(of: "`", with: "")] = cells[3]
        }
        return gaps
    }
}
