import FHIRDefinitions
import Synchronization

/// What the rules decide for an element path, found once per engine and then looked up: the
/// path is resolved in the type model, its kind and choice stem worked out and its method
/// chosen, which costs more than the rest of de-identifying the element.
///
/// A decision depends on the path alone (a path names its root type, its choice stems and its
/// datatype), so every request of every research project with this profile shares the table.
final class MemberDecisions: Sendable {
    /// One path's decision.
    struct Decision: Sendable {
        /// The element's name in the type model (a choice's stem, `value`).
        var name: String
        /// Whether the element is a choice (`value[x]`).
        var isChoice: Bool
        /// Whether the choice may be a Range (an age band may then replace an Age).
        var allowsRange: Bool
        /// What sort of element it is.
        var kind: ElementKind
        /// The method; nil: removed.
        var method: DeidentificationMethod?
    }

    /// The most paths kept: beyond it decisions are made again each time (a bound on memory
    /// for resources with unbounded unknown member names).
    static let capacity = 20_000

    private let table = Mutex<[String: Decision?]>([:])

    /// An empty table.
    init() {}

    /// The decision recorded for `path`: nil when none is yet, `.some(nil)` when the path was
    /// found not to resolve.
    func recorded(_ path: String) -> Decision?? {
        table.withLock { $0[path] }
    }

    /// Records the decision for `path` (nil: it does not resolve).
    func record(_ decision: Decision?, for path: String) {
        table.withLock { table in
            if table.count < Self.capacity { table[path] = .some(decision) }
        }
    }
}
