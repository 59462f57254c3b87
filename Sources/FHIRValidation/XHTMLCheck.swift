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
        guard trimmed.trimmingSuffixWhitespace().hasSuffix("</div>") || openingTag.hasSuffix("/") else {
            return "the narrative <div> is not closed with </div>"
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
