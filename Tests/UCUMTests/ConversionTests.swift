import Foundation
import Testing
import UCUM

/// Conversion between commensurable units.
@Suite("UCUM conversion")
struct ConversionTests {
    let ucum = UCUMSystem.shared

    @Test("1.5 g/L is 150 mg/dL")
    func massConcentration() throws {
        #expect(try ucum.convert(decimal("1.5"), from: "g/L", to: "mg/dL") == 150)
        #expect(try ucum.convert(150, from: "mg/dL", to: "g/L") == decimal("1.5"))
    }

    @Test("Pounds and kilograms")
    func pounds() throws {
        #expect(try ucum.convert(1, from: "[lb_av]", to: "kg") == decimal("0.45359237"))
        #expect(try ucum.convert(decimal("0.45359237"), from: "kg", to: "[lb_av]") == 1)
    }

    @Test("Millimetres of mercury and pascals")
    func pressure() throws {
        #expect(try ucum.convert(1, from: "mm[Hg]", to: "Pa") == decimal("133.322"))
        #expect(try ucum.convert(120, from: "mm[Hg]", to: "kPa") == decimal("15.99864"))
    }

    @Test("Inches and centimetres")
    func inches() throws {
        #expect(try ucum.convert(1, from: "[in_i]", to: "cm") == decimal("2.54"))
        #expect(try ucum.convert(1, from: "[ft_i]", to: "[in_i]") == 12)
    }

    @Test("Conversion to the same unit is the identity")
    func identity() throws {
        #expect(try ucum.convert(decimal("6.3"), from: "s.m-1", to: "s/m") == decimal("6.3"))
        #expect(try ucum.convert(7, from: "[pH]", to: "[pH]") == 7)
    }

    @Test("Factors in expressions scale the value")
    func factors() throws {
        #expect(try ucum.convert(5, from: "10*3/uL", to: "10*9/L") == 5)
        #expect(try ucum.convert(1, from: "1000/L", to: "/mL") == 1)
    }

    @Test("Comparability needs the same dimensions")
    func comparability() {
        #expect(ucum.isComparable("mg/dL", "g/L"))
        #expect(ucum.isComparable("Cel", "[degF]"))
        #expect(!ucum.isComparable("mg", "mL"))
        #expect(!ucum.isComparable("mg", "not-a-unit"))
    }

    @Test("Canonical quantities are in base units")
    func canonicalQuantity() throws {
        let quantity = try ucum.canonicalQuantity(2, unit: "km/h")
        #expect(quantity.unit == "m.s-1")
        #expect(matches(quantity.value, expected: "0.555555555555555555555555555556"))
    }
}
