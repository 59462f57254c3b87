/// Reads ElementDefinition.max, which is a count or `*`.
enum ElementCardinality {
    /// The maximum as a count, or nil for `*` (unbounded).
    static func max(_ text: String, in fields: JSONFields) throws(DefinitionsError) -> Int? {
        if text == "*" { return nil }
        guard let count = Int(text), count >= 0 else { throw fields.invalid("max", "'\(text)' is neither a count nor '*'") }
        return count
    }
}
