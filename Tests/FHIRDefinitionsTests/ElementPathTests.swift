import FHIRDefinitions
import Testing

@Suite struct ElementPathTests {
    @Test func choiceElementListsItsTypes() throws {
        let value = try #require(try catalog().typeModel.element(path: "Observation.value[x]"))
        #expect(value.isChoice)
        #expect(value.name == "value")
        #expect(value.types.map(\.code).contains("Quantity"))
        #expect(value.types.count == 11)
        #expect(value.min == 0 && value.max == 1)
    }

    @Test func repeatingElementHasUnboundedMax() throws {
        let name = try #require(try catalog().typeModel.element(path: "Patient.name"))
        #expect(name.min == 0)
        #expect(name.max == nil)
        #expect(name.isRepeating)
        #expect(name.types.map(\.code) == ["HumanName"])
        #expect(!name.isChoice)
    }

    @Test func backboneChildrenResolveBySnapshotPath() throws {
        let low = try #require(try catalog().typeModel.element(path: "Observation.referenceRange.low"))
        #expect(low.types.first?.code == "Quantity")
        #expect(low.types.first?.profiles == ["http://hl7.org/fhir/StructureDefinition/SimpleQuantity"])
    }

    @Test func choiceNamedWithItsTypeNarrowsTheTypes() throws {
        let model = try catalog().typeModel
        let resolved = try #require(model.resolve(path: "Observation.valueQuantity"))
        #expect(resolved.element.path == "Observation.value[x]")
        #expect(resolved.types.map(\.code) == ["Quantity"])
        #expect(model.resolve(path: "Observation.valueDateTime")?.types.map(\.code) == ["dateTime"])
        #expect(model.element(path: "Observation.value")?.path == "Observation.value[x]")
        #expect(model.element(path: "Observation.valueFoo") == nil)
        #expect(model.element(path: "Observation.valueQuantity.unit")?.path == "Quantity.unit")
    }

    @Test func pathsContinueIntoDatatypes() throws {
        let model = try catalog().typeModel
        let system = try #require(model.resolve(path: "Observation.code.coding.system"))
        #expect(system.element.path == "Coding.system")
        #expect(system.ownerTypeName == "Coding")
        #expect(model.element(path: "Patient.name.family")?.path == "HumanName.family")
        #expect(model.element(path: "Patient.birthDate.extension")?.path == "date.extension")
        #expect(model.element(path: "Bundle.entry.resource.id")?.path == "Resource.id")
    }

    @Test func contentReferencesResolveToTheReferencedElement() throws {
        let model = try catalog().typeModel
        let nested = try #require(model.element(path: "Observation.component.referenceRange"))
        #expect(nested.contentReference == "#Observation.referenceRange")
        #expect(model.contentReferenceTarget(of: nested)?.path == "Observation.referenceRange")
        #expect(model.element(path: "Observation.component.referenceRange.low")?.path == "Observation.referenceRange.low")
        #expect(model.element(path: "Questionnaire.item.item.item.linkId")?.path == "Questionnaire.item.linkId")
        #expect(model.contentReferenceTarget(of: try #require(model.element(path: "Observation.code"))) == nil)
    }

    @Test func childrenFollowBackbonesDatatypesAndReferences() throws {
        let model = try catalog().typeModel
        #expect(model.children(of: "Observation.code").map(\.name) == ["id", "extension", "coding", "text"])
        #expect(model.children(of: "Observation.referenceRange").map(\.name) == ["id", "extension", "modifierExtension", "low", "high", "type", "appliesTo", "age", "text"])
        #expect(model.children(of: "Observation.component.referenceRange").map(\.name) == model.children(of: "Observation.referenceRange").map(\.name))
        #expect(model.children(of: "Observation.valueQuantity").map(\.name).contains("comparator"))
        #expect(model.children(of: "Observation").first?.name == "id")
        #expect(model.children(of: "Observation.value[x]").isEmpty)
        #expect(model.children(of: "Nope.nothing").isEmpty)
    }

    @Test func unknownPathsDoNotResolve() throws {
        let model = try catalog().typeModel
        #expect(model.element(path: "Observation.nothing") == nil)
        #expect(model.element(path: "Unknown.id") == nil)
        #expect(model.element(path: "Observation.") == nil)
        #expect(model.element(path: "Observation")?.path == "Observation")
    }
}
