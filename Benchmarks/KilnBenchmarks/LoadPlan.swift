/// Which resources go into which batch: Patients and their Observations, a fixed number of
/// entries per batch.
///
/// Every batch of ``entriesPerBundle`` entries holds ``patientsPerBundle`` Patients and the
/// Observations about them (``observationsPerPatient`` each), so a transaction Bundle can refer to
/// its Patients by their `urn:uuid:` fullUrls. The last batch may be smaller.
public struct LoadPlan: Sendable, Hashable {
    /// Entries in a full transaction Bundle (and rows in a full multi-row INSERT): 100.
    public static let entriesPerBundle = 100
    /// Patients in a full batch: 2.
    public static let patientsPerBundle = 2
    /// Observations about each Patient: 49, so a full batch has exactly 100 entries.
    public static let observationsPerPatient = (entriesPerBundle - patientsPerBundle) / patientsPerBundle

    /// The number of Observations to load.
    public let observationCount: Int

    /// A plan for `observationCount` Observations (at least one).
    public init(observationCount: Int) {
        self.observationCount = max(observationCount, 1)
    }

    /// The number of Patients: one per ``observationsPerPatient`` Observations, rounded up.
    public var patientCount: Int {
        (observationCount + Self.observationsPerPatient - 1) / Self.observationsPerPatient
    }

    /// The number of resources of both types.
    public var resourceCount: Int { observationCount + patientCount }

    /// The number of batches.
    public var bundleCount: Int {
        let perBundle = Self.observationsPerPatient * Self.patientsPerBundle
        return (observationCount + perBundle - 1) / perBundle
    }

    /// The Patients of batch `bundle`, by index.
    public func patients(inBundle bundle: Int) -> Range<Int> {
        let first = bundle * Self.patientsPerBundle
        return first..<min(first + Self.patientsPerBundle, patientCount)
    }

    /// The Observations of batch `bundle`, by index.
    public func observations(inBundle bundle: Int) -> Range<Int> {
        let perBundle = Self.observationsPerPatient * Self.patientsPerBundle
        let first = bundle * perBundle
        return first..<min(first + perBundle, observationCount)
    }

    /// The Patient that Observation `observation` is about.
    public func patient(ofObservation observation: Int) -> Int {
        observation / Self.observationsPerPatient
    }
}
