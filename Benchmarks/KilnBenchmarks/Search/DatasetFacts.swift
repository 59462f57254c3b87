/// What the bulk-loaded data holds, gathered while it is generated, from which the searches'
/// parameters are drawn so that they return results.
struct DatasetFacts: Sendable {
    /// A patient and a code it has an Observation of on or after ``CohortDate/searchFrom``.
    struct PatientCode: Sendable, Hashable {
        /// The Patient's id.
        let patientID: String
        /// The Observation's LOINC code.
        let code: String
    }

    /// The ids of the bulk-loaded Patients, in load order.
    var patientIDs: [String] = []
    /// One recent code per patient that has one.
    var recentCodes: [PatientCode] = []
    /// Observations per code.
    var observationsPerCode: [String: Int] = [:]
    /// Observations per code whose value is above ``SearchCaseCatalog/quantityThreshold``.
    var aboveThresholdPerCode: [String: Int] = [:]
    /// Patients whose family name starts with ``CohortPatient/namePrefix``, by year of birth.
    var prefixPatientsPerBirthYear: [Int: Int] = [:]

    /// Facts with nothing in them.
    init() {}

    /// The facts of the stored `records` (loaded with ``PatientRecord/Identity/storedIDs``).
    init(records: [PatientRecord]) {
        for record in records { add(record) }
    }

    /// Adds one stored patient's facts.
    mutating func add(_ record: PatientRecord) {
        patientIDs.append(record.patientKey)
        if let recent = record.observations.first(where: { $0.day >= CohortDate.searchFromDay }) {
            recentCodes.append(PatientCode(patientID: record.patientKey, code: recent.code))
        }
        for observation in record.observations {
            observationsPerCode[observation.code, default: 0] += 1
            if observation.value > SearchCaseCatalog.quantityThreshold {
                aboveThresholdPerCode[observation.code, default: 0] += 1
            }
        }
        if record.matchesNamePrefix {
            prefixPatientsPerBirthYear[record.birthYear, default: 0] += 1
        }
    }

    /// Adds `other`'s facts after these.
    mutating func merge(_ other: DatasetFacts) {
        patientIDs += other.patientIDs
        recentCodes += other.recentCodes
        observationsPerCode.merge(other.observationsPerCode, uniquingKeysWith: +)
        aboveThresholdPerCode.merge(other.aboveThresholdPerCode, uniquingKeysWith: +)
        prefixPatientsPerBirthYear.merge(other.prefixPatientsPerBirthYear, uniquingKeysWith: +)
    }
}
