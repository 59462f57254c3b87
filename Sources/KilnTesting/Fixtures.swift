public import FHIRModel

/// Valid R4 resources for tests and benchmarks.
public enum Fixtures {
    /// The identifier system of fixture patients' medical record numbers.
    public static let mrnSystem = "http://hospital.example.org/mrn"

    /// A Patient with a name, gender, birth date and an MRN identifier.
    public static func patient(family: String = "Chalmers", given: String = "Peter", mrn: String? = nil, id: String? = nil, birthDate: String = "1974-12-25") -> JSONValue {
        var patient: JSONObject = JSONObject([
            ("resourceType", "Patient"),
        ])
        if let id { patient["id"] = .string(id) }
        if let mrn {
            patient["identifier"] = [["system": .string(mrnSystem), "value": .string(mrn)]]
        }
        patient["active"] = true
        patient["name"] = [["use": "official", "family": .string(family), "given": [.string(given)]]]
        patient["gender"] = "male"
        patient["birthDate"] = .string(birthDate)
        return .object(patient)
    }

    /// A final laboratory Observation (LOINC code, UCUM quantity) about `subject`.
    public static func observation(
        subject: String,
        loinc: String = "2339-0",
        display: String = "Glucose [Mass/volume] in Blood",
        value: String = "95.50",
        unit: String = "mg/dL",
        effective: String = "2024-05-01T08:30:00Z",
        id: String? = nil
    ) -> JSONValue {
        var observation = JSONObject([("resourceType", "Observation")])
        if let id { observation["id"] = .string(id) }
        observation["status"] = "final"
        observation["category"] = [[
            "coding": [[
                "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                "code": "laboratory",
                "display": "Laboratory",
            ]],
        ]]
        observation["code"] = [
            "coding": [["system": "http://loinc.org", "code": .string(loinc), "display": .string(display)]],
            "text": .string(display),
        ]
        observation["subject"] = ["reference": .string(subject)]
        observation["effectiveDateTime"] = .string(effective)
        observation["valueQuantity"] = [
            "value": .number(JSONNumber(value) ?? JSONNumber(0)),
            "unit": .string(unit),
            "system": "http://unitsofmeasure.org",
            "code": .string(unit),
        ]
        return .object(observation)
    }

    /// A transaction Bundle that creates `resources` (POST), each with a `urn:uuid:` fullUrl.
    public static func transaction(_ resources: [(fullURL: String, resource: JSONValue)]) -> JSONValue {
        [
            "resourceType": "Bundle",
            "type": "transaction",
            "entry": .array(resources.map { item in
                [
                    "fullUrl": .string(item.fullURL),
                    "resource": item.resource,
                    "request": ["method": "POST", "url": .string(item.resource["resourceType"]?.stringValue ?? "")],
                ]
            }),
        ]
    }
}
