import FHIRDefinitions
import Testing

@Suite struct CompartmentTests {
    @Test func observationIsLinkedToThePatientBySubjectAndPerformer() throws {
        #expect(try catalog().patientCompartment.parameters(for: "Observation") == ["subject", "performer"])
    }

    @Test func patientCompartmentHasTheSpecificationsMembers() throws {
        let patient = try catalog().patientCompartment
        #expect(patient.code == "Patient")
        #expect(patient.url == "http://hl7.org/fhir/CompartmentDefinition/patient")
        #expect(patient.resourceTypes.count == 66)
        #expect(patient.parameters(for: "Patient") == ["link"])
        #expect(patient.parameters(for: "AllergyIntolerance") == ["patient", "recorder", "asserter"])
        #expect(patient.contains(resourceType: "Encounter"))
    }

    @Test func resourceTypesOutsideTheCompartmentHaveNoParameters() throws {
        let patient = try catalog().patientCompartment
        #expect(patient.parameters(for: "Library").isEmpty)
        #expect(!patient.contains(resourceType: "Library"))
        #expect(!patient.resourceTypes.contains("Library"))
    }

    @Test func everyCompartmentParameterIsASearchParameterOfItsType() throws {
        let catalog = try catalog()
        for compartment in catalog.compartments {
            for type in compartment.resourceTypes {
                #expect(catalog.typeModel.isResourceType(type), "\(compartment.code): \(type)")
                for code in compartment.parameters(for: type) where code != "{def}" {
                    #expect(catalog.searchParameter(named: code, for: type) != nil, "\(compartment.code): \(type).\(code)")
                }
            }
        }
    }

    @Test func theFiveSpecificationCompartmentsAreLoaded() throws {
        let catalog = try catalog()
        #expect(catalog.compartments.map(\.code) == ["Device", "Encounter", "Patient", "Practitioner", "RelatedPerson"])
        #expect(catalog.compartment(code: "Encounter")?.parameters(for: "Observation") == ["encounter"])
    }
}
