/// The essence indexed for the parser: atoms and prefixes by code.
struct UCUMVocabulary: Sendable {
    let atoms: [String: UCUMAtom]
    let prefixes: [String: UCUMPrefixDefinition]
    /// Prefix codes, longest first, so `da` is tried before `d`.
    let prefixCodes: [String]

    init(essence: UCUMEssence) {
        var atoms: [String: UCUMAtom] = [:]
        for base in essence.baseUnits { atoms[base.code] = .base(base) }
        for unit in essence.units { atoms[unit.code] = .unit(unit) }
        self.atoms = atoms
        self.prefixes = Dictionary(essence.prefixes.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.prefixCodes = essence.prefixes.map(\.code).sorted { $0.count > $1.count }
    }

    /// Splits `text` into an optional prefix and an atom.
    ///
    /// An exact atom wins (`cd` is the candela, not a centi-day); otherwise the longest prefix
    /// whose remainder is a metric atom.
    func resolve(_ text: String) -> (prefix: String?, atom: UCUMAtom)? {
        if let atom = atoms[text] { return (nil, atom) }
        for code in prefixCodes where text.hasPrefix(code) {
            if let atom = atoms[String(text.dropFirst(code.count))], atom.isMetric {
                return (code, atom)
            }
        }
        return nil
    }

    /// Whether `text` would be a unit if its atom were metric, for a better error message.
    func prefixedNonMetric(_ text: String) -> String? {
        for code in prefixCodes where text.hasPrefix(code) {
            if let atom = atoms[String(text.dropFirst(code.count))], !atom.isMetric { return atom.code }
        }
        return nil
    }
}
