import Foundation
import KilnFixtures
import Testing

/// The repository is all a clone needs: no source, test, benchmark or script names a path beside
/// the checkout, and every fixture folder says where its data comes from. `scripts/test.sh` also
/// runs the suite with nothing beside the checkout (`scripts/run-isolated.sh`), which catches
/// reads that no literal shows.
@Suite("The repository is self-contained")
struct SelfContainedTests {
    /// The folders whose code and scripts are checked.
    static let checkedFolders = ["Sources", "Tests", "Benchmarks", "scripts", ".ci"]
    /// The kinds of file checked.
    static let checkedExtensions: Set<String> = ["swift", "sh", "py", ""]
    /// Paths that point beside or above a checkout. Built from parts so that this file does not
    /// match itself.
    static let outsidePaths = ["..", "/shared"].joined() + "|" + ["/work", "/"].joined() + "|" + ["shared", "/fhir-data"].joined()
    /// The one place allowed to name the data beside a CI checkout: `.ci/run`, which hands it to
    /// the tests through `KILN_FHIR_DATA`.
    static let allowed: Set<String> = [".ci/run"]

    @Test("No source, test, benchmark or script names a path outside the repository")
    func noPathOutsideTheRepository() throws {
        let patterns = Self.outsidePaths.split(separator: "|").map(String.init)
        var offending: [String] = []
        for relativePath in try Self.checkedFiles() where !Self.allowed.contains(relativePath) {
            let url = Fixtures.repositoryURL(relativePath)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where patterns.contains(where: { line.contains($0) }) {
                offending.append("\(relativePath):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(offending.isEmpty, "read from the repository (Tests/Fixtures) or from KILN_FHIR_DATA instead:\n\(offending.joined(separator: "\n"))")
    }

    @Test("Every fixture folder has a README naming its source and licence")
    func everyFixtureFolderHasAReadme() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Fixtures.directory.path)
            .filter { name in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: Fixtures.url(name).path, isDirectory: &isDirectory) && isDirectory.boolValue
            }
        #expect(folders.count >= 6)
        let index = try String(contentsOf: Fixtures.url("README.md"), encoding: .utf8)
        for folder in folders {
            let readme = try String(contentsOf: Fixtures.url("\(folder)/README.md"), encoding: .utf8)
            #expect(readme.contains("Source"), "\(folder)/README.md names no source")
            #expect(readme.contains("Licence") || readme.contains("licence"), "\(folder)/README.md names no licence")
            #expect(index.contains("`\(folder)/`"), "Tests/Fixtures/README.md does not list \(folder)/")
        }
    }

    /// Every checked file, by its path from the repository root; `Tests/Fixtures` (data) is left out.
    static func checkedFiles() throws -> [String] {
        var files: [String] = []
        for folder in checkedFolders {
            let root = Fixtures.repositoryURL(folder)
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            for case let url as URL in walker {
                let relative = folder + url.path.dropFirst(root.path.count)
                if relative.hasPrefix("Tests/Fixtures/") { walker.skipDescendants(); continue }
                guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true,
                      checkedExtensions.contains(url.pathExtension) else { continue }
                files.append(relative)
            }
        }
        #expect(files.count > 100, "the walk found too few files to mean anything")
        return files.sorted()
    }
}
