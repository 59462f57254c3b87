/// Where the codes of one code system come from.
public enum CodeSystemSource: Sendable {
    /// Concepts Kiln holds: a CodeSystem resource, ICD-10-CM or the LOINC subset.
    case index(CodeSystemIndex)
    /// UCUM: every valid expression is a code.
    case ucum
    /// A system Kiln knows of but does not ship, with its name.
    case notShipped(String)

    /// The index, when Kiln holds the concepts.
    public var index: CodeSystemIndex? {
        if case .index(let index) = self { return index }
        return nil
    }
}
