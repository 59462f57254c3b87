import FHIRAccess

extension AccessFilter {
    /// A filter letting through what either lets through (exact). The policy combines
    /// compartments only; granular restrictions travel in ``SMARTDecision/restriction``.
    func union(_ other: AccessFilter) -> AccessFilter {
        guard let mine = patientIDs, let theirs = other.patientIDs else { return .unrestricted }
        return .patientCompartment(patientIDs: Self.unique(mine + theirs))
    }

    /// A filter letting through only what both let through. For two compartment filters it is
    /// the compartments of the patients in both lists: a resource in the compartments of two
    /// different patients, one in each list, is left out, so the result never lets through more.
    func intersection(_ other: AccessFilter) -> AccessFilter {
        guard let mine = patientIDs else { return other }
        guard let theirs = other.patientIDs else { return self }
        let theirSet = Set(theirs)
        return .patientCompartment(patientIDs: Self.unique(mine.filter { theirSet.contains($0) }))
    }

    /// Whether this is a compartment filter of no patient.
    var isEmptyCompartment: Bool {
        patientIDs?.isEmpty == true
    }

    /// The ids in first-seen order, each once.
    static func unique(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }
}
