import ArgumentParser
import FHIRStore
import Foundation
import KilnServer
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

    /// Runs `body` with the ``ResearchProjectStore`` over the migrated database of `database`.
    static func withProjects<Result: Sendable>(
        _ database: DatabaseOptions,
        _ body: @Sendable (ResearchProjectStore) async throws -> Result
    ) async throws -> Result {
        try await withStores(database, label: "kiln.project") { auth, _ in
            try await body(ResearchProjectStore(client: auth.client, logger: Logger(label: "kiln.project")))
        }
    }

    /// Runs `body`, a registration; a project it names that does not exist fails the command
    /// with the store's message.
    static func registering(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ResearchProjectError {
            throw CommandFailure(error.description)
        }
    }

    /// The patient id of `Patient/123` or `123`.
    static func patientID(_ reference: String) throws -> String {
        do {
            return try RegistrationRules(spelling: .commandLine).patientID(reference)
        } catch {
            throw ValidationError(error.message)
        }
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
