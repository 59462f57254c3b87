/// Splits FHIRPath text into tokens, skipping whitespace and comments.
struct Lexer {
    private let characters: [Character]
    private var index = 0

    init(_ text: String) {
        self.characters = Array(text)
    }

    /// All tokens of the text, ending with an `.end` token.
    static func tokenize(_ text: String) throws(FHIRPathError) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func peek(_ offset: Int = 0) -> Character? {
        let position = index + offset
        return position < characters.count ? characters[position] : nil
    }

    private mutating func skipTrivia() throws(FHIRPathError) {
        while let character = peek() {
            if character.isWhitespace {
                index += 1
            } else if character == "/", peek(1) == "/" {
                while let next = peek(), next != "\n" { index += 1 }
            } else if character == "/", peek(1) == "*" {
                let start = index
                index += 2
                while true {
                    guard let next = peek() else { throw .syntax("unterminated comment: expected */", at: start) }
                    if next == "*", peek(1) == "/" { index += 2; break }
                    index += 1
                }
            } else {
                return
            }
        }
    }

    private mutating func next() throws(FHIRPathError) -> Token {
        try skipTrivia()
        let start = index
        guard let character = peek() else { return Token(kind: .end, text: "", position: start) }
        if character.isLetter || character == "_" {
            while let next = peek(), next.isLetter || next.isNumber || next == "_" { index += 1 }
            return Token(kind: .identifier, text: String(characters[start..<index]), position: start)
        }
        if character.isASCII, character.isNumber { return lexNumber(start) }
        switch character {
        case "'":
            return Token(kind: .string, text: try lexQuoted("'"), position: start)
        case "`":
            return Token(kind: .delimitedIdentifier, text: try lexQuoted("`"), position: start)
        case "@":
            index += 1
            return Token(kind: .dateTime, text: try lexDateTime(start), position: start)
        case "%":
            index += 1
            let name: String
            switch peek() {
            case "`": name = try lexQuoted("`")
            case "'": name = try lexQuoted("'")
            case let next? where next.isLetter || next == "_":
                let nameStart = index
                while let next = peek(), next.isLetter || next.isNumber || next == "_" || next == "-" { index += 1 }
                name = String(characters[nameStart..<index])
            default:
                throw .syntax("expected a variable name after %", at: start)
            }
            return Token(kind: .externalConstant, text: name, position: start)
        case "$":
            index += 1
            let nameStart = index
            while let next = peek(), next.isLetter { index += 1 }
            let name = String(characters[nameStart..<index])
            guard ["this", "index", "total"].contains(name) else { throw .syntax("expected $this, $index or $total", at: start) }
            return Token(kind: .special, text: name, position: start)
        default:
            return try lexSymbol(start)
        }
    }

    private mutating func lexNumber(_ start: Int) -> Token {
        while let next = peek(), next.isASCII, next.isNumber { index += 1 }
        if peek() == ".", let after = peek(1), after.isASCII, after.isNumber {
            index += 1
            while let next = peek(), next.isASCII, next.isNumber { index += 1 }
        } else if peek() == "L" {
            let text = String(characters[start..<index])
            index += 1
            return Token(kind: .longNumber, text: text, position: start)
        }
        return Token(kind: .number, text: String(characters[start..<index]), position: start)
    }

    private mutating func lexQuoted(_ quote: Character) throws(FHIRPathError) -> String {
        let start = index
        index += 1
        var result = ""
        while true {
            guard let character = peek() else { throw .syntax("unterminated \(quote == "'" ? "string" : "identifier"): expected \(quote)", at: start) }
            index += 1
            if character == quote { return result }
            guard character == "\\" else { result.append(character); continue }
            guard let escaped = peek() else { throw .syntax("unterminated escape", at: index) }
            index += 1
            switch escaped {
            case "n": result.append("\n")
            case "r": result.append("\r")
            case "t": result.append("\t")
            case "f": result.append("\u{0C}")
            case "u":
                var code: UInt32 = 0
                for _ in 0..<4 {
                    guard let digit = peek()?.hexDigitValue else { throw .syntax("expected four hex digits after \\u", at: index) }
                    code = code * 16 + UInt32(digit)
                    index += 1
                }
                if let scalar = Unicode.Scalar(code) { result.unicodeScalars.append(scalar) }
            default: result.append(escaped)
            }
        }
    }

    private mutating func digits(_ count: Int) -> Bool {
        for offset in 0..<count {
            guard let character = peek(offset), character.isASCII, character.isNumber else { return false }
        }
        index += count
        return true
    }

    private mutating func lexTime() {
        guard digits(2) else { return }
        guard peek() == ":", digits2(at: 1) else { return }
        index += 3
        guard peek() == ":", digits2(at: 1) else { return }
        index += 3
        if peek() == ".", let digit = peek(1), digit.isASCII, digit.isNumber {
            index += 1
            while let next = peek(), next.isASCII, next.isNumber { index += 1 }
        }
    }

    private func digits2(at offset: Int) -> Bool {
        guard let first = peek(offset), let second = peek(offset + 1) else { return false }
        return first.isASCII && first.isNumber && second.isASCII && second.isNumber
    }

    private mutating func lexDateTime(_ start: Int) throws(FHIRPathError) -> String {
        let bodyStart = index
        if peek() == "T" {
            index += 1
            lexTime()
            guard index > bodyStart + 1 else { throw .syntax("expected a time after @T", at: start) }
            return String(characters[bodyStart..<index])
        }
        guard digits(4) else { throw .syntax("expected a date (YYYY-MM-DD) or time (Thh:mm:ss) after @", at: start) }
        if peek() == "-", digits2(at: 1) {
            index += 3
            if peek() == "-", digits2(at: 1) { index += 3 }
        }
        if peek() == "T" {
            index += 1
            lexTime()
            if peek() == "Z" {
                index += 1
            } else if let sign = peek(), sign == "+" || sign == "-", digits2(at: 1), peek(3) == ":", digits2(at: 4) {
                index += 6
            }
        }
        return String(characters[bodyStart..<index])
    }

    private mutating func lexSymbol(_ start: Int) throws(FHIRPathError) -> Token {
        let pairs = ["<=", ">=", "!=", "!~"]
        if let second = peek(1), let first = peek(), pairs.contains(String([first, second])) {
            index += 2
            return Token(kind: .symbol, text: String([first, second]), position: start)
        }
        guard let character = peek(), "+-*/&|=~<>()[]{},.".contains(character) else {
            throw .syntax("unexpected character '\(peek().map(String.init) ?? "")'", at: start)
        }
        index += 1
        return Token(kind: .symbol, text: String(character), position: start)
    }
}
