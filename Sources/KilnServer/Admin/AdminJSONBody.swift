import Foundation
import Hummingbird
import NIOCore

/// A request's JSON object, read strictly: `Content-Type: application/json`, at most
/// ``maximumSize`` bytes, only the members the endpoint knows, each of the type it expects.
/// A misspelt member is refused rather than ignored, so a request never does less than meant.
struct AdminJSONBody {
    /// The largest body accepted: 64 KiB.
    static let maximumSize = 64 * 1024

    private let members: [String: Any]

    /// The body of `request`, whose member names must all be in `allowed`.
    static func read(_ request: Request, allowed: Set<String>) async throws(AdminError) -> AdminJSONBody {
        guard let contentType = request.headers[.contentType], contentType.lowercased().hasPrefix("application/json") else {
            throw .invalidRequest("Send the body as application/json")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumSize)
        } catch {
            throw .invalidRequest("The body is larger than \(maximumSize) bytes")
        }
        return try AdminJSONBody(Data(buffer.readableBytesView), allowed: allowed)
    }

    /// The object of `data`, whose member names must all be in `allowed`.
    init(_ data: Data, allowed: Set<String>) throws(AdminError) {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw .invalidRequest("The body is not a JSON object")
        }
        let unknown = Set(object.keys).subtracting(allowed)
        guard unknown.isEmpty else {
            throw .invalidRequest("Unknown members: \(unknown.sorted().joined(separator: ", ")); the members are \(allowed.sorted().joined(separator: ", "))")
        }
        members = object.filter { !($0.value is NSNull) }
    }

    /// The string member `name`; nil when absent or null.
    func string(_ name: String) throws(AdminError) -> String? {
        guard let value = members[name] else { return nil }
        guard let text = value as? String, !Self.isNumberOrBoolean(value) else { throw .invalidRequest("\(name) must be a string") }
        return text
    }

    /// The string member `name`, which must be present.
    func requiredString(_ name: String) throws(AdminError) -> String {
        guard let text = try string(name) else { throw .invalidRequest("\(name) is required") }
        return text
    }

    /// The array of strings `name`; empty when absent or null.
    func strings(_ name: String) throws(AdminError) -> [String] {
        guard let value = members[name] else { return [] }
        guard let array = value as? [Any] else { throw .invalidRequest("\(name) must be an array of strings") }
        var texts: [String] = []
        for element in array {
            guard let text = element as? String, !Self.isNumberOrBoolean(element) else { throw .invalidRequest("\(name) must be an array of strings") }
            texts.append(text)
        }
        return texts
    }

    /// The boolean member `name`; nil when absent or null.
    func bool(_ name: String) throws(AdminError) -> Bool? {
        guard let value = members[name] else { return nil }
        guard let number = value as? NSNumber, String(cString: number.objCType) == "c" else { throw .invalidRequest("\(name) must be true or false") }
        return number.boolValue
    }

    /// The object member `name` as JSON data; nil when absent or null.
    func object(_ name: String) throws(AdminError) -> Data? {
        guard let value = members[name] else { return nil }
        guard let object = value as? [String: Any], let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
            throw .invalidRequest("\(name) must be a JSON object")
        }
        return data
    }

    /// Whether `value` is a JSON number or boolean (which Foundation may bridge to other types).
    private static func isNumberOrBoolean(_ value: Any) -> Bool {
        value is NSNumber
    }
}
