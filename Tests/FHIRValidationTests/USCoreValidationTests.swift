import FHIRModel
import FHIRValidation
import Testing

/// Validation against US Core 6.1.0 profiles: slicing, fixed and pattern values, extensions.
@Suite struct USCoreValidationTests {
    let validator: Validator

    init() throws {
        validator = try ShippedDefinitions.validator()
    }
    static let patientProfile = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient"
    static let labProfile = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-lab"
    static let bloodPressureProfile = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-blood-pressure"

    @Test func carebundlePatientConformsToUSCorePatient() throws {
        let patient = try sample("carebundle/Patient.ndjson")
        let outcome = validator.validate(patient, options: ValidationOptions(profiles: [Self.patientProfile]))
        #expect(!outcome.hasErrors, "\(outcome.errors)")
    }

    @Test func patientWithoutIdentifierBreaksUSCore() throws {
        var patient = try sample("carebundle/Patient.ndjson")
        _ = patient.objectValue.map { object in var copy = object; _ = copy.removeValue(forKey: "identifier"); patient = .object(copy) }
        let outcome = validator.validate(patient, options: ValidationOptions(profiles: [Self.patientProfile]))
        #expect(outcome.errors.contains { $0.code == .required && $0.diagnostics.contains("Patient.identifier") }, "\(outcome.issues)")
        // Against the base definition alone the same Patient is valid.
        #expect(!validator.validate(patient, options: ValidationOptions(includesClaimedProfiles: false)).hasErrors)
    }

    @Test func raceExtensionIsValidatedAgainstItsDefinition() throws {
        let patient = try json(#"""
            {"resourceType":"Patient","identifier":[{"system":"urn:x","value":"1"}],"name":[{"family":"A"}],"gender":"female",
             "extension":[{"url":"http://hl7.org/fhir/us/core/StructureDefinition/us-core-race",
                           "extension":[{"url":"text","valueString":"Mixed"},{"url":"ombCategory","valueString":"wrong type"}]}]}
            """#)
        let outcome = validator.validate(patient, options: ValidationOptions(profiles: [Self.patientProfile]))
        #expect(outcome.hasErrors, "\(outcome.issues)")
    }

    @Test func labObservationNeedsTheLaboratoryCategorySlice() throws {
        let observation = try sample("carebundle/Observation.ndjson") { resource in
            (resource["category"]?.arrayValue ?? []).contains { $0["coding"]?.arrayValue?.first?["code"]?.stringValue == "laboratory" }
        }
        let good = validator.validate(observation, options: ValidationOptions(profiles: [Self.labProfile]))
        #expect(!good.hasErrors, "\(good.errors)")

        var object = try #require(observation.objectValue)
        object["category"] = [["coding": [["system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "imaging"]]]]
        let bad = validator.validate(.object(object), options: ValidationOptions(profiles: [Self.labProfile]))
        #expect(bad.errors.contains { $0.diagnostics.contains("Slice 'us-core'") && $0.expression == ["Observation.category"] }, "\(bad.issues)")
    }

    @Test func bloodPressureComponentsAreSliced() throws {
        let observation = try json(#"""
            {"resourceType":"Observation","status":"final",
             "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}],
             "code":{"coding":[{"system":"http://loinc.org","code":"85354-9"}]},
             "subject":{"reference":"Patient/1"},"effectiveDateTime":"2024-01-01T10:00:00Z",
             "component":[{"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},
                           "valueQuantity":{"value":120,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}}]}
            """#)
        let outcome = validator.validate(observation, options: ValidationOptions(profiles: [Self.bloodPressureProfile]))
        // The diastolic component is missing.
        #expect(outcome.errors.contains { $0.diagnostics.contains("diastolic") }, "\(outcome.issues)")
    }
}
