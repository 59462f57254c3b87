/// The distinct invariants of a type model, numbered in the order first met.
struct ConstraintTable {
    /// The distinct invariants, in the order first met.
    private(set) var constraints: [ElementConstraint] = []
    private var indices: [ElementConstraint: Int] = [:]

    /// The number of `constraint`, adding it when it is new.
    mutating func index(of constraint: ElementConstraint) -> Int {
        if let index = indices[constraint] { return index }
        constraints.append(constraint)
        indices[constraint] = constraints.count - 1
        return constraints.count - 1
    }
}
