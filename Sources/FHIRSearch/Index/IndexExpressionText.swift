import Foundation

/// The form in which the indexer compiles the specification's search expressions.
///
/// R4 writes type selection as `(Observation.component.value as Quantity)` and
/// `value.as(DateTime)`. FHIRPath makes `as` an error on a collection of more than one item
/// (an Observation with two components), and a FHIR `dateTime` element is not a System
/// `DateTime`; later FHIR versions write the same selections as `ofType(…)` with the FHIR type.
/// The indexer compiles them that way, so every item of the collection is kept.
enum IndexExpressionText {
    /// The FHIR primitive type a System type name stands for in a search expression.
    static let fhirNamesOfSystemTypes = [
        "Boolean": "boolean", "String": "string", "Integer": "integer", "Decimal": "decimal",
        "Date": "date", "DateTime": "dateTime", "Time": "time",
    ]

    /// `(path as Type)` with a plain dotted path.
    private static let operatorPattern = #"\(\s*([A-Za-z_][A-Za-z0-9_.]*)\s+as\s+([A-Za-z_][A-Za-z0-9_.]*)\s*\)"#
    /// `.as(Type)`.
    private static let functionPattern = #"\.as\(\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\)"#

    /// `expression` with each type selection written as `ofType` of the FHIR type.
    static func indexable(_ expression: String) -> String {
        var text = expression
        let operatorForm = try? NSRegularExpression(pattern: operatorPattern)
        let functionForm = try? NSRegularExpression(pattern: functionPattern)
        if let operatorForm {
            text = replacing(operatorForm, in: text) { groups in
                groups.count == 2 ? "\(groups[0]).ofType(\(fhirTypeName(groups[1])))" : nil
            }
        }
        if let functionForm {
            text = replacing(functionForm, in: text) { groups in
                groups.first.map { ".ofType(\(fhirTypeName($0)))" }
            }
        }
        return text
    }

    private static func fhirTypeName(_ name: String) -> String {
        fhirNamesOfSystemTypes[name] ?? name
    }

    /// `text` with each match of `pattern` replaced by what `replacement` makes of its capture
    /// groups; a match it makes nothing of stays as written.
    private static func replacing(_ pattern: NSRegularExpression, in text: String, with replacement: ([String]) -> String?) -> String {
        let whole = NSRange(text.startIndex..., in: text)
        var result = ""
        var copiedUpTo = text.startIndex
        for match in pattern.matches(in: text, range: whole) {
            guard let range = Range(match.range, in: text) else { continue }
            let groups = (1..<match.numberOfRanges).compactMap { Range(match.range(at: $0), in: text).map { String(text[$0]) } }
            result += text[copiedUpTo..<range.lowerBound]
            result += replacement(groups) ?? String(text[range])
            copiedUpTo = range.upperBound
        }
        result += text[copiedUpTo...]
        return result
    }
}
