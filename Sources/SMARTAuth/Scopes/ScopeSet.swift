/// The scopes of one request or grant, in the order written, each once.
///
/// ```swift
/// let requested = try ScopeSet.parse("openid fhirUser launch/patient patient/*.rs email")
/// requested.ignored                     // ["email"]
/// let granted = requested.scopes.narrowed(to: try ScopeSet(parsing: "openid fhirUser launch/patient patient/Observation.rs"))
/// granted.scopeString                   // "openid fhirUser launch/patient patient/Observation.rs"
/// ```
public struct ScopeSet: Sendable, Hashable, CustomStringConvertible {
    /// The scopes, in order; no two with the same text.
    public let scopes: [Scope]

    /// A set of these scopes; a scope whose text came earlier is left out.
    public init(_ scopes: some Sequence<Scope>) {
        var seen: Set<String> = []
        self.scopes = scopes.filter { seen.insert($0.text).inserted }
    }

    /// No scopes.
    public static let empty = ScopeSet([])

    /// Parses a space-separated scope string (an OAuth `scope` parameter). A scope Kiln does
    /// not know and that is not a resource scope is left out and listed in
    /// ``ScopeParseResult/ignored``; a resource scope that cannot be honoured in full throws.
    public static func parse(_ string: String, knownResourceTypes: Set<String>? = nil) throws(ScopeError) -> ScopeParseResult {
        var scopes: [Scope] = []
        var ignored: [String] = []
        for token in string.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            if let scope = try Scope.parse(String(token), knownResourceTypes: knownResourceTypes) {
                scopes.append(scope)
            } else if !ignored.contains(String(token)) {
                ignored.append(String(token))
            }
        }
        return ScopeParseResult(scopes: ScopeSet(scopes), ignored: ignored)
    }

    /// The scopes of `string` that Kiln knows (see ``parse(_:knownResourceTypes:)``), the others
    /// left out: for sets that are configured, such as a client's registered scopes.
    public init(parsing string: String, knownResourceTypes: Set<String>? = nil) throws(ScopeError) {
        self = try Self.parse(string, knownResourceTypes: knownResourceTypes).scopes
    }

    /// The resource scopes, in order.
    public var resourceScopes: [ResourceScope] {
        scopes.compactMap {
            if case .resource(let scope) = $0 { return scope }
            return nil
        }
    }

    /// The scopes without resource access, in order.
    public var nonResourceScopes: [NonResourceScope] {
        scopes.compactMap {
            if case .nonResource(let scope) = $0 { return scope }
            return nil
        }
    }

    /// Whether `scope` is in the set.
    public func contains(_ scope: NonResourceScope) -> Bool {
        scopes.contains(.nonResource(scope))
    }

    /// Whether the set has no scopes.
    public var isEmpty: Bool {
        scopes.isEmpty
    }

    /// The scopes joined by single spaces, each as written: the `scope` of a token response.
    public var scopeString: String {
        scopes.map(\.text).joined(separator: " ")
    }

    /// The scopes joined by single spaces, resource scopes in SMART 2 spelling
    /// (`patient/*.read` → `patient/*.rs`): for logs and comparisons, not for token responses.
    public var normalizedScopeString: String {
        scopes.map { scope in
            if case .resource(let resource) = scope { return resource.normalizedText }
            return scope.text
        }.joined(separator: " ")
    }

    /// ``scopeString``.
    public var description: String {
        scopeString
    }
}
