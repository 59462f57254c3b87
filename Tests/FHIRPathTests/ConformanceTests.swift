import FHIRDefinitions
import FHIRModel
import FHIRPath
import Foundation
import KilnFixtures
import Testing

/// The official FHIRPath R4 suite, run in-process as a ratchet: every test must pass unless
/// docs/fhirpath-conformance.md lists it with a reason.
@Suite struct ConformanceTests {
    /// The suite and its inputs, shipped in Tests/Fixtures/fhirpath.
    static let suiteDirectory = Fixtures.url("fhirpath")

    @Test func officialSuitePassesExceptKnownFailures() throws {
        let suiteFile = Self.suiteDirectory.appendingPathComponent("tests-fhir-r4.xml")
        let cases = try ConformanceSuiteReader.read(suiteFile)
        let model = try DefinitionsCatalog.loadDefault().typeModel
        let known = try KnownFailures.load(Fixtures.repositoryURL("docs/fhirpath-conformance.md"))
        var inputs: [String: JSONValue] = [:]
        var failures: [(key: String, reason: String)] = []
        let started = Date()
        for test in cases {
            if let reason = run(test, model: model, inputs: &inputs) { failures.append((test.key, reason)) }
        }
        let elapsed = Date().timeIntervalSince(started)
        let passed = cases.count - failures.count
        print("FHIRPath conformance: \(passed) of \(cases.count) passed in \(String(format: "%.2f", elapsed)) s")
        if let reportPath = ProcessInfo.processInfo.environment["FHIRPATH_CONFORMANCE_REPORT"] {
            let lines = failures.map { "\($0.key)\t\($0.reason.replacingOccurrences(of: "\n", with: " "))" }
            try (["\(passed)\t\(cases.count)"] + lines).joined(separator: "\n").write(toFile: reportPath, atomically: true, encoding: .utf8)
        }
        #expect(cases.count > 900, "expected the whole suite, read \(cases.count) tests")
        for failure in failures where !known.contains(failure.key) {
            Issue.record("\(failure.key): \(failure.reason)")
        }
        // The list stays true in both directions: a listed test that passes now must leave it.
        let failing = Set(failures.map(\.key))
        for key in known where !failing.contains(key) {
            Issue.record("\(key) passes now: remove it from docs/fhirpath-conformance.md")
        }
    }

    /// Nil when the test passes, otherwise why not.
    private func run(_ test: ConformanceCase, model: TypeModel, inputs: inout [String: JSONValue]) -> String? {
        var resource: JSONValue = ["resourceType": "Parameters"]
        if let file = test.inputFile {
            let name = file.replacingOccurrences(of: ".xml", with: ".json")
            if let cached = inputs[name] {
                resource = cached
            } else {
                let url = Self.suiteDirectory.appendingPathComponent("input-json").appendingPathComponent(name)
                guard let data = try? Data(contentsOf: url), let parsed = try? JSONParser().parse(Array(data)) else { return "input \(name) missing" }
                inputs[name] = parsed
                resource = parsed
            }
        }
        let options = FHIRPathOptions(typeModel: model, strict: test.mode == "strict")
        let result: [FHIRPathValue]
        do {
            let expression = try FHIRPathExpression(test.expression, options: options)
            var environment = FHIRPathEnvironment()
            environment.timeZoneOffsetSeconds = 0
            result = try expression.evaluate(resource, environment: environment)
        } catch {
            return test.invalid != nil ? nil : "error: \(error)"
        }
        let actual = test.predicate ? [FHIRPathValue.boolean(!result.isEmpty)] : result
        let matches = Self.matches(actual, test.outputs)
        if test.invalid != nil {
            return matches && !test.outputs.isEmpty && test.mode != "strict" ? nil : "expected a \(test.invalid ?? "") error, got \(Self.describe(actual))"
        }
        return matches ? nil : "expected \(test.outputs.map { "\($0.type ?? "?"):\($0.text)" }), got \(Self.describe(actual))"
    }

    static func describe(_ values: [FHIRPathValue]) -> String {
        "[" + values.map { "\($0.typeName):\(render($0))" }.joined(separator: ", ") + "]"
    }

    static func matches(_ actual: [FHIRPathValue], _ expected: [(type: String?, text: String)]) -> Bool {
        guard actual.count == expected.count else { return false }
        for (value, output) in zip(actual, expected) {
            if let type = output.type, type != value.typeName { return false }
            let text = render(value)
            if text == output.text { continue }
            let expectedNumber = Decimal(string: output.text, locale: Locale(identifier: "en_US_POSIX"))
            let actualNumber = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
            if let expectedNumber, let actualNumber, expectedNumber == actualNumber, Double(output.text) != nil, Double(text) != nil { continue }
            if case .quantity(let quantity) = value.systemValue, output.text.hasPrefix("\(quantity.value) ") || quantityText(output.text, equals: quantity) { continue }
            return false
        }
        return true
    }

    static func quantityText(_ text: String, equals quantity: FHIRPathQuantity) -> Bool {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2, let value = Decimal(string: parts[0], locale: Locale(identifier: "en_US_POSIX")) else { return false }
        return value == quantity.value && parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "'")) == quantity.unit
    }

    static func render(_ value: FHIRPathValue) -> String {
        switch value.systemValue {
        case .boolean(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .decimal(let number): return number.description
        case .string(let text): return text
        case .date(let date): return "@" + date.text
        case .dateTime(let date): return "@" + date.text + (date.precision <= .day ? "T" : "")
        case .time(let time): return "@T" + time.text
        case .quantity(let quantity): return "\(quantity.value) '\(quantity.unit)'"
        case .element: return value.jsonValue.jsonString
        }
    }
}

/// The known failures table of docs/fhirpath-conformance.md: rows `| group | name | reason |`.
enum KnownFailures {
    static func load(_ url: URL) throws -> Set<String> {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var keys: Set<String> = []
        for line in text.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, cells[0] != "Group", !cells[0].hasPrefix("-") else { continue }
            keys.insert("\(cells[0])/\(cells[1].replacingOccurrences(of: "`", with: ""))")
        }
        return keys
    }
}
