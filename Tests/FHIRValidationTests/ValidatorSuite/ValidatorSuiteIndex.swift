import Foundation

/// One case of the FHIR validator test suite as `r4-test-index.csv` lists it.
struct ValidatorSuiteCase {
    var name: String
    var file: String
    var module: String
    var supporting: [String]
    /// Supporting files the profile run adds.
    var profileSupporting: [String]
    var profileSource: String?
    var expectedErrors: Int?
    var profileExpectedErrors: Int?
    var expectedSource: String?
    var profileExpectedSource: String?
}

/// Reads the suite's index and selects the cases in scope: R4, JSON input, no external package,
/// and not in the modules Kiln does not implement (questionnaire, cdshooks, json5, dsig, shc,
/// measure, matchetype).
enum ValidatorSuiteIndex {
    static let excludedModules: Set<String> = ["questionnaire", "cdshooks", "json5", "dsig", "shc", "measure", "matchetype"]

    static func inScopeCases(in directory: URL) throws -> [ValidatorSuiteCase] {
        let text = try String(contentsOf: directory.appendingPathComponent("r4-test-index.csv"), encoding: .utf8)
        let rows = CSVReader.rows(text)
        guard let header = rows.first else { return [] }
        let manifest = try? JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("manifest.json"))) as? [String: Any]
        var manifestCases: [String: [String: Any]] = [:]
        for item in manifest?["test-cases"] as? [[String: Any]] ?? [] {
            if let name = item["name"] as? String { manifestCases[name] = item }
        }
        var cases: [ValidatorSuiteCase] = []
        for row in rows.dropFirst() where row.count == header.count {
            var fields: [String: String] = [:]
            for (key, value) in zip(header, row) { fields[key] = value }
            let module = fields["module"] ?? ""
            let file = fields["file"] ?? ""
            guard !excludedModules.contains(module), file.hasSuffix(".json"),
                  (fields["packages"] ?? "").isEmpty, fields["use_test"] == "True" else { continue }
            // The manifest lists supporting files the index leaves out (`profiles`, the profile's own).
            var supporting = (fields["supporting"] ?? "").split(separator: " ").map(String.init)
            let entry = manifestCases[fields["name"] ?? ""] ?? [:]
            let extra = (entry["supporting"] as? [String] ?? []) + (entry["profiles"] as? [String] ?? [])
            for file in extra where !supporting.contains(file) { supporting.append(file) }
            let profileSupporting = ((entry["profile"] as? [String: Any])?["supporting"] as? [String] ?? []).filter { !supporting.contains($0) }
            cases.append(ValidatorSuiteCase(
                name: fields["name"] ?? file,
                file: file,
                module: module.isEmpty ? "(none)" : module,
                supporting: supporting,
                profileSupporting: profileSupporting,
                profileSource: (fields["profile_source"]).flatMap { $0.isEmpty ? nil : $0 },
                expectedErrors: fields["expected_errors"].flatMap { Int($0) },
                profileExpectedErrors: fields["profile_expected_errors"].flatMap { Int($0) },
                expectedSource: (fields["expected_source"]).flatMap { $0.isEmpty ? nil : $0 },
                profileExpectedSource: (fields["profile_expected_source"]).flatMap { $0.isEmpty ? nil : $0 }
            ))
        }
        return cases
    }
}

/// A reader for the CSV the index uses: commas, double-quoted fields with doubled quotes.
enum CSVReader {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") }
                        else {
                            quoted = false
                            if next == "," { row.append(field); field = "" }
                            else if next == "\n" || next == "\r\n" { row.append(field); field = ""; rows.append(row); row = [] }
                            else { field.append(next) }
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" {
                row.append(field)
                field = ""
                rows.append(row)
                row = []
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
