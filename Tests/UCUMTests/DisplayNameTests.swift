import Foundation
import Testing
import UCUM

/// Display names for people.
@Suite("UCUM display names")
struct DisplayNameTests {
    let ucum = UCUMSystem.shared

    @Test("Names combine prefix and unit names, with exponents")
    func names() throws {
        #expect(try ucum.displayName("mm") == "(millimeter)")
        #expect(try ucum.displayName("m3.kg-1.s-2") == "(meter ^ 3) * (kilogram ^ -1) * (second ^ -2)")
        #expect(try ucum.displayName("mg/dL") == "(milligram) / (deciliter)")
    }

    @Test("The empty expression is unity")
    func unity() throws {
        #expect(try ucum.displayName("") == "(unity)")
    }
}
