import Foundation

extension FunctionCall {
    /// abs, ceiling, exp, floor, ln, log, power, round, sqrt, truncate, and the aggregates sum, min, max, avg.
    func math(_ function: FunctionName) throws -> [FHIRPathValue] {
        switch function {
        case .sum, .min, .max, .avg:
            return try aggregate(function)
        default:
            break
        }
        guard let item = try singleInput() else { return [] }
        if case .quantity(let quantity) = item, function == .abs {
            return [.quantity(FHIRPathQuantity(value: Swift.abs(quantity.value), unit: quantity.unit))]
        }
        guard let value = Comparer.decimal(item) else { throw FHIRPathError.execution("\(function.rawValue)() needs a number, found \(item.typeName)") }
        let isInteger = if case .integer = item { true } else { false }
        switch function {
        case .abs:
            return [isInteger ? .integer(Swift.abs(Self.int(value))) : .decimal(Swift.abs(value))]
        case .ceiling:
            return [.integer(Self.int(Self.round(value, 0, .up)))]
        case .floor:
            return [.integer(Self.int(Self.round(value, 0, .down)))]
        case .truncate:
            return [.integer(Self.int(Arithmetic.truncate(value)))]
        case .round:
            let digits = arguments.isEmpty ? 0 : (try integerArgument(0) ?? 0)
            guard digits >= 0 else { throw FHIRPathError.execution("round() needs a non-negative precision") }
            return [.decimal(Self.round(value, digits, .plain))]
        case .exp:
            return Self.double(Foundation.exp(Self.double(value)))
        case .ln:
            guard value > 0 else { return [] }
            return Self.double(Foundation.log(Self.double(value)))
        case .log:
            guard let base = try argument(0).first.flatMap(Comparer.decimal), value > 0, base > 0, base != 1 else { return [] }
            return Self.double(Foundation.log(Self.double(value)) / Foundation.log(Self.double(base)))
        case .sqrt:
            guard value >= 0 else { return [] }
            return Self.double(Self.double(value).squareRoot())
        case .power:
            guard let exponentValue = try argument(0).first else { return [] }
            guard let exponent = Comparer.decimal(exponentValue) else { return [] }
            if isInteger, case .integer(let power) = exponentValue.systemValue, power >= 0 {
                var result = 1
                for _ in 0..<power {
                    let (product, overflow) = result.multipliedReportingOverflow(by: Self.int(value))
                    if overflow { return [] }
                    result = product
                }
                return [.integer(result)]
            }
            let result = Foundation.pow(Self.double(value), Self.double(exponent))
            return result.isNaN ? [] : Self.double(result)
        default:
            return []
        }
    }

    private func aggregate(_ function: FunctionName) throws -> [FHIRPathValue] {
        guard var result = input.first?.systemValue else { return function == .sum ? [.integer(0)] : [] }
        let arithmetic = Arithmetic(converter: evaluator.environment.unitConverter)
        for item in input.dropFirst() {
            switch function {
            case .sum, .avg:
                guard let next = try arithmetic.apply(.add, result, item.systemValue) else { return [] }
                result = next
            case .min:
                if let order = try comparer.compareItems(item, result), order < 0 { result = item.systemValue }
            default:
                if let order = try comparer.compareItems(item, result), order > 0 { result = item.systemValue }
            }
        }
        if function == .avg {
            return try arithmetic.apply(.divide, result, .integer(input.count)).map { [$0] } ?? []
        }
        return [result]
    }

    static func round(_ value: Decimal, _ scale: Int, _ mode: NSDecimalNumber.RoundingMode) -> Decimal {
        var source = value
        var result = Decimal()
        NSDecimalRound(&result, &source, scale, mode)
        return result
    }

    static func int(_ value: Decimal) -> Int {
        NSDecimalNumber(decimal: value).intValue
    }

    static func double(_ value: Decimal) -> Double {
        NSDecimalNumber(decimal: value).doubleValue
    }

    static func double(_ value: Double) -> [FHIRPathValue] {
        guard value.isFinite, let decimal = PrimitiveConversion.decimal(String(format: "%.15g", value)) else { return [] }
        return [.decimal(decimal)]
    }
}
