import Foundation
import Testing
import UCUM

/// Errors name the position and what was expected.
@Suite("UCUM errors")
struct ErrorTests {
    let ucum = UCUMSystem.shared

    @Test("A trailing operator expects a unit at the end")
    func trailingOperator() throws {
        let error = try #require(ucum.validate("m/"))
        #expect(error.kind == .syntax)
        #expect(error.position == 2)
        #expect(error.message.contains("expected a unit"))
    }

    @Test("An unknown unit is named with its position")
    func unknownUnit() throws {
        let error = try #require(ucum.validate("mg/foo"))
        #expect(error.kind == .unknownUnit)
        #expect(error.position == 3)
        #expect(error.message.contains("'foo'"))
    }

    @Test("A number joined to a unit without '.' is refused with a hint")
    func numberJoinedToUnit() throws {
        let error = try #require(ucum.validate("g/12h"))
        #expect(error.position == 2)
        #expect(error.message.contains("joined with '.'"))
    }

    @Test("A prefix on a non-metric unit says why")
    func prefixOnNonMetric() throws {
        let error = try #require(ucum.validate("k[lb_av]"))
        #expect(error.message.contains("not metric"))
    }

    @Test("An unclosed parenthesis, bracket or brace is reported")
    func unclosed() throws {
        #expect(try #require(ucum.validate("(m.s")).message.contains("')'"))
        #expect(try #require(ucum.validate("[in_i")).message.contains("']'"))
        #expect(try #require(ucum.validate("m{x")).message.contains("'}'"))
    }

    @Test("Spaces and non-ASCII characters are refused")
    func characters() throws {
        #expect(try #require(ucum.validate("m s")).position == 1)
        #expect(ucum.validate("rad2{錠}") != nil)
        #expect(ucum.validate("{two words}") == nil)
    }

    @Test("The empty expression is not a unit")
    func empty() {
        #expect(ucum.validate("")?.kind == .syntax)
    }

    @Test("Incommensurable units cannot be converted")
    func notComparable() throws {
        #expect(throws: UCUMError.self) { try ucum.convert(1, from: "g", to: "m") }
        do {
            _ = try ucum.convert(1, from: "mg", to: "mL")
        } catch {
            #expect(error.kind == .notComparable)
        }
    }

    @Test("Huge exponents are refused, not overflowed")
    func hugeExponent() {
        #expect(ucum.validate("m99999999999999999999")?.kind == .syntax)
        #expect(throws: UCUMError.self) { try ucum.canonical("10*9999") }
    }

    @Test("The description includes the position")
    func description() {
        #expect(UCUMError(.syntax, "expected ')'", position: 4).description == "expected ')' (at position 4)")
    }
}
