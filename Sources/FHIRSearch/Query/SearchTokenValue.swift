/// Reads token search values with the escapes of the search syntax: `system|code`, `code`,
/// `|code` or `system|`, where `\|` is part of the system or code.
enum SearchTokenValue {
    /// The criterion for `text` (escapes kept); nil when it is empty or only `|`.
    static func criterion(_ text: String) -> TokenCriterion? {
        guard !text.isEmpty else { return nil }
        guard let (system, code) = SearchValueText.splitOnce(text, on: "|") else {
            return TokenCriterion(system: nil, code: SearchValueText.unescape(text))
        }
        guard !(system.isEmpty && code.isEmpty) else { return nil }
        return TokenCriterion(system: SearchValueText.unescape(system), code: code.isEmpty ? nil : SearchValueText.unescape(code))
    }

    /// The criterion of an `:of-type` value `system|code|value` for the parameter `code`:
    /// the system and code of the identifier's type, and the code followed by `|` and the value,
    /// as the index stores it. Nil unless all three parts are given.
    static func ofTypeCriterion(_ text: String) -> TokenCriterion? {
        let parts = SearchValueText.split(text, on: "|")
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        return TokenCriterion(
            system: SearchValueText.unescape(parts[0]),
            code: SearchValueText.unescape(parts[1]) + "|" + SearchValueText.unescape(parts[2])
        )
    }
}
