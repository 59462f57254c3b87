import Foundation
/// The checks on narrative XHTML that need no XML parser: the root `div` in the XHTML
/// namespace, and no active content.
enum XHTMLCheck {
    /// Why `text` is not acceptable narrative, or nil.
    static func problem(with text: String) -> String? {
        let trimmed = text.drop { $0.isWhitespace }
        guard trimmed.hasPrefix("<div") else { return "narrative must be an XHTML <div> element" }
        guard let tagEnd = trimmed.firstIndex(of: ">") else { return "the narrative <div> is not closed" }
        let openingTag = trimmed[..<tagEnd]
        guard openingTag.contains("xmlns=\"http://www.w3.org/1999/xhtml\"") || openingTag.contains("xmlns='http://www.w3.org/1999/xhtml'") else {
            return "the narrative <div> must declare the XHTML namespace (xmlns=\"http://www.w3.org/1999/xhtml\")"
        }
        let lower = text.lowercased()
        for forbidden in ["<script", "<form", "<iframe", "<object", "<embed", "<applet", "<base", "<link", "<meta", "<style"] where lower.contains(forbidden) {
            return "narrative must not contain \(forbidden)> elements"
        }
        for attribute in [" onclick=", " onload=", " onerror=", " onmouseover=", "javascript:"] where lower.contains(attribute) {
            return "narrative must not contain active content (\(attribute.trimmingCharacters(in: [" ", "="])))"
        }
        if let entity = unknownEntity(in: text) {
            return "the narrative uses the entity '&\(entity);', which XHTML does not define (use the character or a numeric reference)"
        }
        guard trimmed.trimmingSuffixWhitespace().hasSuffix("</div>") || openingTag.hasSuffix("/") else {
            return "the narrative <div> is not closed with </div>"
        }
        return nil
    }

    /// The first named entity other than XML's five, if any.
    private static func unknownEntity(in text: String) -> Substring? {
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            let after = rest[rest.index(after: ampersand)...]
            guard let semicolon = after.firstIndex(of: ";") else { return nil }
            let name = after[..<semicolon]
            if !name.isEmpty, name.count < 32, name.allSatisfy({ $0.isLetter || $0.isNumber }), !name.hasPrefix("#"),
               !["lt", "gt", "amp", "quot", "apos"].contains(name) {
                return name
            }
            rest = after
        }
        return nil
    }
}

extension Substring {
    fileprivate func trimmingSuffixWhitespace() -> Substring {
        var result = self
        while let last = result.last, last.isWhitespace { result = result.dropLast() }
        return result
    }
}
