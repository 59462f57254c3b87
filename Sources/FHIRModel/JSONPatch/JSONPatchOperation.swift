/// One operation of a JSON Patch document (RFC 6902 §4).
public enum JSONPatchOperation: Sendable, Hashable {
    /// Adds `value` at `path`: sets an object member, or inserts into an array (`-` appends).
    case add(path: JSONPointer, value: JSONValue)
    /// Removes the value at `path`, which must exist.
    case remove(path: JSONPointer)
    /// Replaces the value at `path`, which must exist, with `value`.
    case replace(path: JSONPointer, value: JSONValue)
    /// Removes the value at `from` and adds it at `path`.
    case move(from: JSONPointer, path: JSONPointer)
    /// Adds a copy of the value at `from` at `path`.
    case copy(from: JSONPointer, path: JSONPointer)
    /// Checks that the value at `path` equals `value` (see ``JSONValue/isEquivalent(to:)``).
    case test(path: JSONPointer, value: JSONValue)

    /// The operation's name as the `op` member writes it.
    public var name: String {
        switch self {
        case .add: "add"
        case .remove: "remove"
        case .replace: "replace"
        case .move: "move"
        case .copy: "copy"
        case .test: "test"
        }
    }

    /// The target location of the operation.
    public var path: JSONPointer {
        switch self {
        case .add(let path, _), .remove(let path), .replace(let path, _),
             .move(_, let path), .copy(_, let path), .test(let path, _):
            path
        }
    }

    /// The JSON object of the operation, as it appears in a patch document.
    public var json: JSONValue {
        var object = JSONObject()
        object["op"] = .string(name)
        switch self {
        case .add(let path, let value), .replace(let path, let value), .test(let path, let value):
            object["path"] = .string(path.description)
            object["value"] = value
        case .remove(let path):
            object["path"] = .string(path.description)
        case .move(let from, let path), .copy(let from, let path):
            object["from"] = .string(from.description)
            object["path"] = .string(path.description)
        }
        return .object(object)
    }

    /// Reads an operation object. Members the operation does not define are ignored, as
    /// RFC 6902 §4 requires.
    ///
    /// - Throws: ``FHIRError/badRequest(_:code:expression:)`` naming `index` when `op` is missing
    ///   or unknown, or a member the operation needs is missing or not a valid pointer.
    public init(_ json: JSONValue, index: Int) throws(FHIRError) {
        func invalid(_ problem: String) -> FHIRError {
            .badRequest("JSON Patch operation \(index) \(problem)")
        }
        guard case .object(let object) = json else {
            throw invalid("must be an object, not \(json.kindName)")
        }
        guard let opValue = object["op"] else { throw invalid("is missing the member 'op'") }
        guard case .string(let op) = opValue else { throw invalid("has an 'op' that is \(opValue.kindName), not a string") }

        func pointer(_ member: String) throws(FHIRError) -> JSONPointer {
            guard let value = object[member] else { throw invalid("('\(op)') is missing the member '\(member)'") }
            guard case .string(let text) = value else {
                throw invalid("('\(op)') has a '\(member)' that is \(value.kindName), not a string")
            }
            do {
                return try JSONPointer(text)
            } catch {
                throw invalid("('\(op)') has an invalid '\(member)': \(error)")
            }
        }
        func value() throws(FHIRError) -> JSONValue {
            // `null` is a valid value, so presence is what counts.
            guard let value = object["value"] else { throw invalid("('\(op)') is missing the member 'value'") }
            return value
        }

        switch op {
        case "add": self = .add(path: try pointer("path"), value: try value())
        case "remove": self = .remove(path: try pointer("path"))
        case "replace": self = .replace(path: try pointer("path"), value: try value())
        case "move": self = .move(from: try pointer("from"), path: try pointer("path"))
        case "copy": self = .copy(from: try pointer("from"), path: try pointer("path"))
        case "test": self = .test(path: try pointer("path"), value: try value())
        default: throw invalid("has an unknown 'op' '\(op)'; expected add, remove, replace, move, copy or test")
        }
    }
}
