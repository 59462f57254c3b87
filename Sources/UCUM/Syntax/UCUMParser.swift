import Foundation

/// A recursive-descent parser for the UCUM grammar (case-sensitive codes):
///
/// ```
/// main-term   = "/" term | term
/// term        = term "." component | term "/" component | component
/// component   = annotatable annotation? | annotation | factor annotation? | "(" term ")"
/// annotatable = prefix? atom exponent?          exponent = ("+" | "-")? digits
/// ```
struct UCUMParser {
    /// Exponents beyond this many digits are refused rather than risk overflow.
    static let maximumExponentDigits = 4
    /// Nesting of parentheses beyond this depth is refused.
    static let maximumDepth = 32

    private let vocabulary: UCUMVocabulary
    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    init(_ text: String, vocabulary: UCUMVocabulary) {
        self.vocabulary = vocabulary
        self.bytes = Array(text.utf8)
    }

    mutating func parse() throws(UCUMError) -> UCUMExpression {
        try checkCharacters()
        guard !bytes.isEmpty else { throw UCUMError(.syntax, "expected a unit, found an empty expression", position: 0) }
        let expression: UCUMExpression
        if peek == UInt8(ascii: "/") {
            index += 1
            expression = .reciprocal(try parseTerm())
        } else {
            expression = try parseTerm()
        }
        if index < bytes.count {
            throw unexpected("'.', '/' or the end of the expression")
        }
        return expression
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func parseTerm() throws(UCUMError) -> UCUMExpression {
        var term = try parseComponent()
        while let byte = peek, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/") {
            index += 1
            let next = try parseComponent()
            term = byte == UInt8(ascii: ".") ? .product(term, next) : .quotient(term, next)
        }
        return term
    }

    private mutating func parseComponent() throws(UCUMError) -> UCUMExpression {
        guard let byte = peek else {
            throw unexpected("a unit, a number, an annotation or '('")
        }
        switch byte {
        case UInt8(ascii: "("):
            guard depth < Self.maximumDepth else { throw UCUMError(.syntax, "parentheses are nested too deeply", position: index) }
            let open = index
            index += 1
            depth += 1
            let inner = try parseTerm()
            depth -= 1
            guard peek == UInt8(ascii: ")") else {
                if peek == nil { throw UCUMError(.syntax, "expected ')' to close the '(' at position \(open)", position: index) }
                throw unexpected("')', '.' or '/'")
            }
            index += 1
            return .group(inner)
        case UInt8(ascii: "{"):
            return .annotation(try parseAnnotation())
        default:
            return try parseSymbolOrFactor()
        }
    }

    private mutating func parseSymbolOrFactor() throws(UCUMError) -> UCUMExpression {
        let start = index
        while let byte = peek, !Self.delimiters.contains(byte) {
            if byte == UInt8(ascii: "[") {
                guard let close = bytes[index...].firstIndex(of: UInt8(ascii: "]")) else {
                    throw UCUMError(.syntax, "expected ']' to close the '['", position: index)
                }
                index = close + 1
            } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                throw unexpected("a unit")
            } else {
                index += 1
            }
        }
        guard index > start else { throw unexpected("a unit, a number, an annotation or '('") }
        let run = Array(bytes[start..<index])
        if run.allSatisfy(Self.isDigit) {
            guard let value = Decimal(string: String(decoding: run, as: UTF8.self)) else {
                throw UCUMError(.syntax, "the number is too large", position: start)
            }
            return .factor(value, annotation: try parseOptionalAnnotation())
        }
        var symbol = try symbol(from: run, at: start)
        symbol.annotation = try parseOptionalAnnotation()
        return .symbol(symbol)
    }

    private func symbol(from run: [UInt8], at start: Int) throws(UCUMError) -> UCUMSymbol {
        var digitsStart = run.count
        while digitsStart > 0, Self.isDigit(run[digitsStart - 1]) { digitsStart -= 1 }
        var exponentStart = digitsStart
        if digitsStart < run.count, digitsStart > 0, run[digitsStart - 1] == UInt8(ascii: "+") || run[digitsStart - 1] == UInt8(ascii: "-") {
            exponentStart -= 1
        }
        var exponent = 1
        if digitsStart < run.count {
            guard run.count - digitsStart <= Self.maximumExponentDigits,
                  let value = Int(String(decoding: run[exponentStart...], as: UTF8.self))
            else {
                throw UCUMError(.syntax, "the exponent is too large", position: start + exponentStart)
            }
            exponent = value
        }
        let text = String(decoding: run[..<exponentStart], as: UTF8.self)
        guard !text.isEmpty else { throw UCUMError(.syntax, "expected a unit before the exponent", position: start) }
        guard let (prefix, atom) = vocabulary.resolve(text) else {
            if let atom = vocabulary.prefixedNonMetric(text) {
                throw UCUMError(.unknownUnit, "'\(text)' is not a UCUM unit: '\(atom)' is not metric and takes no prefix", position: start)
            }
            if text.first?.isNumber == true, run.contains(where: { !Self.isDigit($0) }) {
                throw UCUMError(.unknownUnit, "'\(text)' is not a UCUM unit (a number and a unit are joined with '.')", position: start)
            }
            throw UCUMError(.unknownUnit, "'\(text)' is not a UCUM unit", position: start)
        }
        return UCUMSymbol(prefix: prefix, atom: atom.code, exponent: exponent, position: start)
    }

    private mutating func parseOptionalAnnotation() throws(UCUMError) -> String? {
        peek == UInt8(ascii: "{") ? try parseAnnotation() : nil
    }

    private mutating func parseAnnotation() throws(UCUMError) -> String {
        let open = index
        guard let close = bytes[index...].firstIndex(of: UInt8(ascii: "}")) else {
            throw UCUMError(.syntax, "expected '}' to close the '{'", position: open)
        }
        let content = bytes[(open + 1)..<close]
        if let nested = content.firstIndex(of: UInt8(ascii: "{")) {
            throw UCUMError(.syntax, "annotations cannot contain '{'", position: nested)
        }
        index = close + 1
        return String(decoding: content, as: UTF8.self)
    }

    /// Printable ASCII only; a space only inside an annotation.
    private func checkCharacters() throws(UCUMError) {
        var inAnnotation = false
        for (offset, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "{") { inAnnotation = true }
            if byte == UInt8(ascii: "}") { inAnnotation = false }
            let allowed = (0x21...0x7E).contains(byte) || (inAnnotation && byte == 0x20)
            guard allowed else {
                throw UCUMError(
                    .syntax, "UCUM expressions use printable ASCII only, without spaces",
                    position: characterOffset(offset)
                )
            }
        }
    }

    private func unexpected(_ expected: String) -> UCUMError {
        guard index < bytes.count else {
            return UCUMError(.syntax, "expected \(expected), found the end of the expression", position: index)
        }
        let found = Character(Unicode.Scalar(bytes[index]))
        return UCUMError(.syntax, "expected \(expected), found '\(found)'", position: index)
    }

    /// The character offset of a UTF-8 offset, for messages about non-ASCII input.
    private func characterOffset(_ offset: Int) -> Int {
        String(decoding: bytes[..<offset], as: UTF8.self).count
    }

    private static let delimiters: Set<UInt8> = Set(".()/{".utf8)

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
