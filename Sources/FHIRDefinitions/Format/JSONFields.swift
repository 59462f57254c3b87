import FHIRModel

/// Typed access to the members of a JSON object, with errors that say which file and where.
struct JSONFields {
    /// The object read.
    let object: JSONObject
    /// Where the object is, for messages.
    let location: JSONLocation

    /// The fields of `value`, which must be an object.
    init(_ value: JSONValue?, at location: JSONLocation) throws(DefinitionsError) {
        guard let object = value?.objectValue else {
            throw DefinitionsError(.malformed, "\(location): expected an object, found \(value?.kindName ?? "nothing")")
        }
        self.object = object
        self.location = location
    }

    /// The fields of the top-level object of the file `file`.
    init(_ value: JSONValue?, file: String) throws(DefinitionsError) {
        try self.init(value, at: .file(file))
    }

    /// The same fields, with a name for the place that messages will show (an element's path).
    func named(_ name: String) -> JSONFields {
        JSONFields(object: object, location: .named(location, name))
    }

    private init(object: JSONObject, location: JSONLocation) {
        self.object = object
        self.location = location
    }

    /// The fields of an object nested under `key`, when present.
    func optionalObject(_ key: String) throws(DefinitionsError) -> JSONFields? {
        guard let value = object[key] else { return nil }
        return try JSONFields(value, at: .member(location, key))
    }

    /// A required string member.
    func string(_ key: String) throws(DefinitionsError) -> String {
        guard let value = try optionalString(key) else { throw missing(key) }
        return value
    }

    /// An optional string member; present but not a string is an error.
    func optionalString(_ key: String) throws(DefinitionsError) -> String? {
        guard let value = object[key] else { return nil }
        guard let string = value.stringValue else { throw wrongKind(key, "a string", value) }
        return string
    }

    /// A required integer member.
    func int(_ key: String) throws(DefinitionsError) -> Int {
        guard let value = try optionalInt(key) else { throw missing(key) }
        return value
    }

    /// An optional integer member.
    func optionalInt(_ key: String) throws(DefinitionsError) -> Int? {
        guard let value = object[key] else { return nil }
        guard let number = value.numberValue?.intValue else { throw wrongKind(key, "an integer", value) }
        return number
    }

    /// An optional Boolean member.
    func optionalBool(_ key: String) throws(DefinitionsError) -> Bool? {
        guard let value = object[key] else { return nil }
        guard let flag = value.boolValue else { throw wrongKind(key, "a Boolean", value) }
        return flag
    }

    /// A Boolean member that is false when absent.
    func flag(_ key: String) throws(DefinitionsError) -> Bool {
        try optionalBool(key) ?? false
    }

    /// An array member; empty when absent.
    func array(_ key: String) throws(DefinitionsError) -> [JSONValue] {
        guard let value = object[key] else { return [] }
        guard let array = value.arrayValue else { throw wrongKind(key, "an array", value) }
        return array
    }

    /// An array of strings; empty when absent.
    func strings(_ key: String) throws(DefinitionsError) -> [String] {
        var strings: [String] = []
        for (index, value) in try array(key).enumerated() {
            guard let string = value.stringValue else { throw wrongKind("\(key)[\(index)]", "a string", value) }
            strings.append(string)
        }
        return strings
    }

    /// An array of objects; empty when absent.
    func objects(_ key: String) throws(DefinitionsError) -> [JSONFields] {
        var objects: [JSONFields] = []
        for (index, value) in try array(key).enumerated() {
            objects.append(try JSONFields(value, at: .item(.member(location, key), index)))
        }
        return objects
    }

    /// A required string member that must be one of an enumeration's raw values.
    func enumeration<Value: RawRepresentable>(_ key: String, as type: Value.Type) throws(DefinitionsError) -> Value where Value.RawValue == String {
        guard let value = try optionalEnumeration(key, as: type) else { throw missing(key) }
        return value
    }

    /// An optional string member that must be one of an enumeration's raw values.
    func optionalEnumeration<Value: RawRepresentable>(_ key: String, as type: Value.Type) throws(DefinitionsError) -> Value? where Value.RawValue == String {
        guard let raw = try optionalString(key) else { return nil }
        guard let value = Value(rawValue: raw) else { throw invalid(key, "'\(raw)' is not a known \(Value.self)") }
        return value
    }

    /// An error about member `key`.
    func invalid(_ key: String, _ problem: String) -> DefinitionsError {
        DefinitionsError(.malformed, "\(location).\(key): \(problem)")
    }

    private func missing(_ key: String) -> DefinitionsError {
        DefinitionsError(.malformed, "\(location): the member '\(key)' is missing")
    }

    private func wrongKind(_ key: String, _ expected: String, _ value: JSONValue) -> DefinitionsError {
        invalid(key, "expected \(expected), found \(value.kindName)")
    }
}
