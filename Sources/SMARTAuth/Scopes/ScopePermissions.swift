/// The permissions of a resource scope as SMART 2 letters: create, read, update, delete, search.
///
/// SMART 1 permissions are the same sets under other names: `read` is ``v1Read`` (`rs`),
/// `write` is ``v1Write`` (`cud`) and `*` is ``all`` (`cruds`).
///
/// ```swift
/// let granted: ScopePermissions = [.read, .search]
/// granted.letters                 // "rs"
/// granted.contains(.create)       // false
/// ```
public struct ScopePermissions: OptionSet, Sendable, Hashable {
    /// The bits, one per letter.
    public let rawValue: UInt8

    /// Permissions from their bits.
    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// `c`: create a resource (`POST [type]`).
    public static let create = ScopePermissions(rawValue: 1 << 0)
    /// `r`: read a resource by id, a version of it, or its history.
    public static let read = ScopePermissions(rawValue: 1 << 1)
    /// `u`: update or patch a resource.
    public static let update = ScopePermissions(rawValue: 1 << 2)
    /// `d`: delete a resource.
    public static let delete = ScopePermissions(rawValue: 1 << 3)
    /// `s`: search a type (or all types), or read a type's history.
    public static let search = ScopePermissions(rawValue: 1 << 4)

    /// `cruds`, the meaning of the v1 permission `*`.
    public static let all: ScopePermissions = [.create, .read, .update, .delete, .search]
    /// `rs`, the meaning of the v1 permission `read`.
    public static let v1Read: ScopePermissions = [.read, .search]
    /// `cud`, the meaning of the v1 permission `write`.
    public static let v1Write: ScopePermissions = [.create, .update, .delete]
    /// `cud`: the permissions that change stored data.
    public static let writes: ScopePermissions = [.create, .update, .delete]

    /// Each letter with its permission, in the order SMART 2 requires them to be written.
    static let lettersInOrder: [(letter: Character, permission: ScopePermissions)] = [
        ("c", .create), ("r", .read), ("u", .update), ("d", .delete), ("s", .search),
    ]

    /// The SMART 2 letters, in order: `"rs"`, `"cruds"`; empty for no permission.
    public var letters: String {
        String(Self.lettersInOrder.filter { contains($0.permission) }.map(\.letter))
    }

    /// The permission a single letter stands for, if it is one of `c`, `r`, `u`, `d`, `s`.
    public init?(letter: Character) {
        guard let entry = Self.lettersInOrder.first(where: { $0.letter == letter }) else { return nil }
        self = entry.permission
    }
}
