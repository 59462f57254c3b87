/// A JSON object whose members keep the order they were written or added in.
///
/// FHIR resources have few members per object, so lookups scan the ordered storage; this keeps
/// the order a client sent and the order Kiln writes (`resourceType` first) without a second index.
public struct JSONObject: Sendable, Hashable, Sequence {
    /// One member of an object.
    public typealias Member = (key: String, value: JSONValue)

    /// The members, in order.
    public private(set) var members: [Member]

    /// An empty object.
    public init() {
        self.members = []
    }

    /// An empty object with room for `minimumCapacity` members.
    public init(minimumCapacity: Int) {
        self.members = []
        self.members.reserveCapacity(minimumCapacity)
    }

    /// An object with these members, in this order. Later duplicates replace earlier ones.
    public init(_ members: [Member]) {
        self.members = []
        self.members.reserveCapacity(members.count)
        for member in members { self[member.key] = member.value }
    }

    /// An object whose members the caller guarantees to have distinct keys.
    init(uniqueMembers members: [Member]) {
        self.members = members
    }

    /// The number of members.
    public var count: Int { members.count }

    /// True when the object has no members.
    public var isEmpty: Bool { members.isEmpty }

    /// The keys, in order.
    public var keys: [String] { members.map(\.key) }

    /// The value of the member `key`; setting nil removes the member, setting a new key appends it.
    public subscript(key: String) -> JSONValue? {
        get {
            for member in members where Self.sameKey(member.key, key) { return member.value }
            return nil
        }
        set {
            if let index = members.firstIndex(where: { Self.sameKey($0.key, key) }) {
                if let newValue {
                    members[index].value = newValue
                } else {
                    members.remove(at: index)
                }
            } else if let newValue {
                members.append((key: key, value: newValue))
            }
        }
    }

    /// Appends a member whose key the caller knows the object does not have yet (a key taken
    /// from another object while copying some of its members in order), without looking.
    public mutating func appendNew(_ key: String, _ value: JSONValue) {
        members.append((key: key, value: value))
    }

    /// Sets `key` to `value` and moves the member to position `index` (used to keep `resourceType` first).
    public mutating func set(_ key: String, to value: JSONValue, at index: Int) {
        members.removeAll { Self.sameKey($0.key, key) }
        members.insert((key: key, value: value), at: Swift.min(index, members.count))
    }

    /// Removes the member `key` and returns its value.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let index = members.firstIndex(where: { Self.sameKey($0.key, key) }) else { return nil }
        return members.remove(at: index).value
    }

    /// Whether two member names are the same name: JSON compares names by code point, while Swift's
    /// `==` on strings also matches canonically equivalent ones (precomposed `é` and `e` + U+0301).
    /// Most lookups miss on the length alone; native strings then compare as contiguous bytes.
    static func sameKey(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        let contiguous = lhs.utf8.withContiguousStorageIfAvailable { left in
            rhs.utf8.withContiguousStorageIfAvailable { right in left.elementsEqual(right) }
        }
        if let contiguous, let equal = contiguous { return equal }
        return lhs.utf8.elementsEqual(rhs.utf8)
    }

    /// Iterates over the members in order.
    public func makeIterator() -> IndexingIterator<[Member]> {
        members.makeIterator()
    }

    /// Objects are equal when they have the same members with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for member in lhs.members {
            guard let other = rhs[member.key], other == member.value else { return false }
        }
        return true
    }

    /// Hashes the members independently of their order.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        var combined = 0
        for member in members {
            var memberHasher = Hasher()
            memberHasher.combine(member.key)
            memberHasher.combine(member.value)
            combined ^= memberHasher.finalize()
        }
        hasher.combine(combined)
    }
}
