import Foundation
import KilnTesting
import Testing

/// `kiln bench research` at a smoke scale: it runs to the end and prints its figures.
@Suite("kiln bench research")
struct ResearchBenchCommandTests {
    @Test("A smoke run de-identifies in process, compares the clinical and research reads and searches over HTTP, and prints the ratios")
    func smokeRun() async throws {
        let json = FileManager.default.temporaryDirectory.appendingPathComponent("research-bench-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: json) }
        let run = try await KilnProcess.run([
            "bench", "research", "--scale", "0.002", "--seconds", "0.5", "--warmup-seconds", "0", "--engine-seconds", "0.2",
            "--rounds", "2", "--concurrency", "1", "--loaders", "1", "--json", json,
        ])
        #expect(run.status == 0, "\(run.output)")
        for profile in ["safe-harbor", "expert-determination"] {
            for type in ["Patient", "Observation"] {
                #expect(run.output.contains("\(profile) | \(type) | "), "the in-process figures of \(profile) on a \(type): \(run.output)")
            }
        }
        #expect(run.output.contains("ratio = research / clinical"), "\(run.output)")
        let rows = run.output.split(separator: "\n").filter { $0.hasPrefix("GET /fhir/") && $0.contains(" | GET /research/fhir/") }
        #expect(rows.count == 2, "one row for the read and one for the search page: \(run.output)")
        #expect(rows.allSatisfy { $0.filter { $0 == "×" }.count == 2 }, "both ratios of each row: \(run.output)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        #expect((report?["comparisons"] as? [Any])?.count == 2, "the JSON report holds both comparisons")
    }
}
