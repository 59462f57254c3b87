/// One unit symbol in a UCUM expression: `mm2` is prefix `m`, atom `m`, exponent 2.
public struct UCUMSymbol: Sendable, Hashable {
    /// The prefix code, e.g. `m` in `mg`; nil when the atom stands alone.
    public var prefix: String?
    /// The atom code, e.g. `g`, `[in_i]`, `10*`.
    public var atom: String
    /// The integer exponent; 1 when none is written.
    public var exponent: Int
    /// The annotation text without braces, e.g. `creat` in `mg{creat}`.
    public var annotation: String?
    /// The zero-based offset of the symbol in the expression.
    public var position: Int

    /// Creates a symbol.
    public init(prefix: String?, atom: String, exponent: Int = 1, annotation: String? = nil, position: Int = 0) {
        self.prefix = prefix
        self.atom = atom
        self.exponent = exponent
        self.annotation = annotation
        self.position = position
    }

    /// The symbol as written, without its annotation, e.g. `mm2`.
    public var code: String {
        (prefix ?? "") + atom + (exponent == 1 ? "" : String(exponent))
    }
}
