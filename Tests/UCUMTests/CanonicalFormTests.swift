import Foundation
import Testing
import UCUM

/// Every unit reduces to a factor times base units.
@Suite("UCUM canonical form")
struct CanonicalFormTests {
    let ucum = UCUMSystem.shared

    @Test("4.0000 g and 4000.0 mg have the same canonical quantity")
    func gramsAndMilligrams() throws {
        let grams = try ucum.canonicalQuantity(decimal("4.0000"), unit: "g")
        let milligrams = try ucum.canonicalQuantity(decimal("4000.0"), unit: "mg")
        #expect(grams.value == milligrams.value)
        #expect(grams.unit == "g")
        #expect(milligrams.unit == "g")
    }

    @Test("Derived units reduce to base units")
    func derivedUnits() throws {
        let newton = try ucum.canonical("N")
        #expect(newton.factor == 1000)
        #expect(newton.dimensions == ["g": 1, "m": 1, "s": -2])
        #expect(newton.text == "g.m.s-2")
        #expect(try ucum.canonical("Pa").dimensions == ["g": 1, "m": -1, "s": -2])
    }

    @Test("mg/dL is 10 g/m3")
    func massConcentration() throws {
        let unit = try ucum.canonical("mg/dL")
        #expect(unit.factor == 10)
        #expect(unit.text == "g.m-3")
    }

    @Test("Dimensionless units have the text 1")
    func dimensionless() throws {
        #expect(try ucum.canonical("%").text == "1")
        #expect(try ucum.canonical("%").factor == decimal("0.01"))
        #expect(try ucum.canonical("{cells}").text == "1")
        #expect(try ucum.canonical("10*3").factor == 1000)
    }

    @Test("Annotations do not change the canonical form")
    func annotationsIgnored() throws {
        #expect(try ucum.canonical("mg{creat}") == ucum.canonical("mg"))
    }

    @Test("Arbitrary units are their own dimension; [IU] is [iU]")
    func arbitraryUnits() throws {
        #expect(try ucum.canonical("[IU]").dimensions == ["[iU]": 1])
        #expect(try ucum.canonical("m[IU]/L").factor == decimal("1"))
        #expect(ucum.isComparable("[IU]/L", "m[IU]/mL"))
        #expect(!ucum.isComparable("[IU]", "[arb'U]"))
        #expect(!ucum.isComparable("[IU]", "1"))
    }

    @Test("Calendar units follow UCUM: a = 365.25 d, mo = a/12, wk = 7 d")
    func calendarUnits() throws {
        #expect(try ucum.convert(1, from: "a", to: "d") == decimal("365.25"))
        #expect(try ucum.convert(1, from: "mo", to: "d") == decimal("30.4375"))
        #expect(try ucum.convert(1, from: "wk", to: "d") == 7)
        #expect(try ucum.convert(1, from: "d", to: "h") == 24)
    }

    @Test("Every unit of the essence reduces")
    func everyUnitReduces() {
        for unit in ucum.essence.units {
            #expect(throws: Never.self) { try ucum.canonical(unit.code) }
        }
    }
}
