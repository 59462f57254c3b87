/// The labels of what was done to one resource, as the walk gathers them: a set of three that
/// costs one byte to add to.
struct LabelSet {
    private var bits: UInt8 = 0

    /// Adds `label`.
    mutating func insert(_ label: DeidentificationLabel) {
        bits |= Self.bit(of: label)
    }

    /// The labels in code order (as `meta.security` lists them).
    var sorted: [DeidentificationLabel] {
        Self.inCodeOrder.filter { bits & Self.bit(of: $0) != 0 }
    }

    private static let inCodeOrder = DeidentificationLabel.allCases.sorted()

    private static func bit(of label: DeidentificationLabel) -> UInt8 {
        switch label {
        case .redacted: 1
        case .pseudonymized: 2
        case .aggregated: 4
        }
    }
}
