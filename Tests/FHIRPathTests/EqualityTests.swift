import FHIRPath
import FHIRModel
import Testing

@Suite struct EqualityTests {
    @Test func integersEqualDecimalsOfTheSameValue() throws {
        #expect(try json("1 = 1.0") == [true])
    }

    @Test func datesOfDifferentPrecisionAreNeitherEqualNorUnequal() throws {
        #expect(try json("@2012-04-15 = @2012-04-15T10:00:00") == [])
        #expect(try json("@2012-04 = @2012-05-01") == [false])
    }

    @Test func equivalenceIgnoresCaseAndWhitespace() throws {
        #expect(try json("'Hello  World' ~ 'hello world'") == [true])
        #expect(try json("'Hello' = 'hello'") == [false])
    }

    @Test func emptyOperandsGiveEmpty() throws {
        #expect(try json("{} = 1") == [])
        #expect(try json("{} ~ {}") == [true])
    }

    @Test func complexElementsAreEqualMemberByMemberWithDecimalsByValue() throws {
        let observation: JSONValue = [
            "resourceType": "Observation",
            "component": [
                ["code": ["text": "a"], "valueQuantity": ["value": .number(JSONNumber("1.0") ?? JSONNumber(0)), "unit": "mg"]],
                ["code": ["text": "a"], "valueQuantity": ["value": .number(JSONNumber("1.00") ?? JSONNumber(0)), "unit": "mg"]],
                ["code": ["text": "b"], "valueQuantity": ["value": 1, "unit": "mg"]],
            ],
        ]
        #expect(try json("Observation.component[0] = Observation.component[1]", on: observation) == [true])
        #expect(try json("Observation.component[0] = Observation.component[2]", on: observation) == [false])
    }

    @Test func quantitiesCompareAcrossUnits() throws {
        #expect(try json("1 'kg' = 1000 'g'") == [true])
        #expect(try json("1 year ~ 1 'a'") == [true])
    }

    @Test func threeValuedLogic() throws {
        #expect(try json("{} and false") == [false])
        #expect(try json("{} or true") == [true])
        #expect(try json("{} implies false") == [])
        #expect(try json("false implies {}") == [true])
    }
}
