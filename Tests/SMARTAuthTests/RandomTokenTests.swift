import SMARTAuth
import Testing

@Suite struct RandomTokenTests {
    private func isURLSafe(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    @Test func tokensAre256BitsOfURLSafeText() {
        let tokens = (0..<100).map { _ in RandomToken.make() }
        #expect(tokens.allSatisfy { $0.count == 43 && isURLSafe($0) })
        #expect(Set(tokens).count == 100)
    }

    @Test func tokensHaveAtLeast128Bits() {
        #expect(RandomToken.make(byteCount: 4).count == 22)
        #expect(RandomToken.make(byteCount: 64).count == 86)
    }

    @Test func passwordsAre144BitsOfURLSafeText() {
        let password = RandomToken.password()
        #expect(password.count == 24)
        #expect(isURLSafe(password))
        #expect(password != RandomToken.password())
    }
}
