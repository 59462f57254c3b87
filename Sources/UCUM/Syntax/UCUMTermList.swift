import Foundation

/// An expression flattened to a numeric factor and a list of symbols with exponents, in the
/// order they were written; used to write the unit of a product or quotient of quantities.
struct UCUMTermList: Sendable, Hashable {
    struct Term: Sendable, Hashable {
        /// Prefix and atom (`mg`), or an empty string for a lone annotation.
        var code: String
        var annotation: String?
        var exponent: Int
    }

    var factor: Decimal = 1
    var terms: [Term] = []

    init(_ expression: UCUMExpression) throws(UCUMError) {
        try add(expression, sign: 1)
    }

    private mutating func add(_ expression: UCUMExpression, sign: Int) throws(UCUMError) {
        switch expression {
        case .symbol(let symbol):
            append(Term(code: (symbol.prefix ?? "") + symbol.atom, annotation: symbol.annotation, exponent: sign * symbol.exponent))
        case .factor(let value, let annotation):
            factor = try UCUMReduction.checked(sign > 0 ? factor * value : factor / value)
            if let annotation { append(Term(code: "", annotation: annotation, exponent: sign)) }
        case .annotation(let text):
            append(Term(code: "", annotation: text, exponent: sign))
        case .group(let inner):
            try add(inner, sign: sign)
        case .product(let lhs, let rhs):
            try add(lhs, sign: sign)
            try add(rhs, sign: sign)
        case .quotient(let lhs, let rhs):
            try add(lhs, sign: sign)
            try add(rhs, sign: -sign)
        case .reciprocal(let inner):
            try add(inner, sign: -sign)
        }
    }

    /// Adds `term`, combining it with an earlier term of the same symbol and annotation.
    mutating func append(_ term: Term) {
        if let index = terms.firstIndex(where: { $0.code == term.code && $0.annotation == term.annotation }) {
            terms[index].exponent += term.exponent
        } else {
            terms.append(term)
        }
    }

    /// Appends every term of `other`, its exponents multiplied by `sign`, and its factor.
    mutating func combine(with other: UCUMTermList, sign: Int) throws(UCUMError) {
        factor = try UCUMReduction.checked(sign > 0 ? factor * other.factor : factor / other.factor)
        for var term in other.terms {
            term.exponent *= sign
            append(term)
        }
    }

    /// The symbols as UCUM text without the factor (`g.m-1`), or `1` when none remain.
    var unitText: String {
        let parts = terms.filter { $0.exponent != 0 }.map { term in
            let annotation = term.annotation.map { "{\($0)}" } ?? ""
            if term.code.isEmpty { return annotation }
            return term.code + (term.exponent == 1 ? "" : String(term.exponent)) + annotation
        }
        return parts.isEmpty ? "1" : parts.joined(separator: ".")
    }
}
