import FHIRDeidentify
import Synchronization

/// Row identities keyed by type and id: those of the resources a research response serves, or
/// of resources they reference. The response's pseudonymizer reads them, so a reference
/// resolves to the same pseudonym as its target's own id.
struct ResearchRowKeys: Sendable {
    /// A resource's type and id.
    private struct Key: Hashable {
        var type: String
        var id: String
    }

    private var keys: [Key: Int64] = [:]

    /// Records the row identity of `type`/`id`.
    mutating func record(type: String, id: String, rowID: Int64) {
        keys[Key(type: type, id: id)] = rowID
    }

    /// Records several at once (`Type/id` → row).
    mutating func merge(_ found: [String: Int64]) {
        for (reference, rowID) in found {
            guard let slash = reference.utf8.firstIndex(of: UInt8(ascii: "/")) else { continue }
            let key = Key(type: String(reference[..<slash]), id: String(reference[reference.index(after: slash)...]))
            if keys[key] == nil { keys[key] = rowID }
        }
    }

    /// The row identity of `type`/`id`, if recorded.
    func rowID(type: String, id: String) -> Int64? {
        keys[Key(type: type, id: id)]
    }
}

/// The row identities one research response finds while it de-identifies: those of its own
/// rows, then those an earlier response looked up (the store's cache), for resources of the
/// types the view serves; any other is missed and noted, so that the response can look the
/// missed ones up in one query and de-identify again the resources that referred to them.
/// A reference to a type the view does not serve never gets a row, so never a pseudonym.
final class ResearchRowResolver: Sendable {
    private struct State {
        var found = ResearchRowKeys()
        var missed: [(resourceType: String, id: String)] = []
        var missedKeys: Set<String> = []
        var missCount = 0
    }

    private let rows: ResearchRowKeys
    private let served: Set<String>
    private let known: @Sendable (_ resourceType: String, _ id: String) -> Int64?
    private let state = Mutex(State())

    /// A resolver over the response's own `rows`, asking `known` (which must never wait) for
    /// the rest of the types in `served`.
    init(rows: ResearchRowKeys, served: Set<String>, known: @escaping @Sendable (_ resourceType: String, _ id: String) -> Int64?) {
        self.rows = rows
        self.served = served
        self.known = known
    }

    /// The row identity of `type`/`id`, or nil; a resource of a served type whose row is not
    /// known yet is noted as missed.
    func rowID(type: String, id: String) -> Int64? {
        if let rowID = rows.rowID(type: type, id: id) { return rowID }
        guard served.contains(type) else { return nil }
        if let rowID = state.withLock({ $0.found.rowID(type: type, id: id) }) { return rowID }
        if let rowID = known(type, id) { return rowID }
        state.withLock { state in
            state.missCount += 1
            if state.missedKeys.insert("\(type)/\(id)").inserted { state.missed.append((type, id)) }
        }
        return nil
    }

    /// How many lookups have missed so far; a walk during which it grew met a row not known yet.
    var missCount: Int { state.withLock { $0.missCount } }

    /// The resources missed since the last call, each once.
    func takeMissed() -> [(resourceType: String, id: String)] {
        state.withLock { state in
            defer {
                state.missed = []
                state.missedKeys = []
            }
            return state.missed
        }
    }

    /// Records rows looked up for missed resources (`Type/id` → row).
    func merge(_ found: [String: Int64]) {
        state.withLock { $0.found.merge(found) }
    }
}

/// The pseudonymizer of one research response: the project's keyed pseudonyms over the rows
/// a ``ResearchRowResolver`` finds; a resource without a row found has none.
struct ResearchPseudonymizer: Pseudonymizer {
    let keyed: KeyedPseudonymizer

    /// Pseudonyms under `secret` for the rows `rows` finds.
    init(secret: PseudonymSecret, rows: ResearchRowResolver) {
        keyed = KeyedPseudonymizer(secret: secret) { type, id in rows.rowID(type: type, id: id) }
    }

    func pseudonym(resourceType: String, id: String) -> String? {
        keyed.pseudonym(resourceType: resourceType, id: id)
    }
}
