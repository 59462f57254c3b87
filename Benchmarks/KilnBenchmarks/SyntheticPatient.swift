public import FHIRModel
import KilnTesting

/// The benchmark's Patients: the subjects of the synthetic Observations, with varied names.
public enum SyntheticPatient {
    private static let families = ["Chalmers", "Nguyen", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Alvarez", "Kowalski", "Haddad", "O'Brien"]
    private static let givens = ["Peter", "Amara", "Lukas", "Mei", "Tomás", "Ingrid", "Yusuf", "Chloé", "Ravi", "Sofia", "Kwame"]

    /// Patient number `index`, without `id`: the server assigns it.
    public static func make(index: Int) -> JSONValue {
        var random = SyntheticRandom(seed: 0x0BA7_0000_0000 &+ UInt64(index))
        let year = Int.random(in: 1935...2010, using: &random)
        let month = Int.random(in: 1...12, using: &random)
        let day = Int.random(in: 1...28, using: &random)
        return Fixtures.patient(
            family: families[index % families.count],
            given: givens[(index / families.count) % givens.count],
            mrn: "MRN-\(String(10_000_000 + index))",
            birthDate: "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        )
    }
}
