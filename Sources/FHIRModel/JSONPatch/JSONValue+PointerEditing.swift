/// The edits JSON Patch makes at a ``JSONPointer``, changing the document in place.
///
/// Containers on the way down are detached from their parents (replaced by `null`) while they are
/// edited, so each level stays uniquely referenced and copy-on-write copies only what the caller
/// shares. Payloads are bound with `if case` rather than `switch`, which in unoptimized builds
/// keeps a second reference alive and would copy every array and object it passes through.
extension JSONValue {
    /// The value at `pointer`, which must exist.
    func value(at pointer: JSONPointer) throws(JSONPatchFailure) -> JSONValue {
        guard let value = pointer.resolve(in: self) else {
            throw JSONPatchFailure("there is no value at '\(pointer)'")
        }
        return value
    }

    /// Adds `value` at `pointer`: the root is replaced, an object member is set (an existing member
    /// keeps its position, a new one goes last), and an array gets `value` inserted before the
    /// index, or appended for `-`.
    mutating func add(_ value: JSONValue, at pointer: JSONPointer) throws(JSONPatchFailure) {
        guard let token = pointer.lastToken else {
            self = value
            return
        }
        try editParent(of: pointer) { container throws(JSONPatchFailure) in
            if case .object(var object) = container {
                container = .null
                object[token] = value
                container = .object(object)
            } else if case .array(var elements) = container {
                let index = try Self.insertionIndex(token, count: elements.count, in: pointer)
                container = .null
                elements.insert(value, at: index)
                container = .array(elements)
            } else {
                throw JSONPatchFailure("the value at '\(pointer.parent ?? .root)' is \(container.kindName), which cannot hold members or elements")
            }
        }
    }

    /// Removes the value at `pointer`, which must exist and must not be the root, and returns it.
    @discardableResult
    mutating func remove(at pointer: JSONPointer) throws(JSONPatchFailure) -> JSONValue {
        guard let token = pointer.lastToken else {
            throw JSONPatchFailure("the whole document cannot be removed")
        }
        return try editParent(of: pointer) { container throws(JSONPatchFailure) -> JSONValue in
            if case .object(var object) = container {
                container = .null
                defer { container = .object(object) }
                guard let removed = object.removeValue(forKey: token) else {
                    throw JSONPatchFailure("there is no value at '\(pointer)'")
                }
                return removed
            } else if case .array(var elements) = container {
                let index = try Self.existingIndex(token, count: elements.count, in: pointer)
                container = .null
                defer { container = .array(elements) }
                return elements.remove(at: index)
            } else {
                throw JSONPatchFailure("there is no value at '\(pointer)'")
            }
        }
    }

    /// Replaces the value at `pointer`, which must exist, with `value`, keeping its position.
    mutating func replace(at pointer: JSONPointer, with value: JSONValue) throws(JSONPatchFailure) {
        guard let token = pointer.lastToken else {
            self = value
            return
        }
        try editParent(of: pointer) { container throws(JSONPatchFailure) in
            if case .object(var object) = container, object[token] != nil {
                container = .null
                object[token] = value
                container = .object(object)
            } else if case .array(var elements) = container {
                let index = try Self.existingIndex(token, count: elements.count, in: pointer)
                container = .null
                elements[index] = value
                container = .array(elements)
            } else {
                throw JSONPatchFailure("there is no value at '\(pointer)'")
            }
        }
    }

    /// Runs `body` on the object or array that holds the value at `pointer` (not the root).
    private mutating func editParent<Result>(
        of pointer: JSONPointer,
        _ body: (inout JSONValue) throws(JSONPatchFailure) -> Result
    ) throws(JSONPatchFailure) -> Result {
        try edit(pointer.tokens.dropLast(), from: pointer.tokens.startIndex, body)
    }

    /// Walks down `tokens` from position `depth` and runs `body` on the value reached.
    private mutating func edit<Result>(
        _ tokens: ArraySlice<String>,
        from depth: Int,
        _ body: (inout JSONValue) throws(JSONPatchFailure) -> Result
    ) throws(JSONPatchFailure) -> Result {
        guard depth < tokens.endIndex else { return try body(&self) }
        let token = tokens[depth]
        if case .object(var object) = self, var child = object[token] {
            self = .null
            object[token] = .null
            defer {
                object[token] = child
                self = .object(object)
            }
            return try child.edit(tokens, from: depth + 1, body)
        }
        if case .array(var elements) = self, let index = JSONPointer.arrayIndex(token), index < elements.count {
            self = .null
            defer { self = .array(elements) }
            return try elements[index].edit(tokens, from: depth + 1, body)
        }
        throw JSONPatchFailure("there is no value at '\(JSONPointer(tokens: Array(tokens[...depth])))'")
    }

    /// The position `token` names for an insertion into an array of `count` elements: an index up
    /// to `count`, or `-` for the end.
    private static func insertionIndex(_ token: String, count: Int, in pointer: JSONPointer) throws(JSONPatchFailure) -> Int {
        if token == JSONPointer.appendToken { return count }
        let index = try arrayIndex(token, in: pointer)
        guard index <= count else {
            throw JSONPatchFailure("index \(index) is past the end of the array at '\(pointer.parent ?? .root)', which has \(count) elements")
        }
        return index
    }

    /// The index `token` names in an array of `count` elements, which must exist.
    private static func existingIndex(_ token: String, count: Int, in pointer: JSONPointer) throws(JSONPatchFailure) -> Int {
        let index = try arrayIndex(token, in: pointer)
        guard index < count else { throw JSONPatchFailure("there is no value at '\(pointer)'; the array has \(count) elements") }
        return index
    }

    /// The array index `token` names, or a failure when it is not a valid index.
    private static func arrayIndex(_ token: String, in pointer: JSONPointer) throws(JSONPatchFailure) -> Int {
        guard let index = JSONPointer.arrayIndex(token) else {
            throw JSONPatchFailure("'\(token)' in '\(pointer)' is not an array index (digits without leading zeros, or '-' to append)")
        }
        return index
    }
}
