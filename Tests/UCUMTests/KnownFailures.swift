import Foundation

/// The conformance cases documented as failing in docs/ucum-conformance.md, as `group id`.
///
/// Rows of the known-failures table look like `| conversion | 3-130 | reason |`.
func knownFailures() -> Set<String> {
    let url = repositoryRoot.appendingPathComponent("docs/ucum-conformance.md")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    var failures: Set<String> = []
    var inTable = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("## ") { inTable = line.contains("Known failures") }
        guard inTable, line.hasPrefix("|") else { continue }
        let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        guard cells.count >= 2, cells[0] != "Group", !cells[0].hasPrefix("-") else { continue }
        failures.insert("\(cells[0]) \(cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`")))")
    }
    return failures
}
