@testable import KilnServer
import Testing

/// The request id kept from `X-Request-ID` or made.
@Suite("Request id")
struct RequestIDTests {
    @Test("A client's id of letters, digits and -_.: up to 64 characters is kept")
    func keepsValidIDs() {
        #expect(RequestID.accepting("abc-123_X.y:z") == "abc-123_X.y:z")
        let longest = String(repeating: "a", count: 64)
        #expect(RequestID.accepting(longest) == longest)
    }

    @Test("Anything else is replaced by a new UUID: too long, empty, spaces, control characters, non-ASCII")
    func replacesOthers() {
        for value in [String(repeating: "a", count: 65), "", "a b", "a\nb", "é", "a;drop", "<script>"] {
            let id = RequestID.accepting(value)
            #expect(id != value)
            #expect(id.count == 36)
            #expect(RequestID.isAcceptable(id))
        }
        #expect(RequestID.accepting(nil).count == 36)
        #expect(RequestID.make() != RequestID.make())
    }
}
