import FHIRModel
import Foundation
import KilnTesting
import Testing

/// `kiln validate` as a user runs it: the OperationOutcome on standard output, exit 0 without
/// errors, 1 with errors, 2 for unreadable input.
@Suite("kiln validate")
struct ValidateCommandTests {
    func withFiles<T>(_ files: [String: [UInt8]], _ body: (String) async throws -> T) async throws -> T {
        let directory = NSTemporaryDirectory() + "kiln-validate-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (name, bytes) in files {
            let path = (directory as NSString).appendingPathComponent(name)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        return try await body(directory)
    }

    @Test("A valid resource prints All OK and exits 0; an invalid one prints its errors and exits 1")
    func exitStatusFollowsErrors() async throws {
        try await withFiles([
            "valid.json": Fixtures.patient().jsonBytes,
            "invalid.json": ValidationTests.invalidPatient.jsonBytes,
        ]) { directory in
            let valid = try await KilnProcess.run(["validate", "\(directory)/valid.json"])
            #expect(valid.status == 0)
            let outcome = try JSONParser().parse(valid.output)
            #expect(outcome["resourceType"] == "OperationOutcome")
            let invalid = try await KilnProcess.run(["validate", "\(directory)/invalid.json"])
            #expect(invalid.status == 1)
            #expect(invalid.output.contains("Patient.birthDate"))
        }
    }

    @Test("Unreadable input exits 2: a missing file, bad JSON")
    func unreadableInput() async throws {
        try await withFiles(["broken.json": Array("{\"resourceType\":".utf8)]) { directory in
            let missing = try await KilnProcess.run(["validate", "\(directory)/missing.json"])
            #expect(missing.status == 2)
            let broken = try await KilnProcess.run(["validate", "\(directory)/broken.json"])
            #expect(broken.status == 2)
            #expect(broken.output.isEmpty)
        }
    }

    @Test("--definitions adds profiles that --profile and meta.profile can name")
    func definitionsAndProfiles() async throws {
        var genderless = try #require(Fixtures.patient().objectValue)
        genderless["gender"] = nil
        try await withFiles([
            "profiles/gender.json": ValidationTests.genderProfile.jsonBytes,
            "patient.json": JSONValue.object(genderless).jsonBytes,
            "claiming.json": ValidationTests.profiledPatient(gender: "male").jsonBytes,
        ]) { directory in
            let url = ValidationTests.genderProfileURL
            let without = try await KilnProcess.run(["validate", "\(directory)/patient.json", "--profile", url])
            #expect(without.status == 1, "the profile is unknown without --definitions")
            let failing = try await KilnProcess.run(["validate", "\(directory)/patient.json", "--profile", url, "--definitions", "\(directory)/profiles"])
            #expect(failing.status == 1)
            #expect(failing.output.contains("gender"))
            let claiming = try await KilnProcess.run(["validate", "\(directory)/claiming.json", "--definitions", "\(directory)/profiles/gender.json"])
            #expect(claiming.status == 0, "\(claiming.output)")
        }
    }

    @Test("An NDJSON file is validated line by line")
    func ndjson() async throws {
        let lines = [ValidationTests.narratedPatient().jsonBytes, ValidationTests.invalidPatient.jsonBytes].map { String(decoding: $0, as: UTF8.self) }
        try await withFiles(["patients.ndjson": Array(lines.joined(separator: "\n").utf8)]) { directory in
            let result = try await KilnProcess.run(["validate", "\(directory)/patients.ndjson"])
            #expect(result.status == 1)
            #expect(result.output.contains("Line 2:"))
            #expect(!result.output.contains("Line 1:"))
        }
    }
}
