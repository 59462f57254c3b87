import FHIRAccess
import Synchronization

/// The in-process server's access: every read gets the filter of the phase being measured (a
/// caller's compartment or none, with or without its consent scope); writes are unrestricted,
/// so the benchmark can load what it likes.
final class SwitchingAccessController: AccessController {
    private let current = Mutex(AccessFilter.unrestricted)

    /// Reads from now on get `filter`.
    func set(_ filter: AccessFilter) {
        current.withLock { $0 = filter }
    }

    /// The current filter for reads, none for writes.
    func decide(_ request: AccessRequest) -> AccessDecision {
        request.interaction.isWrite ? .allow(.unrestricted) : .allow(current.withLock { $0 })
    }
}
