import Foundation

/// What one unit of an atom is in base units, and its temperature scale when it has one.
struct UCUMAtomValue: Sendable, Hashable {
    var reduction: UCUMReduction
    /// (input, output) offsets of `Cel`, `[degF]` and `[degRe]`.
    var inputOffset: Decimal = 0
    var outputOffset: Decimal = 0
    var hasScale = false
}
