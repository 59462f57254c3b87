import FHIRModel
import FHIRValidation
import Testing

/// Structure, cardinality and primitive checks against the base R4 definitions.
@Suite struct ValidatorStructureTests {
    let validator: Validator

    init() throws {
        validator = try ShippedDefinitions.validator()
    }

    @Test func aValidPatientHasNoErrors() throws {
        let patient = try json(#"{"resourceType":"Patient","id":"p1","active":true,"name":[{"family":"Chalmers","given":["Peter","James"]}],"gender":"male","birthDate":"1974-12-25"}"#)
        let outcome = validator.validate(patient)
        #expect(!outcome.hasErrors, "\(outcome.issues)")
    }

    @Test func unknownPropertiesAreErrors() throws {
        let patient = try json(#"{"resourceType":"Patient","nickname":"Pete"}"#)
        let outcome = validator.validate(patient)
        #expect(outcome.errors.map(\.expression) == [["Patient.nickname"]])
    }

    @Test func primitiveFormatsAreChecked() throws {
        let patient = try json(#"{"resourceType":"Patient","id":"a b","birthDate":"1974-02-30","active":"yes","deceasedDateTime":"2020-01-01T10:00:00"}"#)
        let outcome = validator.validate(patient)
        let paths = Set(outcome.errors.flatMap(\.expression))
        #expect(paths == ["Patient.id", "Patient.birthDate", "Patient.active", "Patient.deceasedDateTime"], "\(outcome.issues)")
    }

    @Test func arraysAndCardinalityFollowTheDefinition() throws {
        let observation = try json(#"{"resourceType":"Observation","status":"final","code":{"text":"x"},"category":{"text":"lab"},"subject":[{"reference":"Patient/1"}]}"#)
        let outcome = validator.validate(observation)
        let paths = Set(outcome.errors.flatMap(\.expression))
        #expect(paths.contains("Observation.category"))
        #expect(paths.contains("Observation.subject"))
        let missing = try json(#"{"resourceType":"Observation","code":{"text":"x"}}"#)
        #expect(validator.validate(missing).errors.contains { $0.code == .required && $0.expression == ["Observation.status"] })
    }

    @Test func invariantsAreEvaluated() throws {
        // obs-6: dataAbsentReason only when there is no value.
        let observation = try json(#"{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueString":"a","dataAbsentReason":{"text":"none"}}"#)
        let outcome = validator.validate(observation)
        #expect(outcome.errors.contains { $0.code == .invariant && $0.diagnostics.contains("obs-6") }, "\(outcome.issues)")
    }

    @Test func referenceTargetsAreChecked() throws {
        let observation = try json(#"{"resourceType":"Observation","status":"final","code":{"text":"x"},"subject":{"reference":"Medication/1"}}"#)
        let outcome = validator.validate(observation)
        #expect(outcome.errors.contains { $0.expression == ["Observation.subject.reference"] }, "\(outcome.issues)")
        let contained = try json(##"{"resourceType":"Observation","status":"final","code":{"text":"x"},"subject":{"reference":"#p"}}"##)
        #expect(validator.validate(contained).hasErrors)
    }

    @Test func notAResource() throws {
        #expect(validator.validate(try json(#"{"name":"x"}"#)).hasErrors)
        #expect(validator.validate(try json(#"{"resourceType":"Nonsense"}"#)).hasErrors)
    }
}
