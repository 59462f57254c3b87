import ArgumentParser
import Foundation
import KilnServer

/// A client's JSON Web Key Set as an operator gives it in a file: the public keys it signs its
/// authentication assertions with.
enum JWKSFile {
    /// The JSON text of the file at `path`, after checking it as
    /// ``KilnServer/RegistrationRules/checkJWKS(_:source:)`` does.
    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("Cannot read the JWKS file \(path)")
        }
        do {
            return try RegistrationRules(spelling: .commandLine).checkJWKS(data, source: path)
        } catch {
            throw ValidationError(error.message)
        }
    }
}
