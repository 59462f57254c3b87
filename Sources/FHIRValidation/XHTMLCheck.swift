/// The checks on narrative XHTML that need no XML parser: the root `div` in the XHTML
/// namespace, no active content, and no entities XHTML does not define.
enum XHTMLCheck {
    /// Elements narrative must not contain.
    static let forbiddenElements: Set<String> = ["script", "form", "iframe", "object", "embed", "applet", "base", "link", "meta", "style"]

    /// Why `text` is not acceptable narrative, or nil. One pass over the bytes.
    static func problem(with text: String) -> String? {
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count, isSpace(bytes[start]) { start += 1 }
        guard bytes.count - start >= 4, bytes[start] == UInt8(ascii: "<"), lower(bytes[start + 1]) == UInt8(ascii: "d"),
              lower(bytes[start + 2]) == UInt8(ascii: "i"), lower(bytes[start + 3]) == UInt8(ascii: "v") else {
            return "narrative must be an XHTML <div> element"
        }
        guard let tagEnd = bytes[start...].firstIndex(of: UInt8(ascii: ">")) else { return "the narrative <div> is not closed" }
        let openingTag = String(decoding: bytes[start..<tagEnd], as: UTF8.self)
        guard openingTag.contains("xmlns=\"http://www.w3.org/1999/xhtml\"") || openingTag.contains("xmlns='http://www.w3.org/1999/xhtml'") else {
            return "the narrative <div> must declare the XHTML namespace (xmlns=\"http://www.w3.org/1999/xhtml\")"
        }
        var position = start
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "<") {
                var end = position + 1
                while end < bytes.count, isLetter(bytes[end]) || isDigit(bytes[end]) { end += 1 }
                if end > position + 1 {
                    let name = String(decoding: bytes[(position + 1)..<end].map(lower), as: UTF8.self)
                    if forbiddenElements.contains(name) { return "narrative must not contain <\(name)> elements" }
                }
            } else if byte == UInt8(ascii: "&") {
                var end = position + 1
                while end < bytes.count, end - position < 34, isLetter(bytes[end]) || isDigit(bytes[end]) { end += 1 }
                if end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > position + 1, isLetter(bytes[position + 1]) {
                    let name = String(decoding: bytes[(position + 1)..<end], as: UTF8.self)
                    if !["lt", "gt", "amp", "quot", "apos"].contains(name) {
                        return "the narrative uses the entity '&\(name);', which XHTML does not define (use the character or a numeric reference)"
                    }
                }
            } else if isSpace(byte), position + 3 < bytes.count, lower(bytes[position + 1]) == UInt8(ascii: "o"), lower(bytes[position + 2]) == UInt8(ascii: "n") {
                // An event handler attribute: ` on…=`.
                var end = position + 3
                while end < bytes.count, isLetter(bytes[end]) { end += 1 }
                if end > position + 3, end < bytes.count, bytes[end] == UInt8(ascii: "=") {
                    let name = String(decoding: bytes[(position + 1)..<end].map(lower), as: UTF8.self)
                    return "narrative must not contain active content (the \(name) attribute)"
                }
            } else if lower(byte) == UInt8(ascii: "j"), matches(bytes, at: position, "javascript:") {
                return "narrative must not contain active content (javascript: links)"
            }
            position += 1
        }
        var end = bytes.count
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        let closes = end - start >= 6 && String(decoding: bytes[(end - 6)..<end].map(lower), as: UTF8.self) == "</div>"
        guard closes || bytes[tagEnd - 1] == UInt8(ascii: "/") else { return "the narrative <div> is not closed with </div>" }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private static func lower(_ byte: UInt8) -> UInt8 { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte }

    private static func matches(_ bytes: [UInt8], at position: Int, _ word: String) -> Bool {
        let target = Array(word.utf8)
        guard position + target.count <= bytes.count else { return false }
        for offset in 0..<target.count where lower(bytes[position + offset]) != target[offset] { return false }
        return true
    }
}
