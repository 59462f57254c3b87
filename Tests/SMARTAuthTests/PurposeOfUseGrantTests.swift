import SMARTAuth
import Testing

/// Which purpose of use a token may be issued for.
@Suite("Purpose of use of a token request")
struct PurposeOfUseGrantTests {
    func resolve(_ requested: String?, registered: String? = nil, allowed: [String] = [], role: Role? = nil, breakGlass: Bool? = nil) -> String?? {
        try? PurposeOfUseGrant.resolve(requested: requested, registered: registered, allowed: allowed, role: role, breakGlassUser: breakGlass).get()
    }

    func refused(_ requested: String?, registered: String? = nil, allowed: [String] = [], role: Role? = nil, breakGlass: Bool? = nil) -> Bool {
        if case .failure = PurposeOfUseGrant.resolve(requested: requested, registered: registered, allowed: allowed, role: role, breakGlassUser: breakGlass) { return true }
        return false
    }

    @Test("Nothing asked: the registration's purpose, else none (the role's default applies)")
    func nothingAsked() {
        #expect(resolve(nil, registered: "HOPERAT") == .some("HOPERAT"))
        #expect(resolve(nil, role: .clinician) == .some(nil))
    }

    @Test("A purpose asked must be the registration's, an allowed one or the role's default")
    func narrowing() {
        #expect(resolve("HOPERAT", allowed: ["HOPERAT"], role: .clinician) == .some("HOPERAT"))
        #expect(resolve("TREAT", role: .clinician) == .some("TREAT"))
        #expect(refused("HRESCH", role: .clinician))
        #expect(refused("TREAT", registered: "HOPERAT"))
        #expect(resolve("TREAT") == .some("TREAT"))
        #expect(refused("treat"))
        #expect(refused(""))
    }

    @Test("ETREAT needs a break-glass user, or a client that lists it")
    func breakGlass() {
        #expect(resolve("ETREAT", role: .clinician, breakGlass: true) == .some("ETREAT"))
        #expect(refused("ETREAT", allowed: ["ETREAT"], role: .clinician, breakGlass: false))
        #expect(resolve("ETREAT", allowed: ["ETREAT"]) == .some("ETREAT"))
        #expect(refused("ETREAT"))
    }
}
