import FHIRModel
import Foundation

/// The FHIRPath rules for `=`, `~` and the ordering operators.
struct Comparer {
    let converter: any UnitConverter

    /// `=` on collections: nil (empty) when either side is empty or some pair's equality is unknown.
    func equal(_ lhs: [FHIRPathValue], _ rhs: [FHIRPathValue]) -> Bool? {
        guard !lhs.isEmpty, !rhs.isEmpty else { return nil }
        guard lhs.count == rhs.count else { return false }
        var unknown = false
        for (left, right) in zip(lhs, rhs) {
            switch itemEqual(left, right) {
            case false?: return false
            case nil: unknown = true
            default: break
            }
        }
        return unknown ? nil : true
    }

    /// `~` on collections: both empty are equivalent; otherwise every item must have an equivalent partner.
    func equivalent(_ lhs: [FHIRPathValue], _ rhs: [FHIRPathValue]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var unmatched = rhs
        for left in lhs {
            guard let index = unmatched.firstIndex(where: { itemEquivalent(left, $0) }) else { return false }
            unmatched.remove(at: index)
        }
        return true
    }

    func itemEqual(_ lhs: FHIRPathValue, _ rhs: FHIRPathValue) -> Bool? {
        switch (lhs.systemValue, rhs.systemValue) {
        case (.boolean(let a), .boolean(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        case (.integer, .decimal), (.decimal, .integer), (.decimal, .decimal):
            return Self.decimal(lhs) == Self.decimal(rhs)
        case (.date(let a), .date(let b)), (.dateTime(let a), .dateTime(let b)), (.date(let a), .dateTime(let b)),
             (.dateTime(let a), .date(let b)), (.time(let a), .time(let b)):
            return a.compare(to: b).map { $0 == 0 }
        case (.quantity(let a), .quantity(let b)):
            return quantityOrder(a, b, equivalence: false).map { $0 == 0 }
        case (.element(let a), .element(let b)):
            // Complex values are equal when their members are, recursively; decimals by value (1.0 = 1.00).
            return a.json.isEquivalent(to: b.json)
        default:
            return false
        }
    }

    func itemEquivalent(_ lhs: FHIRPathValue, _ rhs: FHIRPathValue) -> Bool {
        switch (lhs.systemValue, rhs.systemValue) {
        case (.string(let a), .string(let b)):
            return Self.normalized(a) == Self.normalized(b)
        case (.integer, .decimal), (.decimal, .integer), (.decimal, .decimal), (.integer, .integer):
            guard let a = Self.decimal(lhs), let b = Self.decimal(rhs) else { return false }
            let scale = min(Self.scale(of: a), Self.scale(of: b))
            return Self.rounded(a, scale) == Self.rounded(b, scale)
        case (.date(let a), .date(let b)), (.dateTime(let a), .dateTime(let b)), (.date(let a), .dateTime(let b)),
             (.dateTime(let a), .date(let b)), (.time(let a), .time(let b)):
            return a.precision == b.precision && a.compare(to: b) == 0
        case (.quantity(let a), .quantity(let b)):
            return quantityOrder(a, b, equivalence: true) == 0
        case (.element(let a), .element(let b)):
            return a.json == b.json
        default:
            return itemEqual(lhs, rhs) == true
        }
    }

    /// The order of two single-item collections; nil when either is empty or the order is unknown.
    func compare(_ lhs: [FHIRPathValue], _ rhs: [FHIRPathValue]) throws -> Int? {
        guard let left = lhs.first, let right = rhs.first else { return nil }
        guard lhs.count == 1, rhs.count == 1 else { throw FHIRPathError.execution("comparison needs single items, found \(lhs.count) and \(rhs.count)") }
        return try compareItems(left, right)
    }

    func compareItems(_ left: FHIRPathValue, _ right: FHIRPathValue) throws -> Int? {
        switch (left.systemValue, right.systemValue) {
        case (.string(let a), .string(let b)):
            return a == b ? 0 : (a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) ? -1 : 1)
        case (.integer, .integer), (.integer, .decimal), (.decimal, .integer), (.decimal, .decimal):
            guard let a = Self.decimal(left), let b = Self.decimal(right) else { return nil }
            return a == b ? 0 : (a < b ? -1 : 1)
        case (.date(let a), .date(let b)), (.dateTime(let a), .dateTime(let b)), (.date(let a), .dateTime(let b)),
             (.dateTime(let a), .date(let b)), (.time(let a), .time(let b)):
            return a.compare(to: b)
        case (.quantity(let a), .quantity(let b)):
            return quantityOrder(a, b, equivalence: false)
        case (.boolean(let a), .boolean(let b)):
            return a == b ? 0 : (!a ? -1 : 1)
        default:
            throw FHIRPathError.execution("cannot compare \(left.typeName) with \(right.typeName)")
        }
    }

    /// The order of two quantities after converting to a common unit; nil when the units are not comparable.
    /// Calendar years and months only match UCUM `a` and `mo` for equivalence.
    func quantityOrder(_ lhs: FHIRPathQuantity, _ rhs: FHIRPathQuantity, equivalence: Bool) -> Int? {
        var left = lhs
        var right = rhs
        for index in 0..<2 {
            var quantity = index == 0 ? left : right
            if let calendar = CalendarUnit(rawValue: quantity.unit) {
                if calendar == .year || calendar == .month {
                    if equivalence { quantity.unit = calendar.ucumCode }
                    if calendar == .year && !equivalence {
                        quantity.unit = "month"
                        quantity.value *= 12
                    }
                } else {
                    quantity.unit = calendar.ucumCode
                }
            }
            if index == 0 { left = quantity } else { right = quantity }
        }
        let rightValue: Decimal?
        if left.unit == right.unit {
            rightValue = right.value
        } else if left.unit == "month" || right.unit == "month" {
            rightValue = nil
        } else {
            rightValue = converter.convert(right.value, from: right.unit, to: left.unit)
        }
        guard let rightValue else { return nil }
        if equivalence {
            let scale = min(Self.scale(of: left.value), Self.scale(of: rhs.value))
            let a = Self.rounded(left.value, scale)
            let b = Self.rounded(rightValue, scale)
            return a == b ? 0 : (a < b ? -1 : 1)
        }
        return left.value == rightValue ? 0 : (left.value < rightValue ? -1 : 1)
    }

    static func decimal(_ value: FHIRPathValue) -> Decimal? {
        switch value.systemValue {
        case .integer(let integer): Decimal(integer)
        case .decimal(let decimal): decimal
        default: nil
        }
    }

    static func normalized(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The number of fraction digits of a decimal as stored (trailing zeros are not kept).
    static func scale(of value: Decimal) -> Int {
        max(0, -Int(value.exponent))
    }

    static func rounded(_ value: Decimal, _ scale: Int) -> Decimal {
        var source = value
        var result = Decimal()
        NSDecimalRound(&result, &source, scale, .plain)
        return result
    }
}

/// Set operations on collections, with FHIRPath equality.
enum Collections {
    /// The items of both collections without duplicates, in order of first appearance.
    static func union(_ lhs: [FHIRPathValue], _ rhs: [FHIRPathValue], comparer: Comparer) -> [FHIRPathValue] {
        distinct(lhs + rhs, comparer: comparer)
    }

    /// The items without later duplicates.
    static func distinct(_ items: [FHIRPathValue], comparer: Comparer) -> [FHIRPathValue] {
        var result: [FHIRPathValue] = []
        result.reserveCapacity(items.count)
        for item in items where !result.contains(where: { comparer.itemEqual($0, item) == true }) {
            result.append(item)
        }
        return result
    }
}
