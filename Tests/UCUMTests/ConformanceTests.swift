import Foundation
import Testing
import UCUM

/// UCUM's functional tests (UcumFunctionalTests.xml), run in-process as a ratchet: every case
/// must pass unless docs/ucum-conformance.md lists it with a reason, and a listed case that
/// passes must be removed from the list.
@Suite("UCUM functional tests")
struct ConformanceTests {
    let ucum = UCUMSystem.shared

    @Test("Validation cases", arguments: ["validation"])
    func validation(group: String) throws {
        try run(group) { testCase in
            let expected = testCase["valid"] == "true"
            let error = ucum.validate(testCase["unit"])
            return ((error == nil) == expected, error.map { "\($0)" } ?? "valid")
        }
    }

    @Test("Conversion cases", arguments: ["conversion"])
    func conversion(group: String) throws {
        try run(group) { testCase in
            do {
                let result = try ucum.convert(decimal(testCase["value"]), from: testCase["srcUnit"], to: testCase["dstUnit"])
                return (matches(result, expected: testCase["outcome"]), "\(result)")
            } catch {
                return (false, "\(error)")
            }
        }
    }

    @Test("Display name cases", arguments: ["displayNameGeneration"])
    func displayNames(group: String) throws {
        try run(group) { testCase in
            do {
                let name = try ucum.displayName(testCase["unit"])
                return (name == testCase["display"], name)
            } catch {
                return (false, "\(error)")
            }
        }
    }

    @Test("Multiplication and division cases", arguments: ["multiplication", "division"])
    func arithmetic(group: String) throws {
        try run(group) { testCase in
            do {
                let lhs = (decimal(testCase["v1"]), testCase["u1"])
                let rhs = (decimal(testCase["v2"]), testCase["u2"])
                let (value, unit) = group == "multiplication" ? try ucum.multiply(lhs, rhs) : try ucum.divide(lhs, rhs)
                let expectedUnit = testCase["uRes"].isEmpty ? "1" : testCase["uRes"]
                let converted = try ucum.convert(value, from: unit, to: expectedUnit)
                return (matches(converted, expected: testCase["vRes"]), "\(value) \(unit)")
            } catch {
                return (false, "\(error)")
            }
        }
    }

    /// Runs every case of `group`, records an issue for each unexpected outcome, and prints the counts.
    private func run(_ group: String, _ check: (FunctionalTestCase) -> (passed: Bool, detail: String)) throws {
        let cases = try readFunctionalTests()
        let known = knownFailures()
        let groupCases = cases.filter { $0.group == group }
        #expect(!groupCases.isEmpty, "no \(group) cases in \(functionalTestsURL.lastPathComponent)")
        var passed = 0
        for testCase in groupCases {
            let outcome = check(testCase)
            let listed = known.contains("\(group) \(testCase.id)")
            if outcome.passed {
                passed += 1
                if listed { Issue.record("\(testCase) passes: remove it from docs/ucum-conformance.md") }
            } else if !listed {
                Issue.record("\(testCase) failed: \(outcome.detail)")
            }
        }
        print("UCUM conformance \(group): \(passed)/\(groupCases.count) passed")
    }
}
