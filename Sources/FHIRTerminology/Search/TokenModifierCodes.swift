/// The terminology modifiers of token search (`:in`, `:not-in`, `:above`, `:below`), turned into
/// the explicit codes a search matches (or excludes), so the search layer can compile them to
/// SQL over its token index.
///
/// ```swift
/// let codes = try terminology.searchCodes(.below, value: "http://hl7.org/fhir/sid/icd-10-cm|E11")
/// // E11 and every code under it
/// let vitals = try terminology.searchCodes(.in, value: "http://hl7.org/fhir/ValueSet/observation-vitalsignresult")
/// ```
public enum TokenModifier: String, Sendable, Hashable, CaseIterable {
    /// The code is in the value set named by the value.
    case `in`
    /// The code is not in the value set named by the value (the search excludes the codes).
    case notIn = "not-in"
    /// The code subsumes the given code: the code itself and its ancestors.
    case above
    /// The code is subsumed by the given code: the code itself and its descendants.
    case below
}

extension TerminologyService {
    /// The largest number of codes a modifier may stand for; more is `tooCostly`.
    public static let maximumSearchCodes = TerminologyLimits.maximumExpansionSize

    /// The codes a token search with `modifier` and `value` stands for.
    ///
    /// For `:in` and `:not-in` the value is a value set's canonical URL; for `:above` and
    /// `:below` it is `system|code`. Throws `notFound` for an unknown value set, system or code,
    /// `notSupported` for a system Kiln does not ship (SNOMED CT), `invalid` for a value
    /// without a system, and `tooCostly` past ``maximumSearchCodes``.
    public func searchCodes(_ modifier: TokenModifier, value: String) throws(TerminologyError) -> [TerminologyCoding] {
        switch modifier {
        case .in, .notIn:
            let expansion = try expand(valueSetURL: value, options: ExpansionOptions(count: Self.maximumSearchCodes))
            if expansion.total > expansion.contains.count {
                throw TerminologyError(.tooCostly, "The value set \(value) has \(expansion.total) codes, more than the \(Self.maximumSearchCodes) a search can use")
            }
            return expansion.contains.map { TerminologyCoding(system: $0.system, code: $0.code, display: $0.display) }
        case .above, .below:
            guard let bar = value.firstIndex(of: "|") else {
                throw TerminologyError(.invalid, "The :\(modifier.rawValue) modifier needs system|code, not '\(value)'")
            }
            let system = String(value[..<bar])
            let code = String(value[value.index(after: bar)...])
            guard !system.isEmpty, !code.isEmpty else {
                throw TerminologyError(.invalid, "The :\(modifier.rawValue) modifier needs both a system and a code, not '\(value)'")
            }
            let index: CodeSystemIndex
            switch registry.codeSystem(system) {
            case .index(let found): index = found
            case .notShipped(let name): throw TerminologyError(.notSupported, "\(name) (\(system)) is not shipped with Kiln, so :\(modifier.rawValue) cannot be answered")
            case .ucum: throw TerminologyError(.notSupported, "UCUM has no hierarchy for :\(modifier.rawValue)")
            case nil: throw TerminologyError(.notFound, "The code system \(system) is not known to Kiln")
            }
            guard let position = index.position(of: code) else {
                throw TerminologyError(.notFound, "'\(code)' is not a code of \(system) that Kiln knows")
            }
            let related = modifier == .below ? index.descendants(of: position) : index.ancestors(of: position)
            let positions = [position] + related.filter { $0 != position }
            if positions.count > Self.maximumSearchCodes {
                throw TerminologyError(.tooCostly, "'\(code)' has \(positions.count) related codes, more than the \(Self.maximumSearchCodes) a search can use")
            }
            return positions.map { TerminologyCoding(system: system, code: index.concepts[$0].code, display: index.concepts[$0].display) }
        }
    }
}
