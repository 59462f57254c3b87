import FHIRPath
import FHIRModel
import Testing

@Suite struct ParserTests {
    @Test func multiplicationBindsTighterThanAddition() throws {
        #expect(try json("1 + 2 * 3") == [7])
    }

    @Test func typeOperatorsBindTighterThanComparison() throws {
        #expect(throws: FHIRPathError.self) { try evaluate("1 > 2 is Boolean") }
    }

    @Test func unaryMinusAppliesAfterInvocation() throws {
        #expect(throws: FHIRPathError.self) { try evaluate("-1.convertsToInteger()") }
    }

    @Test func andBindsTighterThanOr() throws {
        #expect(try json("true or false and false") == [true])
    }

    @Test func syntaxErrorsNameThePosition() {
        do {
            _ = try FHIRPathExpression("name.given +", options: FHIRPathOptions(typeModel: nil))
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.kind == .syntax)
            #expect(error.position == 12)
        }
    }

    @Test func unknownFunctionsAreSemanticErrors() {
        do {
            _ = try FHIRPathExpression("name.frobnicate()", options: FHIRPathOptions(typeModel: nil))
            Issue.record("expected a semantic error")
        } catch {
            #expect(error.kind == .semantic)
        }
    }
}
