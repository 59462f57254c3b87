import FHIRTerminology
import Foundation
import KilnFixtures
import Testing

/// `kiln terminology compile`: the shipped `terminology/` folder is what the compiler writes from
/// the R4 and US Core packages and the terminology sources (read from `KILN_FHIR_DATA`).
@Suite("Terminology compiler")
struct TerminologyCompilerTests {
    @Test(
        "The shipped terminology folder is what the compiler writes",
        .enabled(if: FHIRData.isSet, Comment(rawValue: FHIRData.howToRun))
    )
    func shippedFolderIsWhatTheCompilerWrites() throws {
        let source = try FHIRData.require("terminology")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-terminology-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let summary = try TerminologyCompiler.compile(source: source.deletingLastPathComponent(), output: output)
        #expect(summary.contains("98505 ICD-10-CM items"))
        let shipped = Fixtures.repositoryURL("terminology")
        let written = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        let committed = try FileManager.default.contentsOfDirectory(atPath: shipped.path).filter { $0 != "README.md" }.sorted()
        #expect(written == committed)
        for name in written {
            let fresh = try Data(contentsOf: output.appendingPathComponent(name))
            let current = try Data(contentsOf: shipped.appendingPathComponent(name))
            #expect(fresh == current, "terminology/\(name) differs; run `kiln terminology compile`")
        }
    }

    @Test("Compiling from a folder without the packages names the folder it looked in")
    func missingPackagesAreNamed() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect {
            try TerminologyCompiler.compile(source: empty, output: empty.appendingPathComponent("out"))
        } throws: { error in
            "\(error)".contains("r4-core/package")
        }
    }
}
