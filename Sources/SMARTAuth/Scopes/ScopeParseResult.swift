/// A parsed scope string: the scopes Kiln knows, and the tokens it left out.
public struct ScopeParseResult: Sendable, Hashable {
    /// The known scopes, in order.
    public let scopes: ScopeSet
    /// Tokens that are neither resource scopes nor known SMART scopes, in order; never granted.
    public let ignored: [String]
}
