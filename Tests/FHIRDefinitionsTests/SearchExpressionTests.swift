import FHIRDefinitions
import Testing

@Suite struct SearchExpressionTests {
    @Test func sharedParameterKeepsTheBranchOfTheResourceType() throws {
        let patient = try #require(try catalog().searchParameter(named: "patient", for: "AllergyIntolerance"))
        #expect(patient.base.count > 10)
        #expect(patient.expression(for: "AllergyIntolerance") == "AllergyIntolerance.patient")
        #expect(patient.expression(for: "CarePlan") == "CarePlan.subject.where(resolve() is Patient)")
    }

    @Test func parenthesisedBranchesAreMatchedByTheirFirstIdentifier() {
        let parameter = SearchParameterDefinition(
            url: "urn:test", name: "value", code: "value", base: ["A", "B"], type: .quantity,
            expression: "(A.value as Quantity) | (B.value as Quantity) | AB.other"
        )
        #expect(parameter.expression(for: "A") == "(A.value as Quantity)")
        #expect(parameter.expression(for: "B") == "(B.value as Quantity)")
    }

    @Test func unionsInsideParenthesesAndStringsDoNotSplit() {
        let parameter = SearchParameterDefinition(
            url: "urn:test", name: "x", code: "x", base: ["A", "B"], type: .token,
            expression: "A.where(code = 'a|b' or (x | y).exists()) | B.code"
        )
        #expect(parameter.expression(for: "A") == "A.where(code = 'a|b' or (x | y).exists())")
        #expect(parameter.expression(for: "B") == "B.code")
    }

    @Test func expressionWithoutABranchForTheTypeAppliesWhole() throws {
        let catalog = try catalog()
        #expect(catalog.searchParameter(named: "_id", for: "Patient")?.expression(for: "Patient") == "Resource.id")
        #expect(catalog.searchParameter(named: "name", for: "InsurancePlan")?.expression(for: "InsurancePlan") == "name | alias")
        #expect(catalog.searchParameter(named: "_content", for: "Patient")?.expression(for: "Patient") == nil)
    }
}
