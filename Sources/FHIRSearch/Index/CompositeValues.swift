import FHIRDefinitions
import FHIRModel
import FHIRPath

/// The values of the second component of a composite parameter.
enum CompositeValues {
    /// The values of `value` as a component of type `type`: token (system and code), quantity,
    /// date range or normalized string; empty for other types.
    static func values(of value: FHIRPathValue, type: SearchParameterType) -> [CompositeIndexValue] {
        switch type {
        case .token:
            return TokenValues.codes(of: value).map { .token(system: $0.system, code: $0.code) }
        case .quantity:
            guard let row = QuantityValues.row(of: value, parameter: "") else { return [] }
            return [.quantity(value: row.value, system: row.system, code: row.code, canonicalValue: row.canonicalValue, canonicalCode: row.canonicalCode)]
        case .date:
            guard let range = DateValues.range(of: value) else { return [] }
            return [.date(low: range.low, high: range.high)]
        case .string:
            return StringValues.texts(of: value).map { .string(normalized: SearchText.normalize($0)) }
        default:
            return []
        }
    }
}
