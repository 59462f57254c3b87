/// One token value to match, as a search parameter writes it: `system|code`, `code`, `|code` or `system|`.
public struct TokenCriterion: Sendable, Hashable {
    /// The system to match: nil matches any system, empty matches values without a system.
    public var system: String?
    /// The code to match: nil matches any code (only with a system).
    public var code: String?

    /// A criterion from its parts.
    public init(system: String?, code: String?) {
        self.system = system
        self.code = code
    }

    /// Parses the token syntax of the FHIR search page; nil for an empty value.
    public init?(parsing text: String) {
        guard !text.isEmpty else { return nil }
        if let bar = text.firstIndex(of: "|") {
            let system = String(text[..<bar])
            let code = String(text[text.index(after: bar)...])
            guard !(system.isEmpty && code.isEmpty) else { return nil }
            self.init(system: system, code: code.isEmpty ? nil : code)
        } else {
            self.init(system: nil, code: text)
        }
    }
}
