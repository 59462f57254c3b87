/// Which patients the search benchmark loads, and how they are batched.
///
/// Every patient comes with ``observationsPerPatient`` Observations and
/// ``reportsPerPatient`` DiagnosticReports that group them, ``resourcesPerPatient`` resources in
/// all. Patients `0..<bulkPatients` are bulk-loaded through the store, ``bulkPatientsPerBatch``
/// to a transaction; the next ``apiPatients`` are posted through the HTTP API as transaction
/// Bundles of ``apiPatientsPerBundle`` patients.
public struct SearchDataPlan: Sendable, Hashable {
    /// Observations per patient: 16.
    public static let observationsPerPatient = 16
    /// DiagnosticReports per patient: 3, each with about a third of the patient's Observations as results.
    public static let reportsPerPatient = 3
    /// Resources per patient: the Patient, its Observations and its DiagnosticReports (20).
    public static let resourcesPerPatient = 1 + observationsPerPatient + reportsPerPatient
    /// Patients per API transaction Bundle: 5, so a Bundle has 100 entries as in `kiln bench`.
    public static let apiPatientsPerBundle = 5

    /// Patients bulk-loaded.
    public let bulkPatients: Int
    /// Patients per bulk transaction.
    public let bulkPatientsPerBatch: Int
    /// Patients posted through the API, after the bulk-loaded ones.
    public let apiPatients: Int

    /// The plan for `options`: enough patients for at least the scale's resource counts.
    public init(options: SearchBenchmarkOptions) {
        bulkPatients = Self.patients(for: options.bulkResourceCount)
        bulkPatientsPerBatch = max(options.batchResources / Self.resourcesPerPatient, 1)
        apiPatients = Self.patients(for: options.apiResourceCount)
    }

    private static func patients(for resources: Int) -> Int {
        (resources + resourcesPerPatient - 1) / resourcesPerPatient
    }

    /// Resources bulk-loaded.
    public var bulkResources: Int { bulkPatients * Self.resourcesPerPatient }
    /// Resources posted through the API.
    public var apiResources: Int { apiPatients * Self.resourcesPerPatient }
    /// Bulk transactions.
    public var bulkBatches: Int { (bulkPatients + bulkPatientsPerBatch - 1) / bulkPatientsPerBatch }
    /// API transaction Bundles.
    public var apiBundles: Int { (apiPatients + Self.apiPatientsPerBundle - 1) / Self.apiPatientsPerBundle }

    /// The patients of bulk transaction `batch`.
    public func bulkPatients(inBatch batch: Int) -> Range<Int> {
        let first = batch * bulkPatientsPerBatch
        return first..<min(first + bulkPatientsPerBatch, bulkPatients)
    }

    /// The patients of API Bundle `bundle` (numbered after the bulk-loaded ones).
    public func apiPatients(inBundle bundle: Int) -> Range<Int> {
        let first = bulkPatients + bundle * Self.apiPatientsPerBundle
        return first..<min(first + Self.apiPatientsPerBundle, bulkPatients + apiPatients)
    }
}
