import Foundation
import Testing
import UCUM

/// Multiplication and division of quantities (unit algebra).
@Suite("UCUM quantity arithmetic")
struct ArithmeticTests {
    let ucum = UCUMSystem.shared

    @Test("Units multiply symbol by symbol")
    func multiply() throws {
        let (value, unit) = try ucum.multiply((decimal("1.5"), "g"), (2, "m"))
        #expect(value == 3)
        #expect(unit == "g.m")
    }

    @Test("Equal symbols combine their exponents")
    func combineExponents() throws {
        let (value, unit) = try ucum.multiply((2, "cm"), (3, "cm"))
        #expect(value == 6)
        #expect(unit == "cm2")
        #expect(try ucum.divide((6, "cm2"), (3, "cm")) == (2, "cm"))
    }

    @Test("Dividing incommensurable units gives a quotient unit")
    func divide() throws {
        let (value, unit) = try ucum.divide((decimal("1.5"), "g"), (2, "m"))
        #expect(value == decimal("0.75"))
        #expect(unit == "g.m-1")
        #expect(try ucum.divide((10, "mg"), (1, "dL")) == (10, "mg.dL-1"))
    }

    @Test("Dividing commensurable units gives unity")
    func divideCommensurable() throws {
        let (value, unit) = try ucum.divide((1, "g"), (500, "mg"))
        #expect(value == 2)
        #expect(unit == "1")
    }

    @Test("Unit factors fold into the value")
    func factorsFold() throws {
        #expect(try ucum.multiply((2, "4.s"), (1, "m")) == (8, "s.m"))
    }

    @Test("Division by zero is an error")
    func divisionByZero() {
        #expect(throws: UCUMError.self) { try ucum.divide((1, "g"), (0, "m")) }
    }
}
