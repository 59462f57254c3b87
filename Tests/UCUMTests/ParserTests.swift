import Foundation
import Testing
import UCUM

/// The UCUM grammar: prefixes, atoms, exponents, annotations, factors, operators, parentheses.
@Suite("UCUM parser")
struct ParserTests {
    let ucum = UCUMSystem.shared

    @Test("A prefix applies to a metric atom")
    func prefixOnMetricAtom() throws {
        #expect(try ucum.parse("mg") == .symbol(UCUMSymbol(prefix: "m", atom: "g")))
        #expect(try ucum.parse("kPa") == .symbol(UCUMSymbol(prefix: "k", atom: "Pa")))
    }

    @Test("An exact atom wins over a prefix reading")
    func exactAtomFirst() throws {
        #expect(try ucum.parse("cd") == .symbol(UCUMSymbol(prefix: nil, atom: "cd")))
        #expect(try ucum.parse("Pa") == .symbol(UCUMSymbol(prefix: nil, atom: "Pa")))
    }

    @Test("The longest prefix is tried first")
    func longestPrefix() throws {
        #expect(try ucum.parse("dag") == .symbol(UCUMSymbol(prefix: "da", atom: "g")))
        #expect(try ucum.parse("dL") == .symbol(UCUMSymbol(prefix: "d", atom: "L")))
    }

    @Test("Non-metric units take no prefix")
    func noPrefixOnNonMetric() {
        #expect(ucum.validate("k[in_i]")?.kind == .unknownUnit)
        #expect(ucum.validate("m[lb_av]")?.kind == .unknownUnit)
        #expect(ucum.validate("m[IU]") == nil)
    }

    @Test("Bracketed atoms, including ones with digits and dots inside")
    func bracketedAtoms() throws {
        #expect(try ucum.parse("[in_i]") == .symbol(UCUMSymbol(prefix: nil, atom: "[in_i]")))
        #expect(try ucum.parse("mm[Hg]") == .symbol(UCUMSymbol(prefix: "m", atom: "m[Hg]")))
        #expect(ucum.validate("cm[H2O]") == nil)
        #expect(ucum.validate("B[10.nV]") == nil)
    }

    @Test("Exponents are signed integers after the symbol")
    func exponents() throws {
        #expect(try ucum.parse("m2") == .symbol(UCUMSymbol(prefix: nil, atom: "m", exponent: 2)))
        #expect(try ucum.parse("s-1") == .symbol(UCUMSymbol(prefix: nil, atom: "s", exponent: -1)))
        #expect(try ucum.parse("10*3") == .symbol(UCUMSymbol(prefix: nil, atom: "10*", exponent: 3)))
        #expect(try ucum.parse("10^-3") == .symbol(UCUMSymbol(prefix: nil, atom: "10^", exponent: -3)))
        #expect(try ucum.parse("10*+3") == .symbol(UCUMSymbol(prefix: nil, atom: "10*", exponent: 3)))
    }

    @Test("Multiplication and division associate left to right")
    func leftToRight() throws {
        let g = UCUMExpression.symbol(UCUMSymbol(prefix: nil, atom: "g", position: 0))
        let m = UCUMExpression.symbol(UCUMSymbol(prefix: nil, atom: "m", position: 2))
        let s = UCUMExpression.symbol(UCUMSymbol(prefix: nil, atom: "s", position: 4))
        #expect(try ucum.parse("g/m.s") == .product(.quotient(g, m), s))
        #expect(try ucum.parse("g.m/s") == .quotient(.product(g, m), s))
    }

    @Test("A leading solidus is the reciprocal of the term")
    func leadingSolidus() throws {
        let m = UCUMExpression.symbol(UCUMSymbol(prefix: nil, atom: "m", position: 1))
        #expect(try ucum.parse("/m") == .reciprocal(m))
    }

    @Test("Parentheses group a term")
    func parentheses() throws {
        #expect(ucum.validate("kg/(m.s2)") == nil)
        #expect(ucum.validate("((m))") == nil)
    }

    @Test("Factors are positive integers, optionally annotated")
    func factors() throws {
        let litre = UCUMExpression.symbol(UCUMSymbol(prefix: nil, atom: "L", position: 5))
        #expect(try ucum.parse("1000/L") == .quotient(.factor(1000, annotation: nil), litre))
        #expect(try ucum.parse("1{c}") == .factor(1, annotation: "c"))
    }

    @Test("Annotations follow a symbol or stand alone as unity")
    func annotations() throws {
        #expect(try ucum.parse("mg{creat}") == .symbol(UCUMSymbol(prefix: "m", atom: "g", annotation: "creat")))
        #expect(try ucum.parse("{cells}") == .annotation("cells"))
        #expect(ucum.validate("{cells}/uL") == nil)
        #expect(ucum.validate("{a}rad2{b}") != nil)
    }

    @Test("Codes are case-sensitive")
    func caseSensitive() {
        #expect(ucum.validate("KG") != nil)
        #expect(ucum.validate("MOL") != nil)
    }
}
