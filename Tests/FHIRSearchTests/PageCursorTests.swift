import FHIRSearch
import Testing

@Suite struct PageCursorTests {
    @Test func roundTripsThroughItsTextForm() throws {
        let cursor = PageCursor(anchor: 1_234_567, direction: .previous, issuedAt: 1_790_000_000, queryDigest: 0xDEAD_BEEF)
        let text = cursor.encoded
        #expect(!text.contains("+") && !text.contains("/") && !text.contains("="))
        #expect(PageCursor(encoded: text) == cursor)
    }

    @Test func refusesOtherText() {
        #expect(PageCursor(encoded: "") == nil)
        #expect(PageCursor(encoded: "not a cursor") == nil)
        #expect(PageCursor(encoded: "AQE") == nil)
    }
}
