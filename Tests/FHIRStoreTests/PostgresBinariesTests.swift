import Foundation
import Testing
@testable import FHIRStore

@Suite("PostgresBinaries")
struct PostgresBinariesTests {
    @Test("Debian's version folders are tried highest first, ignoring other names")
    func versionsHighestFirst() throws {
        let folder = NSTemporaryDirectory() + "kiln-pgversions-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["9.6", "15", "16", "common", "10"] {
            try ClusterFiles.createDirectories(folder + "/" + name, mode: 0o755)
        }
        #expect(PostgresBinaries.installedDebianVersions(in: folder) == ["16", "15", "10", "9.6"])
    }

    @Test("The programs of this machine are found")
    func locatesInstalledPrograms() async throws {
        let binaries = try await PostgresBinaries.locate()
        #expect(PostgresBinaries.isComplete(binaries.directory))
    }

    @Test("Missing programs are an error that names the install script")
    func missingProgramsNameInstallScript() {
        let error = EmbeddedPostgresError.binariesNotFound(searched: ["/usr/lib/postgresql/*/bin"])
        #expect(error.description.contains("scripts/install-dependencies.sh"))
    }
}
