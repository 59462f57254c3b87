/// One granted scope: a resource scope or one of the SMART scopes without resource access.
public enum Scope: Sendable, Hashable, CustomStringConvertible {
    /// `patient/Observation.rs` and the like.
    case resource(ResourceScope)
    /// `openid`, `launch/patient`, `offline_access`, …
    case nonResource(NonResourceScope)

    /// Parses one scope token.
    ///
    /// Returns nil for a scope Kiln does not know that is not a resource scope (`email`,
    /// `launch/fhirContext`): it is not granted, but not an error either. A token that starts
    /// with `patient/`, `user/` or `system/`, or has the shape `word/Type.permissions`, is a
    /// resource scope and must parse as one.
    public static func parse(_ text: String, knownResourceTypes: Set<String>? = nil) throws(ScopeError) -> Scope? {
        if let scope = NonResourceScope(rawValue: text) { return .nonResource(scope) }
        guard looksLikeResourceScope(text) else { return nil }
        return .resource(try ResourceScope(parsing: text, knownResourceTypes: knownResourceTypes))
    }

    /// The scope as written.
    public var text: String {
        switch self {
        case .resource(let scope): scope.text
        case .nonResource(let scope): scope.rawValue
        }
    }

    /// ``text``.
    public var description: String {
        text
    }

    /// `patient/…`, `user/…`, `system/…`, or another word before a `/` followed by `*` or a
    /// capitalised name and a dot (`group/Observation.rs`, `Patient/*.read`). `launch/…` is
    /// launch context, never a resource scope.
    private static func looksLikeResourceScope(_ text: String) -> Bool {
        guard let slash = text.firstIndex(of: "/") else { return false }
        let context = text[..<slash]
        if ScopeContext(rawValue: String(context)) != nil { return true }
        guard context != "launch", !context.isEmpty, context.unicodeScalars.allSatisfy(\.isASCIILetter) else { return false }
        let rest = text[text.index(after: slash)...]
        guard let first = rest.unicodeScalars.first, first == "*" || first.isASCIIUppercase else { return false }
        let type = rest.prefix { $0 != "." && $0 != "?" }
        return rest.dropFirst(type.count).first == "."
    }
}
