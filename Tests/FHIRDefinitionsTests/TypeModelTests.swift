import FHIRDefinitions
import Testing

@Suite struct TypeModelTests {
    @Test func resourceTypeNamesAreThe146ConcreteResourceTypes() throws {
        let names = try catalog().typeModel.resourceTypeNames
        #expect(names.count == 146)
        #expect(names == names.sorted())
        for name in ["Patient", "Observation", "DiagnosticReport", "Consent", "Provenance", "AuditEvent", "Bundle", "Binary", "Parameters"] {
            #expect(names.contains(name), "\(name)")
        }
        #expect(!names.contains("Resource"))
        #expect(!names.contains("DomainResource"))
    }

    @Test func abstractResourcesAreTypesButNotResourceTypes() throws {
        let model = try catalog().typeModel
        #expect(!model.isResourceType("Resource"))
        #expect(!model.isResourceType("DomainResource"))
        #expect(model.type(named: "Resource")?.isAbstract == true)
        #expect(model.type(named: "DomainResource")?.kind == .resource)
        #expect(model.isResourceType("Patient"))
        #expect(!model.isResourceType("HumanName"))
        #expect(!model.isResourceType("patient"))
    }

    @Test func primitiveTypesAreTheTwentyOfTheSpecification() throws {
        let model = try catalog().typeModel
        let primitives = model.types.filter { $0.kind == .primitiveType }.map(\.name)
        #expect(primitives.count == 20)
        for name in ["boolean", "string", "code", "dateTime", "decimal", "uri", "canonical", "xhtml", "positiveInt"] {
            #expect(model.isPrimitiveType(name), "\(name)")
        }
        #expect(!model.isPrimitiveType("Quantity"))
        #expect(model.isComplexType("Quantity"))
    }

    @Test func everyTypeKnowsItsKindBaseAndURL() throws {
        let model = try catalog().typeModel
        let patient = try #require(model.type(named: "Patient"))
        #expect(patient.kind == .resource)
        #expect(!patient.isAbstract)
        #expect(patient.derivation == .specialization)
        #expect(patient.baseTypeName == "DomainResource")
        #expect(patient.url == "http://hl7.org/fhir/StructureDefinition/Patient")
        #expect(model.type(named: "Element")?.baseTypeName == nil)
        #expect(model.type(named: "BackboneElement")?.baseTypeName == "Element")
        #expect(model.type(named: "Extension")?.kind == .complexType)
        #expect(model.type(named: "code")?.baseTypeName == "string")
    }

    @Test func baseTypeNamesListAncestorsNearestFirst() throws {
        let model = try catalog().typeModel
        #expect(model.baseTypeNames(of: "Patient") == ["DomainResource", "Resource"])
        #expect(model.baseTypeNames(of: "Bundle") == ["Resource"])
        #expect(model.baseTypeNames(of: "Age") == ["Quantity", "Element"])
        #expect(model.isType("Observation", derivedFrom: "Resource"))
        #expect(!model.isType("Bundle", derivedFrom: "DomainResource"))
        #expect(model.baseTypeNames(of: "Unknown").isEmpty)
    }

    @Test func constrainedQuantitiesAreKeptAsConstraintsOnQuantity() throws {
        let model = try catalog().typeModel
        for name in ["SimpleQuantity", "MoneyQuantity"] {
            let type = try #require(model.type(named: name))
            #expect(type.derivation == .constraint)
            #expect(type.baseTypeName == "Quantity")
            #expect(type.rootPath == "Quantity")
        }
        #expect(model.element(path: "SimpleQuantity.comparator")?.max == 0)
    }

    @Test func logicalModelsAndExtensionProfilesAreLeftOut() throws {
        let model = try catalog().typeModel
        #expect(model.type(named: "Event") == nil)
        #expect(model.type(named: "MetadataResource") == nil)
        #expect(!model.types.contains { $0.derivation == .constraint && $0.baseTypeName == "Extension" })
        #expect(!model.types.contains { $0.kind == .resource && $0.derivation == .constraint })
    }

    @Test func elementsKeepSnapshotOrderWithTheRootFirst() throws {
        let patient = try #require(try catalog().typeModel.type(named: "Patient"))
        #expect(patient.rootElement?.path == "Patient")
        let names = patient.children(ofPath: "Patient").map(\.name)
        #expect(Array(names.prefix(9)) == ["id", "meta", "implicitRules", "language", "text", "contained", "extension", "modifierExtension", "identifier"])
        #expect(names.last == "link")
    }
}
