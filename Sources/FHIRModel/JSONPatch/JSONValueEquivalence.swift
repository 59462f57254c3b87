extension JSONValue {
    /// Whether two values are equal by the rules of JSON Patch `test` (RFC 6902 §4.6).
    ///
    /// - Numbers are equal when numerically equal (`1.0` and `1`), compared digit for digit.
    /// - Strings are equal when they have the same code points (no Unicode normalization).
    /// - Objects are equal when they have the same member names with equivalent values, in any order.
    /// - Arrays are equal when they have the same length and equivalent elements in the same order.
    /// - `true`, `false` and `null` equal only themselves.
    public func isEquivalent(to other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null):
            return true
        case (.bool(let lhs), .bool(let rhs)):
            return lhs == rhs
        case (.number(let lhs), .number(let rhs)):
            return lhs.isNumericallyEqual(to: rhs)
        case (.string(let lhs), .string(let rhs)):
            return lhs.unicodeScalars.elementsEqual(rhs.unicodeScalars)
        case (.array(let lhs), .array(let rhs)):
            return lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0.isEquivalent(to: $1) }
        case (.object(let lhs), .object(let rhs)):
            guard lhs.count == rhs.count else { return false }
            return lhs.allSatisfy { member in
                guard let value = rhs[member.key] else { return false }
                return member.value.isEquivalent(to: value)
            }
        default:
            return false
        }
    }
}
