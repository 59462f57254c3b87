import FHIRModel
import Foundation

/// Reads and writes the JSON files of definitions.
enum DefinitionsFile {
    /// The JSON value in the file at `url`.
    static func read(_ url: URL) throws(DefinitionsError) -> JSONValue {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DefinitionsError(.io, "Cannot read \(url.path)")
        }
        do {
            return try JSONParser().parse([UInt8](data))
        } catch {
            throw DefinitionsError(.malformed, "\(url.path) is not valid JSON: \(error)")
        }
    }

    /// Writes `bytes` to the file at `url`, replacing it.
    static func write(_ bytes: [UInt8], to url: URL) throws(DefinitionsError) {
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw DefinitionsError(.io, "Cannot write \(url.path): \(error.localizedDescription)")
        }
    }
}
