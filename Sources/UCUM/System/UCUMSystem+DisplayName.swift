extension UCUMSystem {
    /// A long form for people: `mm` → `(millimeter)`, `m3.kg-1` → `(meter ^ 3) * (kilogram ^ -1)`,
    /// and the empty expression → `(unity)`.
    public func displayName(_ expression: String) throws(UCUMError) -> String {
        if expression.isEmpty { return "(unity)" }
        return displayName(of: try parse(expression))
    }

    /// The long form of a parsed expression.
    public func displayName(of expression: UCUMExpression) -> String {
        switch expression {
        case .symbol(let symbol):
            let prefix = symbol.prefix.flatMap { vocabulary.prefixes[$0]?.name } ?? ""
            let name = vocabulary.atoms[symbol.atom]?.name ?? symbol.atom
            let exponent = symbol.exponent == 1 ? "" : " ^ \(symbol.exponent)"
            let annotation = symbol.annotation.map { " {\($0)}" } ?? ""
            return "(\(prefix)\(name)\(exponent))\(annotation)"
        case .factor(let value, let annotation):
            return "\(value)" + (annotation.map { " {\($0)}" } ?? "")
        case .annotation(let text):
            return "{\(text)}"
        case .group(let inner):
            return "(\(displayName(of: inner)))"
        case .product(let lhs, let rhs):
            return "\(displayName(of: lhs)) * \(displayName(of: rhs))"
        case .quotient(let lhs, let rhs):
            return "\(displayName(of: lhs)) / \(displayName(of: rhs))"
        case .reciprocal(let inner):
            return "1 / \(displayName(of: inner))"
        }
    }
}
