@testable import KilnServer
import Synchronization
import Testing

/// How one research response finds the rows its pseudonyms are made of, without a database.
@Suite("ResearchRowResolver")
struct ResearchRowResolverTests {
    /// The rows an earlier response looked up, as the store's cache would give them.
    static let cached: [String: Int64] = ["Patient/p1": 11]

    /// The resources the cache was asked for.
    final class Asked: Sendable {
        private let keys = Mutex<[String]>([])
        func append(_ key: String) { keys.withLock { $0.append(key) } }
        var all: [String] { keys.withLock { $0 } }
    }

    static func resolver(served: Set<String> = ["Patient", "Observation", "Encounter"], asked: Asked = Asked()) -> ResearchRowResolver {
        var rows = ResearchRowKeys()
        rows.record(type: "Observation", id: "o1", rowID: 1)
        return ResearchRowResolver(rows: rows, served: served) { type, id in
            asked.append("\(type)/\(id)")
            return cached["\(type)/\(id)"]
        }
    }

    @Test("The response's own rows come first, then the cache; the cache is not asked for the response's own rows")
    func ownRowsThenCache() {
        let asked = Asked()
        let resolver = Self.resolver(asked: asked)
        #expect(resolver.rowID(type: "Observation", id: "o1") == 1)
        #expect(resolver.rowID(type: "Patient", id: "p1") == 11)
        #expect(asked.all == ["Patient/p1"])
        #expect(resolver.missCount == 0)
        #expect(resolver.takeMissed().isEmpty)
    }

    @Test("A served resource of unknown row is missed once however often it is asked for; after its row is merged it is found")
    func missedThenMerged() {
        let resolver = Self.resolver()
        #expect(resolver.rowID(type: "Encounter", id: "e1") == nil)
        #expect(resolver.rowID(type: "Encounter", id: "e1") == nil)
        #expect(resolver.rowID(type: "Patient", id: "p2") == nil)
        #expect(resolver.missCount == 3)
        let missed = resolver.takeMissed()
        #expect(missed.map { "\($0.resourceType)/\($0.id)" } == ["Encounter/e1", "Patient/p2"])
        #expect(resolver.takeMissed().isEmpty)
        resolver.merge(["Encounter/e1": 21])
        #expect(resolver.rowID(type: "Encounter", id: "e1") == 21)
        // A resource the database does not have stays missing.
        #expect(resolver.rowID(type: "Patient", id: "p2") == nil)
        #expect(resolver.missCount == 4)
    }

    @Test("A type the view does not serve never has a row, so never a pseudonym, and is not missed")
    func unservedTypes() {
        let asked = Asked()
        let resolver = Self.resolver(served: ["Observation"], asked: asked)
        #expect(resolver.rowID(type: "Patient", id: "p1") == nil)
        #expect(resolver.rowID(type: "Practitioner", id: "x") == nil)
        #expect(asked.all.isEmpty)
        #expect(resolver.missCount == 0)
        resolver.merge(["Practitioner/x": 5])
        #expect(resolver.rowID(type: "Practitioner", id: "x") == nil)
    }
}
