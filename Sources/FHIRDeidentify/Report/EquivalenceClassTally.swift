public import FHIRModel

/// Counts patients into equivalence classes one at a time, so a population is streamed through
/// it and only the class counts are kept.
///
/// ```swift
/// var tally = EquivalenceClassTally(identifiers: QuasiIdentifiers(rules: rules, referenceDate: now))
/// for patient in patients { tally.add(patient) }
/// let report = tally.report(k: 11)
/// ```
public struct EquivalenceClassTally: Sendable {
    /// How the patients' keys are made.
    public let identifiers: QuasiIdentifiers
    /// The patients counted per class.
    public private(set) var counts: [QuasiIdentifierKey: Int] = [:]

    /// An empty tally.
    public init(identifiers: QuasiIdentifiers) {
        self.identifiers = identifiers
    }

    /// Counts one Patient resource; anything else is ignored.
    public mutating func add(_ patient: JSONValue) {
        guard let object = patient.objectValue, object["resourceType"]?.stringValue == "Patient" else { return }
        counts[identifiers.key(of: object), default: 0] += 1
    }

    /// The report of the patients counted so far, with classes smaller than `k` flagged.
    public func report(k: Int) -> QuasiIdentifierReport {
        QuasiIdentifierReport(counts: counts, k: k, profile: identifiers.profile, dimensions: identifiers.dimensions)
    }
}
