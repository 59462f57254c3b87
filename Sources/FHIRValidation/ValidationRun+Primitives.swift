import FHIRDefinitions
import FHIRModel
import Foundation
import UCUM

extension ValidationRun {
    /// Checks a primitive value: its JSON kind and lexical form, maxLength and min/max values.
    func validatePrimitive(_ value: JSONValue, typeName: String, element: StructureElement, path: String) {
        if let problem = PrimitiveFormat.problem(with: value, as: typeName) {
            let code: IssueType = {
                switch value {
                case .string, .number, .bool: return .value
                default: return .structure
                }
            }()
            report(.error, code, "The \(typeName) value \(problem)", at: path)
            return
        }
        if typeName == "string" || typeName == "markdown", let text = value.stringValue, Self.hasOuterWhitespace(text) {
            report(.warning, .value, "The string value has leading or trailing whitespace", at: path)
        }
        if let maxLength = element.maxLength, let text = value.stringValue, text.count > maxLength {
            report(.error, .tooLong, "The value is \(text.count) characters long, more than the \(maxLength) allowed", at: path)
        }
    }

    /// Whether a string starts or ends with ASCII whitespace.
    static func hasOuterWhitespace(_ text: String) -> Bool {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        return isSpace(first) || isSpace(last)
    }

    /// Checks `minValue[x]` and `maxValue[x]` (numbers, dates, times and quantities, the latter
    /// converted through UCUM when their units differ).
    func checkLimits(_ value: JSONValue, typeName: String, element: StructureElement, path: String) {
        if let minimum = element.minValue, let comparison = ValueComparison.compare(value, minimum.value, typeName: typeName), comparison < 0 {
            report(.error, .value, "The value \(FixedValueMatcher.describe(value)) is less than the minimum \(FixedValueMatcher.describe(minimum.value))", at: path)
        }
        if let maximum = element.maxValue, let comparison = ValueComparison.compare(value, maximum.value, typeName: typeName), comparison > 0 {
            report(.error, .value, "The value \(FixedValueMatcher.describe(value)) is greater than the maximum \(FixedValueMatcher.describe(maximum.value))", at: path)
        }
    }

    /// Checks the `_name` object of a primitive: only `id` and `extension` are allowed.
    func validatePrimitiveExtensions(_ companion: JSONObject, typeName: String, path: String, modelPath: String) {
        guard let definition = self.definition(forType: typeName) else { return }
        let index = self.index(of: definition)
        guard let root = index.root else { return }
        for (key, _) in companion where key != "id" && key != "extension" {
            report(.error, .structure, "Unrecognized property '\(key)' in the extensions of a primitive value", at: "\(path).\(key)")
        }
        var elements = JSONObject()
        if let id = companion["id"] { elements["id"] = id }
        if let extensions = companion["extension"] { elements["extension"] = extensions }
        guard !elements.isEmpty else { return }
        validateObject(elements, element: root, index: index, path: path, modelPath: modelPath, typeName: typeName)
    }
}

/// Orders primitive values for minValue and maxValue: numbers by value, dates and times as text
/// of equal precision.
enum ValueComparison {
    /// -1, 0 or 1, or nil when the values cannot be compared.
    static func compare(_ value: JSONValue, _ limit: JSONValue, typeName: String) -> Int? {
        switch (value, limit) {
        case (.number(let left), .number(let right)):
            guard let a = Double(left.text), let b = Double(right.text) else { return nil }
            return a < b ? -1 : (a > b ? 1 : 0)
        case (.string(let left), .string(let right)):
            let length = min(left.count, right.count)
            let a = left.prefix(length), b = right.prefix(length)
            return a < b ? -1 : (a > b ? 1 : 0)
        case (.object(let left), .object(let right)):
            // Quantities: the same unit, or UCUM units converted to the limit's.
            guard let leftText = left["value"]?.numberValue?.text, let rightText = right["value"]?.numberValue?.text,
                  var a = Decimal(string: leftText, locale: Locale(identifier: "en_US_POSIX")),
                  let b = Decimal(string: rightText, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
            let leftUnit = left["code"]?.stringValue ?? left["unit"]?.stringValue
            let rightUnit = right["code"]?.stringValue ?? right["unit"]?.stringValue
            if leftUnit != rightUnit {
                guard let from = leftUnit, let to = rightUnit,
                      let converted = try? UCUMSystem.shared.convert(a, from: from, to: to) else { return nil }
                a = converted
            }
            return a < b ? -1 : (a > b ? 1 : 0)
        default:
            return nil
        }
    }
}
