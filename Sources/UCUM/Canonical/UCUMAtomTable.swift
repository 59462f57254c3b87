import Foundation

/// Every atom of the essence reduced to base units, computed once when a system is built.
///
/// Base units are their own dimension. Arbitrary units defined as `1` and special units whose
/// function Kiln does not convert (`[pH]`, `B`, `Np`, …) become a dimension named by their code,
/// so they convert only to themselves (and their prefixed forms).
struct UCUMAtomTable: Sendable {
    let values: [String: UCUMAtomValue]

    init(essence: UCUMEssence, vocabulary: UCUMVocabulary) throws(UCUMError) {
        let builder = Builder(essence: essence, vocabulary: vocabulary)
        for base in essence.baseUnits { _ = try builder.value(of: base.code) }
        for unit in essence.units { _ = try builder.value(of: unit.code) }
        values = builder.values
    }

    subscript(code: String) -> UCUMAtomValue? { values[code] }

    private final class Builder {
        let vocabulary: UCUMVocabulary
        let units: [String: UCUMUnitDefinition]
        var values: [String: UCUMAtomValue] = [:]
        var visiting: Set<String> = []

        init(essence: UCUMEssence, vocabulary: UCUMVocabulary) {
            self.vocabulary = vocabulary
            self.units = Dictionary(essence.units.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
            for base in essence.baseUnits {
                values[base.code] = UCUMAtomValue(reduction: UCUMReduction(factor: 1, dimensions: [base.code: 1]))
            }
        }

        func value(of code: String) throws(UCUMError) -> UCUMAtomValue {
            if let known = values[code] { return known }
            guard let unit = units[code] else { throw UCUMError(.invalidEssence, "the essence does not define '\(code)'") }
            guard visiting.insert(code).inserted else {
                throw UCUMError(.invalidEssence, "the definition of '\(code)' refers to itself")
            }
            defer { visiting.remove(code) }
            let value = try define(unit)
            values[code] = value
            return value
        }

        private func define(_ unit: UCUMUnitDefinition) throws(UCUMError) -> UCUMAtomValue {
            let ownDimension = UCUMAtomValue(reduction: UCUMReduction(factor: 1, dimensions: [unit.code: 1]))
            if unit.isSpecial {
                guard let function = unit.function, let offsets = UCUMSpecialScale.offsets[function.name] else {
                    return ownDimension
                }
                let ratio = try reduce(function.unit, in: unit.code).scaled(by: try decimal(function.value, in: unit.code))
                return UCUMAtomValue(reduction: ratio, inputOffset: offsets.input, outputOffset: offsets.output, hasScale: true)
            }
            if unit.isArbitrary, unit.valueUnit == "1" { return ownDimension }
            let reduction = try reduce(unit.valueUnit, in: unit.code).scaled(by: try decimal(unit.value, in: unit.code))
            return UCUMAtomValue(reduction: reduction)
        }

        private func reduce(_ expression: String, in code: String) throws(UCUMError) -> UCUMReduction {
            var parser = UCUMParser(expression, vocabulary: vocabulary)
            let tree: UCUMExpression
            do {
                tree = try parser.parse()
            } catch {
                throw UCUMError(.invalidEssence, "the definition of '\(code)' ('\(expression)') is not valid: \(error.message)")
            }
            return try UCUMEvaluator.reduce(tree, prefixFactor: prefixFactor) { (atom: String) throws(UCUMError) in
                try self.value(of: atom)
            }
        }

        private func prefixFactor(_ code: String) -> Decimal? {
            vocabulary.prefixes[code].flatMap { Decimal(string: $0.value) }
        }

        private func decimal(_ text: String, in code: String) throws(UCUMError) -> Decimal {
            guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
                throw UCUMError(.invalidEssence, "the value '\(text)' of '\(code)' is not a number")
            }
            return value
        }
    }
}
