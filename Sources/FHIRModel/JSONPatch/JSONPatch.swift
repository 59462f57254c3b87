/// A JSON Patch document (RFC 6902): operations applied in order to a JSON document, all or nothing.
///
/// FHIR uses it for `PATCH` with `Content-Type: application/json-patch+json`.
///
/// ```swift
/// let patch = try JSONPatch(JSONParser().parse(#"[{"op":"replace","path":"/active","value":false}]"#))
/// let patched = try patch.apply(to: patient)
/// ```
///
/// Operations are numbered from 0 in error messages, as they are in the document's array.
public struct JSONPatch: Sendable, Hashable {
    /// The operations, in the order they apply.
    public var operations: [JSONPatchOperation]

    /// A patch made of these operations.
    public init(operations: [JSONPatchOperation]) {
        self.operations = operations
    }

    /// Reads a patch document: an array of operation objects.
    ///
    /// - Throws: ``FHIRError/badRequest(_:code:expression:)`` when the document is not an array or
    ///   an operation is malformed; the message names the operation's index and the problem.
    public init(_ document: JSONValue) throws(FHIRError) {
        guard case .array(let elements) = document else {
            throw .badRequest("A JSON Patch document must be an array of operations, not \(document.kindName)")
        }
        var operations: [JSONPatchOperation] = []
        operations.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            operations.append(try JSONPatchOperation(element, index: index))
        }
        self.operations = operations
    }

    /// The patch as a JSON Patch document.
    public var json: JSONValue { .array(operations.map(\.json)) }

    /// Applies the operations in order and returns the patched document.
    ///
    /// The patch is atomic: when any operation fails, nothing is applied and the error is thrown.
    ///
    /// - Throws: ``FHIRError/unprocessable(_:code:expression:)`` (422) naming the operation's index,
    ///   `op` and path when a location does not exist, an index is out of range, a `move` would move
    ///   a value into itself, or a `test` fails.
    public func apply(to document: JSONValue) throws(FHIRError) -> JSONValue {
        var result = document
        for (index, operation) in operations.enumerated() {
            do {
                try result.apply(operation)
            } catch {
                throw .unprocessable(
                    "JSON Patch operation \(index) (\(Self.describe(operation))) failed: \(error.reason)",
                    code: .processing
                )
            }
        }
        return result
    }

    /// The operation's name and locations, for error messages.
    private static func describe(_ operation: JSONPatchOperation) -> String {
        switch operation {
        case .move(let from, let path), .copy(let from, let path):
            "'\(operation.name)' from '\(from)' to '\(path)'"
        default:
            "'\(operation.name)' at '\(operation.path)'"
        }
    }
}

extension JSONValue {
    /// Applies one patch operation in place.
    fileprivate mutating func apply(_ operation: JSONPatchOperation) throws(JSONPatchFailure) {
        switch operation {
        case .add(let path, let value):
            try add(value, at: path)
        case .remove(let path):
            try remove(at: path)
        case .replace(let path, let value):
            try replace(at: path, with: value)
        case .move(let from, let path):
            guard !path.isProperDescendant(of: from) else {
                throw JSONPatchFailure("a value cannot be moved into one of its own children")
            }
            guard from != path else {
                _ = try value(at: from)
                return
            }
            let moved = try remove(at: from)
            try add(moved, at: path)
        case .copy(let from, let path):
            try add(try value(at: from), at: path)
        case .test(let path, let expected):
            guard try value(at: path).isEquivalent(to: expected) else {
                throw JSONPatchFailure("the value at '\(path)' is not equal to the expected value")
            }
        }
    }
}
