import Foundation

/// Agreement with the reference validator, per module: verdicts (valid or not) and error counts.
struct ValidatorSuiteReport {
    let verdicts: [ValidatorSuiteTests.Verdict]

    var modules: [String] { Set(verdicts.map(\.module)).sorted() }

    var summary: String {
        let agreeing = verdicts.filter(\.agrees).count
        let counting = verdicts.filter(\.countAgrees).count
        var lines = ["Validator suite: verdict agreement \(agreeing) of \(verdicts.count), error-count agreement \(counting) of \(verdicts.count)"]
        for module in modules {
            let inModule = verdicts.filter { $0.module == module }
            lines.append("  \(module): verdicts \(inModule.filter(\.agrees).count)/\(inModule.count), error counts \(inModule.filter(\.countAgrees).count)/\(inModule.count)")
        }
        return lines.joined(separator: "\n")
    }

    /// The agreement table and the known-gaps table, ready for docs/validation-conformance.md.
    var markdown: String {
        var lines: [String] = []
        let agreeing = verdicts.filter(\.agrees).count
        let counting = verdicts.filter(\.countAgrees).count
        lines.append("**Verdict agreement: \(agreeing) of \(verdicts.count)** (\(Self.percent(agreeing, verdicts.count))); **error-count agreement: \(counting) of \(verdicts.count)** (\(Self.percent(counting, verdicts.count))).")
        lines.append("")
        lines.append("| Module | Verdicts | Verdicts agreeing | Error counts agreeing |")
        lines.append("|---|---|---|---|")
        for module in modules {
            let inModule = verdicts.filter { $0.module == module }
            let a = inModule.filter(\.agrees).count, c = inModule.filter(\.countAgrees).count
            lines.append("| \(module) | \(inModule.count) | \(a) (\(Self.percent(a, inModule.count))) | \(c) (\(Self.percent(c, inModule.count))) |")
        }
        lines.append("")
        lines.append("## Known gaps")
        lines.append("")
        lines.append("| Module | Case | Reason |")
        lines.append("|---|---|---|")
        for verdict in verdicts.filter({ !$0.agrees }).sorted(by: { ($0.module, $0.key) < ($1.module, $1.key) }) {
            lines.append("| \(verdict.module) | `\(verdict.key)` | \(Self.reason(verdict).replacingOccurrences(of: "|", with: "\\|")) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func reason(_ verdict: ValidatorSuiteTests.Verdict) -> String {
        if let problem = verdict.setupProblem { return "Not run: \(problem)" }
        if verdict.errors.isEmpty {
            let first = verdict.expectedMessages.first.map { ": \(clip($0))" } ?? ""
            let all = verdict.expectedMessages.joined(separator: " ")
            if !verdict.expectedMessages.isEmpty && verdict.expectedMessages.allSatisfy({ $0.contains("could not be found so is not allowed here") || $0.contains("Wrong Display Name") }) {
                return "Policy: Kiln reports unknown extensions and wrong displays as warnings, never errors; the reference reports \(verdict.expectedErrors)\(first)"
            }
            if all.contains("snomed") || all.contains("ECL") {
                return "Needs SNOMED CT, which Kiln does not ship; the reference reports \(verdict.expectedErrors)\(first)"
            }
            return "Kiln finds no error; the reference reports \(verdict.expectedErrors)\(first)"
        }
        return "Kiln reports an error the reference does not: \(clip(verdict.errors[0]))"
    }

    static func clip(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count > 160 ? String(flat.prefix(160)) + "…" : flat
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        guard whole > 0 else { return "–" }
        return String(format: "%.1f%%", Double(part) * 100 / Double(whole))
    }
}
