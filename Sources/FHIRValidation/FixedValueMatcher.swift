import FHIRModel

/// Compares instance values with `fixed[x]` (exactly equal) and `pattern[x]` (contains) values.
enum FixedValueMatcher {
    /// Whether `value` is exactly `fixed`: the same members and array items, numbers by value.
    static func equals(_ value: JSONValue, _ fixed: JSONValue) -> Bool {
        value.isEquivalent(to: fixed)
    }

    /// Whether `value` contains `pattern`: every member of the pattern is present with a matching
    /// value, and every item of a pattern array is matched by some item of the value's array.
    static func matches(_ value: JSONValue, pattern: JSONValue) -> Bool {
        switch (value, pattern) {
        case (.object(let object), .object(let patternObject)):
            for (key, patternMember) in patternObject {
                guard let member = object[key], matches(member, pattern: patternMember) else { return false }
            }
            return true
        case (.array(let items), .array(let patternItems)):
            return patternItems.allSatisfy { patternItem in items.contains { matches($0, pattern: patternItem) } }
        case (.array(let items), _):
            return items.contains { matches($0, pattern: pattern) }
        default:
            return value.isEquivalent(to: pattern)
        }
    }

    /// A short JSON rendering for messages.
    static func describe(_ value: JSONValue) -> String {
        let text = JSONSerializer().string(value)
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
