import FHIRDefinitions
import Foundation
import Testing

@Suite struct DefinitionsLocatorTests {
    /// A directory with `fhir-profiles/r4/manifest.json` below `root`, returning the compiled folder.
    private func installDefinitions(under root: URL) throws -> URL {
        let compiled = root.appendingPathComponent("fhir-profiles/r4")
        try FileManager.default.createDirectory(at: compiled, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: compiled.appendingPathComponent("manifest.json"))
        return compiled
    }

    private func locator(explicit: String? = nil, environment: [String: String] = [:], executable: String? = nil, current: String = "/", system: [String] = []) -> DefinitionsLocator {
        DefinitionsLocator(explicitDirectory: explicit, environment: environment, executablePath: executable, currentDirectory: current, systemDirectories: system)
    }

    @Test func explicitDirectoryIsUsedFirst() throws {
        let root = try makeTemporaryDirectory()
        let compiled = try installDefinitions(under: root)
        let other = try installDefinitions(under: try makeTemporaryDirectory())
        #expect(try locator(explicit: compiled.path, current: other.path).locate().path == compiled.path)
        #expect(try locator(explicit: root.path).locate().path == compiled.path)
        #expect(try locator(explicit: root.appendingPathComponent("fhir-profiles").path).locate().path == compiled.path)
    }

    @Test func relativeExplicitDirectoryIsTakenFromTheCurrentDirectory() throws {
        let root = try makeTemporaryDirectory()
        let compiled = try installDefinitions(under: root)
        #expect(try locator(explicit: "fhir-profiles/r4", current: root.path).locate().path == compiled.path)
    }

    @Test func explicitDirectoryWithoutDefinitionsIsAnErrorNamingIt() throws {
        let empty = try makeTemporaryDirectory()
        let elsewhere = try makeTemporaryDirectory()
        _ = try installDefinitions(under: elsewhere)
        #expect {
            try locator(explicit: empty.path, current: elsewhere.path).locate()
        } throws: { error in
            let error = error as? DefinitionsError
            return error?.kind == .notFound && error?.message.contains(empty.path) == true
        }
    }

    @Test func environmentVariableIsUsedWithoutAnExplicitDirectory() throws {
        let compiled = try installDefinitions(under: try makeTemporaryDirectory())
        let environment = [DefinitionsLocator.environmentVariable: compiled.path]
        #expect(try locator(environment: environment).locate().path == compiled.path)
        #expect(throws: DefinitionsError.self) {
            try locator(environment: [DefinitionsLocator.environmentVariable: "/nonexistent/kiln"]).locate()
        }
    }

    @Test func searchWalksUpFromTheExecutable() throws {
        let root = try makeTemporaryDirectory()
        let compiled = try installDefinitions(under: root)
        let executable = root.appendingPathComponent(".build/x86_64-unknown-linux-gnu/debug/kiln").path
        #expect(try locator(executable: executable).locate().path == compiled.path)
    }

    @Test func searchWalksUpFromTheCurrentDirectory() throws {
        let root = try makeTemporaryDirectory()
        let compiled = try installDefinitions(under: root)
        let nested = root.appendingPathComponent("Sources/kiln")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        #expect(try locator(executable: "/nonexistent/bin/kiln", current: nested.path).locate().path == compiled.path)
    }

    @Test func installDirectoriesAreSearchedLast() throws {
        let install = try makeTemporaryDirectory()
        let compiled = install.appendingPathComponent("r4")
        try FileManager.default.createDirectory(at: compiled, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: compiled.appendingPathComponent("manifest.json"))
        let empty = try makeTemporaryDirectory()
        #expect(try locator(current: empty.path, system: [install.path]).locate().path == compiled.path)
    }

    @Test func notFoundErrorListsEveryPlaceLooked() throws {
        let empty = try makeTemporaryDirectory()
        #expect {
            try locator(executable: "/nonexistent/bin/kiln", current: empty.path, system: ["/nonexistent/share/kiln"]).locate()
        } throws: { error in
            guard let error = error as? DefinitionsError else { return false }
            return error.kind == .notFound
                && error.message.contains("/nonexistent/bin")
                && error.message.contains(empty.path)
                && error.message.contains("/nonexistent/share/kiln")
                && error.message.contains(DefinitionsLocator.environmentVariable)
        }
    }

    @Test func testProcessFindsTheRepositoryDefinitions() throws {
        let found = try DefinitionsLocator(environment: [:]).locate()
        #expect(found.standardizedFileURL.path == repositoryRoot.appendingPathComponent("fhir-profiles/r4").standardizedFileURL.path)
    }
}
