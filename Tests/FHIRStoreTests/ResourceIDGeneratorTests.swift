import FHIRStore
import Foundation
import Testing

@Suite("Server-assigned ids")
struct ResourceIDGeneratorTests {
    @Test("Ids are lowercase UUID version 7 strings, unique, and ordered by creation time")
    func uuidVersion7() {
        let earlier = ResourceIDGenerator.make(now: Date(timeIntervalSince1970: 1_700_000_000))
        let later = ResourceIDGenerator.make(now: Date(timeIntervalSince1970: 1_700_000_001))
        #expect(earlier.count == 36)
        #expect(Array(earlier)[14] == "7")
        #expect(earlier < later)
        #expect(earlier == earlier.lowercased())
        let many = Set((0..<1000).map { _ in ResourceIDGenerator.make() })
        #expect(many.count == 1000)
    }
}
