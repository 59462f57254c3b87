import FHIRModel
import FHIRValidation
import Testing

/// Kiln's research profiles, shipped as differentials in fhir-profiles/kiln and validated with
/// the shipped registry (which generates their snapshots) and terminology.
@Suite struct KilnProfileTests {
    static let labObservation = "https://kiln.dev/fhir/StructureDefinition/lab-observation"
    static let researchPatient = "https://kiln.dev/fhir/StructureDefinition/research-patient"

    static func observation(code: (system: String, code: String), unit: (system: String?, code: String)) -> JSONValue {
        var quantity = JSONObject()
        quantity["value"] = .number(JSONNumber("5.5") ?? JSONNumber(5))
        quantity["unit"] = .string(unit.code)
        quantity["code"] = .string(unit.code)
        if let system = unit.system { quantity["system"] = .string(system) }
        return [
            "resourceType": "Observation",
            "status": "final",
            "category": [["coding": [["system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory"]]]],
            "code": ["coding": [["system": .string(code.system), "code": .string(code.code)]]],
            "subject": ["reference": "Patient/1"],
            "effectiveDateTime": "2024-05-01T08:30:00Z",
            "valueQuantity": .object(quantity),
        ]
    }

    @Test func aLOINCCodedUCUMQuantityConforms() throws {
        let validator = try ShippedValidator.make()
        let outcome = validator.validate(Self.observation(code: ("http://loinc.org", "2345-7"), unit: ("http://unitsofmeasure.org", "mmol/L")), options: ValidationOptions(profiles: [Self.labObservation]))
        #expect(!outcome.hasErrors, "\(outcome.errors)")
    }

    @Test func aLocalCodeWithoutLOINCIsRefused() throws {
        let validator = try ShippedValidator.make()
        let outcome = validator.validate(Self.observation(code: ("http://acme.example/lab", "GLU"), unit: ("http://unitsofmeasure.org", "mmol/L")), options: ValidationOptions(profiles: [Self.labObservation]))
        #expect(outcome.errors.contains { $0.diagnostics.contains("loinc") }, "\(outcome.issues)")
    }

    @Test func aUnitOutsideUCUMIsRefused() throws {
        let validator = try ShippedValidator.make()
        let local = validator.validate(Self.observation(code: ("http://loinc.org", "2345-7"), unit: (nil, "mmol/L")), options: ValidationOptions(profiles: [Self.labObservation]))
        #expect(local.errors.contains { $0.expression.first?.hasPrefix("Observation.valueQuantity") == true }, "\(local.issues)")
        let invalid = validator.validate(Self.observation(code: ("http://loinc.org", "2345-7"), unit: ("http://unitsofmeasure.org", "mmol/LL")), options: ValidationOptions(profiles: [Self.labObservation]))
        #expect(invalid.errors.contains { $0.code == .codeInvalid && $0.expression == ["Observation.valueQuantity.code"] }, "\(invalid.issues)")
    }

    @Test func researchPatientNeedsGenderBirthDateAndIdentifier() throws {
        let validator = try ShippedValidator.make()
        let bare: JSONValue = ["resourceType": "Patient", "name": [["family": "Doe"]]]
        let outcome = validator.validate(bare, options: ValidationOptions(profiles: [Self.researchPatient]))
        let messages = outcome.errors.map(\.diagnostics).joined(separator: " ")
        #expect(messages.contains("Patient.gender") && messages.contains("Patient.birthDate") && messages.contains("Patient.identifier"), "\(outcome.issues)")
        let complete: JSONValue = [
            "resourceType": "Patient", "identifier": [["system": "urn:x", "value": "1"]],
            "gender": "female", "birthDate": "1970-01-01",
        ]
        let good = validator.validate(complete, options: ValidationOptions(profiles: [Self.researchPatient]))
        #expect(!good.hasErrors, "\(good.errors)")
    }

    @Test func bindingsUseTheShippedTerminology() throws {
        let validator = try ShippedValidator.make()
        let patient: JSONValue = ["resourceType": "Patient", "gender": "mail"]
        #expect(validator.validate(patient).errors.contains { $0.code == .codeInvalid && $0.expression == ["Patient.gender"] })
        // A SNOMED CT code cannot be checked: a warning or information, never an error.
        let condition: JSONValue = [
            "resourceType": "Condition", "subject": ["reference": "Patient/1"],
            "code": ["coding": [["system": "http://snomed.info/sct", "code": "44054006"]]],
        ]
        #expect(!validator.validate(condition).hasErrors)
    }
}
