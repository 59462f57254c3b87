/// The escaping of search values (FHIR R4 search, "Escaping Search Parameters"): a backslash
/// makes the next `,`, `|`, `$` or `\` part of the value instead of a separator.
enum SearchValueText {
    /// The characters a backslash escapes.
    static let escapable: Set<Character> = [",", "|", "$", "\\"]

    /// `text` cut at every `separator` that is not escaped; escapes stay in the pieces so they
    /// can be cut again at another separator.
    static func split(_ text: String, on separator: Character) -> [String] {
        var pieces: [String] = []
        var current = ""
        var escaping = false
        for character in text {
            if escaping {
                current.append(character)
                escaping = false
            } else if character == "\\" {
                current.append(character)
                escaping = true
            } else if character == separator {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        return pieces
    }

    /// `text` cut at the first unescaped `separator`; nil when there is none.
    static func splitOnce(_ text: String, on separator: Character) -> (head: String, tail: String)? {
        var escaping = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if escaping {
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == separator {
                return (String(text[..<index]), String(text[text.index(after: index)...]))
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// `text` with its escapes resolved: `a\,b` is `a,b`. A backslash before any other
    /// character stays as written.
    static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var result = ""
        var pending = false
        for character in text {
            if pending {
                if !escapable.contains(character) { result.append("\\") }
                result.append(character)
                pending = false
            } else if character == "\\" {
                pending = true
            } else {
                result.append(character)
            }
        }
        if pending { result.append("\\") }
        return result
    }

    /// The comma-separated values of a parameter, escapes kept, empty values left out.
    static func values(of text: String) -> [String] {
        split(text, on: ",").filter { !$0.isEmpty }
    }
}
