/// The limits the terminology service works within.
public enum TerminologyLimits {
    /// The most codes one expansion returns. Larger expansions fail with
    /// ``TerminologyError/Kind/tooCostly`` unless the caller asks for a page with `count`.
    public static let maximumExpansionSize = 10_000
    /// How deep `valueSet` imports may nest before Kiln assumes a cycle.
    public static let maximumImportDepth = 16
}
