import FHIRDeidentify
import FHIRModel

/// The row identities one research response needs, keyed `Type/id`: those of the resources it
/// serves and of every resource they reference that the view serves. The pseudonymizer of the
/// response reads them, so a reference resolves to the same pseudonym as its target's own id.
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

    /// The relative references (`Type/id`) in `resource` to types in `served` whose rows are not
    /// recorded yet.
    func missingTargets(in resource: JSONValue, served: Set<String>) -> [(resourceType: String, id: String)] {
        var found: [(resourceType: String, id: String)] = []
        var seen: Set<Key> = []
        Self.collect(resource, served: served) { type, id in
            let key = Key(type: type, id: id)
            if keys[key] == nil, seen.insert(key).inserted { found.append((type, id)) }
        }
        return found
    }

    private static func collect(_ value: JSONValue, served: Set<String>, into found: (String, String) -> Void) {
        switch value {
        case .object(let object):
            for (key, member) in object {
                if key == "reference", let text = member.stringValue,
                   let target = ReferencePseudonymization.target(of: text, isResourceType: served.contains) {
                    found(target.type, target.id)
                } else {
                    collect(member, served: served, into: found)
                }
            }
        case .array(let items):
            for item in items { collect(item, served: served, into: found) }
        default:
            break
        }
    }
}

/// The pseudonymizer of one research response: the project's keyed pseudonyms over the rows
/// ``ResearchRowKeys`` recorded; a resource without a recorded row has none.
struct ResearchPseudonymizer: Pseudonymizer {
    let keyed: KeyedPseudonymizer

    /// Pseudonyms under `secret` for the rows in `rows`.
    init(secret: PseudonymSecret, rows: ResearchRowKeys) {
        keyed = KeyedPseudonymizer(secret: secret) { type, id in rows.rowID(type: type, id: id) }
    }

    func pseudonym(resourceType: String, id: String) -> String? {
        keyed.pseudonym(resourceType: resourceType, id: id)
    }
}
