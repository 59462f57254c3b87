import Synchronization

/// The index plans already built, by resource type, shared by every request that indexes.
final class IndexPlanCache: Sendable {
    private let plans = Mutex<[String: IndexPlan]>([:])

    init() {}

    /// The plan of `resourceType`, built with `build` the first time it is asked for.
    func plan(for resourceType: String, build: () -> IndexPlan) -> IndexPlan {
        if let plan = plans.withLock({ $0[resourceType] }) { return plan }
        let plan = build()
        return plans.withLock { known in
            if let existing = known[resourceType] { return existing }
            known[resourceType] = plan
            return plan
        }
    }
}
