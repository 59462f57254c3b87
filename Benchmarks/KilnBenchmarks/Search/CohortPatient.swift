import FHIRModel
import KilnTesting

/// The search benchmark's Patients: forty family names, four of which start with "Smi" (a tenth
/// of the patients), given names, both genders, and birth dates spread over 1935–2010.
///
/// Patient `index` always has the same content.
enum CohortPatient {
    /// The name prefix the name search looks for; the families that start with it are a tenth.
    static let namePrefix = "smi"
    /// The first and last year of birth.
    static let birthYears = 1935...2010

    private static let families = [
        "Smith", "Smithers", "Smits", "Smirnova",
        "Chalmers", "Nguyen", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Alvarez", "Kowalski", "Haddad", "O'Brien",
        "Schmidt", "Svensson", "Rossi", "Novak", "Dubois", "Silva", "Jensen", "Murphy", "Fischer", "Kim",
        "Patel", "Cohen", "Walker", "Ivanova", "Mendes", "Yamamoto", "Larsen", "Costa", "Brennan", "Horvat",
        "Mwangi", "Abebe", "Santos", "Weber", "Baker", "Garcia",
    ]
    private static let givens = ["Peter", "Amara", "Lukas", "Mei", "Tomás", "Ingrid", "Yusuf", "Chloé", "Ravi", "Sofia", "Kwame", "Elena"]

    /// A Patient as generated, with the facts the searches are drawn from.
    struct Drawn {
        /// The Patient, without `id`.
        let resource: JSONValue
        /// Whether the family name starts with ``namePrefix``.
        let matchesNamePrefix: Bool
        /// The year of birth.
        let birthYear: Int
    }

    /// Patient number `index`.
    static func make(index: Int) -> Drawn {
        var random = SyntheticRandom(seed: 0x5EA2_C000_0000 &+ UInt64(index))
        let family = families[Int.random(in: 0..<families.count, using: &random)]
        let given = givens[Int.random(in: 0..<givens.count, using: &random)]
        let year = Int.random(in: birthYears, using: &random)
        let month = Int.random(in: 1...12, using: &random)
        let day = Int.random(in: 1...28, using: &random)
        let female = Bool.random(using: &random)
        var patient = Fixtures.patient(
            family: family,
            given: given,
            mrn: "MRN-\(String(20_000_000 + index))",
            birthDate: "\(year)-\(CohortDate.twoDigits(month))-\(CohortDate.twoDigits(day))"
        )
        if female, case .object(var object) = patient {
            object["gender"] = "female"
            patient = .object(object)
        }
        return Drawn(resource: patient, matchesNamePrefix: family.lowercased().hasPrefix(namePrefix), birthYear: year)
    }
}
