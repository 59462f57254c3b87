/// The equivalence classes of a research population's quasi-identifiers: how many patients
/// share each combination the view shows, how many are in classes smaller than `k` (the ones
/// a linkage on those values could single out), and a histogram of class sizes.
public struct QuasiIdentifierReport: Sendable, Hashable, Codable {
    /// One equivalence class.
    public struct EquivalenceClass: Sendable, Hashable, Codable {
        /// The values its patients share.
        public var key: QuasiIdentifierKey
        /// How many patients it holds.
        public var size: Int

        /// A class.
        public init(key: QuasiIdentifierKey, size: Int) {
            self.key = key
            self.size = size
        }
    }

    /// One bar of the histogram.
    public struct Bar: Sendable, Hashable, Codable {
        /// A class size.
        public var size: Int
        /// How many classes have it.
        public var classes: Int
        /// How many patients are in those classes.
        public var patients: Int

        /// A bar.
        public init(size: Int, classes: Int, patients: Int) {
            self.size = size
            self.classes = classes
            self.patients = patients
        }
    }

    /// The profile whose generalizations make the keys.
    public var profile: String
    /// What the key holds (see ``QuasiIdentifiers/dimensions``).
    public var dimensions: [String]
    /// The smallest class size that is not flagged.
    public var k: Int
    /// The patients counted.
    public var patients: Int
    /// The classes, smallest first (then by key).
    public var classes: [EquivalenceClass]
    /// The patients in classes smaller than ``k``.
    public var patientsBelowK: Int
    /// The classes smaller than ``k``.
    public var classesBelowK: Int
    /// Class sizes and how many classes have each, smallest first.
    public var histogram: [Bar]

    enum CodingKeys: String, CodingKey {
        case profile, dimensions, k, patients, classes
        case patientsBelowK = "patients_below_k", classesBelowK = "classes_below_k", histogram
    }

    /// The report of these class counts.
    public init(counts: [QuasiIdentifierKey: Int], k: Int, profile: String, dimensions: [String]) {
        self.profile = profile
        self.dimensions = dimensions
        self.k = k
        classes = counts.map { EquivalenceClass(key: $0.key, size: $0.value) }
            .sorted { ($0.size, $0.key) < ($1.size, $1.key) }
        patients = counts.values.reduce(0, +)
        let small = classes.filter { $0.size < k }
        classesBelowK = small.count
        patientsBelowK = small.reduce(0) { $0 + $1.size }
        var bySize: [Int: Int] = [:]
        for equivalenceClass in classes { bySize[equivalenceClass.size, default: 0] += 1 }
        histogram = bySize.keys.sorted().map { size in
            let count = bySize[size] ?? 0
            return Bar(size: size, classes: count, patients: size * count)
        }
    }
}
