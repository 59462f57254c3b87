import Foundation

extension FunctionCall {
    /// The string functions. Their input must be a single string (empty gives empty).
    func string(_ function: FunctionName) throws -> [FHIRPathValue] {
        if function == .join {
            let separator = arguments.isEmpty ? "" : (try stringArgument(0) ?? "")
            let parts = try input.map { item -> String in
                guard case .string(let text) = item.systemValue else { throw FHIRPathError.execution("join() needs strings, found \(item.typeName)") }
                return text
            }
            return [.string(parts.joined(separator: separator))]
        }
        guard let item = try singleInput() else { return [] }
        guard case .string(let text) = item else {
            throw FHIRPathError.semantic("\(function.rawValue)() needs a string input, found \(item.typeName)")
        }
        switch function {
        case .indexOf, .lastIndexOf:
            guard let needle = try stringArgument(0) else { return [] }
            if needle.isEmpty { return [.integer(function == .indexOf ? 0 : text.count)] }
            let range = function == .indexOf ? text.range(of: needle) : text.range(of: needle, options: .backwards)
            return [.integer(range.map { text.distance(from: text.startIndex, to: $0.lowerBound) } ?? -1)]
        case .substring:
            guard let start = try integerArgument(0) else { return [] }
            let characters = Array(text)
            guard start >= 0, start < characters.count else { return [] }
            var length = characters.count - start
            if arguments.count > 1, let requested = try integerArgument(1) { length = max(0, min(requested, length)) }
            return [.string(String(characters[start..<(start + length)]))]
        case .startsWith, .endsWith, .contains:
            guard let other = try stringArgument(0) else { return [] }
            switch function {
            case .startsWith: return [.boolean(text.hasPrefix(other))]
            case .endsWith: return [.boolean(text.hasSuffix(other))]
            default: return [.boolean(other.isEmpty || text.contains(other))]
            }
        case .upper:
            return [.string(text.uppercased())]
        case .lower:
            return [.string(text.lowercased())]
        case .replace:
            guard let pattern = try stringArgument(0), let replacement = try stringArgument(1) else { return [] }
            if pattern.isEmpty {
                return [.string(replacement + text.map { String($0) + replacement }.joined())]
            }
            return [.string(text.replacingOccurrences(of: pattern, with: replacement))]
        case .matches, .matchesFull:
            guard let pattern = try stringArgument(0) else { return [] }
            let regex = try Self.regex(function == .matchesFull ? "^(?:\(pattern))$" : pattern)
            let range = NSRange(text.startIndex..., in: text)
            return [.boolean(regex.firstMatch(in: text, range: range) != nil)]
        case .replaceMatches:
            guard let pattern = try stringArgument(0), let replacement = try stringArgument(1) else { return [] }
            if pattern.isEmpty { return [.string(text)] }
            let regex = try Self.regex(pattern)
            let range = NSRange(text.startIndex..., in: text)
            return [.string(regex.stringByReplacingMatches(in: text, range: range, withTemplate: replacement))]
        case .length:
            return [.integer(text.count)]
        case .toChars:
            return text.map { .string(String($0)) }
        case .trim:
            return [.string(text.trimmingCharacters(in: .whitespacesAndNewlines))]
        case .split:
            guard let separator = try stringArgument(0) else { return [] }
            return text.components(separatedBy: separator).map(FHIRPathValue.string)
        case .encode, .decode:
            guard let format = try stringArgument(0) else { return [] }
            return try Self.code(text, format: format, encode: function == .encode).map { [.string($0)] } ?? []
        case .escape, .unescape:
            guard let format = try stringArgument(0) else { return [] }
            return [.string(Self.escape(text, format: format, escape: function == .escape))]
        default:
            return []
        }
    }

    private static func regex(_ pattern: String) throws -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        } catch {
            throw FHIRPathError.execution("invalid regular expression '\(pattern)'")
        }
    }

    private static func code(_ text: String, format: String, encode: Bool) throws -> String? {
        switch format {
        case "base64", "urlbase64":
            if encode {
                var result = Data(text.utf8).base64EncodedString()
                if format == "urlbase64" { result = result.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_") }
                return result
            }
            var source = text
            if format == "urlbase64" { source = source.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/") }
            return Data(base64Encoded: source).flatMap { String(data: $0, encoding: .utf8) }
        case "hex":
            if encode { return text.utf8.map { String(format: "%02x", $0) }.joined() }
            var bytes: [UInt8] = []
            var characters = Array(text)[...]
            while characters.count >= 2 {
                guard let byte = UInt8(String(characters.prefix(2)), radix: 16) else { return nil }
                bytes.append(byte)
                characters = characters.dropFirst(2)
            }
            return String(bytes: bytes, encoding: .utf8)
        default:
            throw FHIRPathError.execution("unknown encoding '\(format)'")
        }
    }

    private static func escape(_ text: String, format: String, escape: Bool) -> String {
        let pairs: [(String, String)] = format == "html"
            ? [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&#39;")]
            : [("\\", "\\\\"), ("\"", "\\\""), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t")]
        var result = text
        for (plain, escaped) in (escape ? pairs : pairs.reversed()) {
            result = escape ? result.replacingOccurrences(of: plain, with: escaped) : result.replacingOccurrences(of: escaped, with: plain)
        }
        return result
    }
}
