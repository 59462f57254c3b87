@testable import FHIRPath
import Testing

@Suite struct LexerTests {
    @Test func stringEscapesAreDecoded() throws {
        let tokens = try Lexer.tokenize(#"'a\'b\n\u0041'"#)
        #expect(tokens[0].kind == .string)
        #expect(tokens[0].text == "a'b\nA")
    }

    @Test func dateTimeLiteralsKeepTheirPrecision() throws {
        let tokens = try Lexer.tokenize("@2012-04-15T10:30:00.123+02:00 @T14:30 @2015T")
        #expect(tokens.map(\.text).prefix(3) == ["2012-04-15T10:30:00.123+02:00", "T14:30", "2015T"])
    }

    @Test func commentsAreSkippedAndUnterminatedOnesRejected() throws {
        #expect(try Lexer.tokenize("1 // x\n + /* y */ 2").map(\.text) == ["1", "+", "2", ""])
        #expect(throws: FHIRPathError.self) { try Lexer.tokenize("1 /* open") }
    }

    @Test func aNumberFollowedByAFunctionIsNotADecimal() throws {
        #expect(try Lexer.tokenize("1.abs()").map(\.text) == ["1", ".", "abs", "(", ")", ""])
    }
}
