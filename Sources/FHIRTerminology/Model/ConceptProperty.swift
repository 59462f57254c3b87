public import FHIRModel

/// One property value of a concept, such as `status = deprecated` or `billable = true`.
public struct ConceptProperty: Sendable, Hashable {
    /// The property code.
    public var code: String
    /// The FHIR type of the value: `code`, `Coding`, `string`, `integer`, `boolean`, `dateTime`, `decimal`.
    public var type: String
    /// The value as JSON.
    public var value: JSONValue

    /// A property value.
    public init(code: String, type: String, value: JSONValue) {
        self.code = code
        self.type = type
        self.value = value
    }

    /// The value as text, for `=`, `in` and `regex` filters: a code, string or Coding's code.
    public var textValue: String? {
        switch value {
        case .string(let text): text
        case .number(let number): number.text
        case .bool(let flag): flag ? "true" : "false"
        case .object(let object): object["code"]?.stringValue
        default: nil
        }
    }
}
