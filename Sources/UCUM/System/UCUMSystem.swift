import Foundation

/// UCUM for Kiln: parses unit expressions, reduces them to base units, and converts and
/// multiplies quantities. Built once from the compiled essence; all methods are pure.
///
/// ```swift
/// let ucum = UCUMSystem.shared
/// try ucum.convert(1.5, from: "g/L", to: "mg/dL")    // 150
/// try ucum.convert(37, from: "Cel", to: "K")         // 310.15
/// ucum.validate("10*3/uL")                           // nil: valid
/// ```
public struct UCUMSystem: Sendable {
    /// The system built from the essence Kiln ships (``UCUMEssence/standard``).
    public static let shared: UCUMSystem = {
        do {
            return try UCUMSystem(essence: .standard)
        } catch {
            fatalError("The compiled UCUM essence is inconsistent: \(error)")
        }
    }()

    /// The essence the system was built from.
    public let essence: UCUMEssence
    let vocabulary: UCUMVocabulary
    let atoms: UCUMAtomTable
    let prefixFactors: [String: Decimal]

    /// Builds a system, reducing every unit of the essence; fails when a definition is invalid.
    public init(essence: UCUMEssence) throws(UCUMError) {
        self.essence = essence
        let vocabulary = UCUMVocabulary(essence: essence)
        var factors: [String: Decimal] = [:]
        for prefix in essence.prefixes {
            guard let value = Decimal(string: prefix.value, locale: Locale(identifier: "en_US_POSIX")) else {
                throw UCUMError(.invalidEssence, "the value '\(prefix.value)' of prefix '\(prefix.code)' is not a number")
            }
            factors[prefix.code] = value
        }
        self.vocabulary = vocabulary
        self.prefixFactors = factors
        self.atoms = try UCUMAtomTable(essence: essence, vocabulary: vocabulary)
    }

    /// Parses a UCUM expression (case-sensitive codes) into its syntax tree.
    ///
    /// - Throws: ``UCUMError`` naming the position and what was expected, or the unknown unit.
    public func parse(_ expression: String) throws(UCUMError) -> UCUMExpression {
        var parser = UCUMParser(expression, vocabulary: vocabulary)
        return try parser.parse()
    }

    /// Nil when `expression` is a valid UCUM expression, otherwise why it is not.
    public func validate(_ expression: String) -> UCUMError? {
        do {
            _ = try parse(expression)
            return nil
        } catch {
            return error
        }
    }

    /// Whether `expression` is a valid UCUM expression.
    public func isValid(_ expression: String) -> Bool {
        validate(expression) == nil
    }
}
