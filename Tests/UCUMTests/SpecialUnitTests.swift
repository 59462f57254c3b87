import Foundation
import Testing
import UCUM

/// Special units: the temperature scales convert with their offsets; others only to themselves.
@Suite("UCUM special units")
struct SpecialUnitTests {
    let ucum = UCUMSystem.shared

    @Test("37 Cel is 310.15 K")
    func celsiusToKelvin() throws {
        #expect(try ucum.convert(37, from: "Cel", to: "K") == decimal("310.15"))
        #expect(try ucum.convert(decimal("310.15"), from: "K", to: "Cel") == 37)
        #expect(try ucum.canonicalQuantity(37, unit: "Cel") == (decimal("310.15"), "K"))
    }

    @Test("98.6 [degF] is 37 Cel")
    func fahrenheitToCelsius() throws {
        #expect(try ucum.convert(decimal("98.6"), from: "[degF]", to: "Cel") == 37)
        #expect(try ucum.convert(-40, from: "Cel", to: "[degF]") == -40)
        #expect(try ucum.convert(32, from: "[degF]", to: "K") == decimal("273.15"))
    }

    @Test("Réaumur: 80 [degRe] is 100 Cel")
    func reaumur() throws {
        #expect(try ucum.convert(80, from: "[degRe]", to: "Cel") == 100)
    }

    @Test("The canonical form of Cel carries its offset")
    func celsiusCanonical() throws {
        let unit = try ucum.canonical("Cel")
        #expect(unit.factor == 1)
        #expect(unit.offset == decimal("273.15"))
        #expect(unit.text == "K")
    }

    @Test("Inside a compound unit a temperature scale is a difference")
    func temperatureDifference() throws {
        #expect(try ucum.convert(1, from: "Cel/h", to: "K/h") == 1)
        #expect(try ucum.canonical("Cel/h").offset == 0)
    }

    @Test("pH and logarithmic units convert only to themselves and their prefixed forms")
    func nonConvertibleSpecials() throws {
        #expect(ucum.validate("[pH]") == nil)
        #expect(!ucum.isComparable("[pH]", "mol/L"))
        #expect(try ucum.convert(1, from: "B", to: "dB") == 10)
        #expect(!ucum.isComparable("B", "Np"))
    }

    @Test("Quantities on an interval scale are not multiplied")
    func noArithmeticOnScales() {
        #expect(throws: UCUMError.self) { try ucum.multiply((2, "Cel"), (3, "m")) }
    }
}
