import FHIRAccess

extension AccessFilter {
    /// A filter letting through what either lets through (exact).
    func union(_ other: AccessFilter) -> AccessFilter {
        switch (self, other) {
        case (.unrestricted, _), (_, .unrestricted):
            return .unrestricted
        case (.patientCompartment(let mine), .patientCompartment(let theirs)):
            return .patientCompartment(patientIDs: Self.unique(mine + theirs))
        }
    }

    /// A filter letting through only what both let through. For two compartment filters it is
    /// the compartments of the patients in both lists: a resource in the compartments of two
    /// different patients, one in each list, is left out, so the result never lets through more.
    func intersection(_ other: AccessFilter) -> AccessFilter {
        switch (self, other) {
        case (.unrestricted, _):
            return other
        case (_, .unrestricted):
            return self
        case (.patientCompartment(let mine), .patientCompartment(let theirs)):
            let theirSet = Set(theirs)
            return .patientCompartment(patientIDs: Self.unique(mine.filter { theirSet.contains($0) }))
        }
    }

    /// Whether this is a compartment filter of no patient.
    var isEmptyCompartment: Bool {
        self == .patientCompartment(patientIDs: [])
    }

    /// The ids in first-seen order, each once.
    static func unique(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }
}
