import ArgumentParser
import FHIRStore
import Foundation
import Logging
import SMARTAuth

/// What the `client`, `user` and `launch` commands share: reaching the auth tables, and reading
/// and checking what an operator typed.
enum AuthCommandSupport {
    /// Runs `body` with an ``AuthStore`` (and the resource store) over the migrated database of
    /// `database`, beside a running server or not.
    static func withStores<Result: Sendable>(
        _ database: DatabaseOptions,
        label: String,
        _ body: @Sendable (AuthStore, ResourceStore) async throws -> Result
    ) async throws -> Result {
        let logger = Logger(label: label)
        return try await database.withDatabase(logger: logger) { client, _ in
            try await Migrator().migrate(client: client, logger: logger)
            return try await body(AuthStore(client: client, logger: logger), ResourceStore(client: client, logger: logger))
        }
    }

    /// The role named `text`, or a validation error listing the roles.
    static func role(_ text: String) throws -> Role {
        guard let role = Role(rawValue: text) else {
            throw ValidationError("'\(text)' is not a role; use one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return role
    }

    /// The most characters of a client id or user name: 255.
    static let maximumNameLength = 255

    /// Checks a client id or user name: 1 to 255 visible ASCII characters, no spaces.
    static func checkName(_ name: String, of what: String) throws {
        guard !name.isEmpty, name.count <= maximumNameLength,
              name.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
        else {
            throw ValidationError("The \(what) '\(name)' must be 1 to \(maximumNameLength) visible ASCII characters without spaces")
        }
    }

    /// Whether `id` is a FHIR resource id: 1–64 of `A-Z a-z 0-9 - .`.
    static func isResourceID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && id.unicodeScalars.allSatisfy {
            ($0 >= "A" && $0 <= "Z") || ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "."
        }
    }

    /// The patient id of `Patient/123` or `123`.
    static func patientID(_ reference: String) throws -> String {
        let id = reference.hasPrefix("Patient/") ? String(reference.dropFirst("Patient/".count)) : reference
        guard isResourceID(id) else {
            throw ValidationError("'\(reference)' is not a patient reference; write Patient/ID or ID, where ID is 1 to 64 of A-Z a-z 0-9 - .")
        }
        return id
    }

    /// The text of a file holding a password or secret, without the line break an editor or
    /// `echo` leaves at its end.
    static func readSecretFile(_ path: String, of what: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("Cannot read the \(what) file \(path)")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw CommandFailure("The \(what) file \(path) is not UTF-8 text")
        }
        if text.hasSuffix("\r\n") {
            text.removeLast(2)
        } else if text.hasSuffix("\n") {
            text.removeLast()
        }
        return text
    }

    /// Encodes `value` as indented JSON with sorted keys, for `--json` listings.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
