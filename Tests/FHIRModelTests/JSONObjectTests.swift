import FHIRModel
import Testing

@Suite struct JSONObjectTests {
    @Test func newMembersGoLast() {
        var object = JSONObject()
        object["b"] = 1
        object["a"] = 2
        object["c"] = 3
        #expect(object.keys == ["b", "a", "c"])
        #expect(object.count == 3)
        #expect(!object.isEmpty)
    }

    @Test func settingAnExistingMemberKeepsItsPosition() {
        var object = JSONObject([(key: "a", value: 1), (key: "b", value: 2), (key: "c", value: 3)])
        object["b"] = "changed"
        #expect(object.keys == ["a", "b", "c"])
        #expect(object["b"] == "changed")
    }

    @Test func settingNilRemovesTheMember() {
        var object = JSONObject([(key: "a", value: 1), (key: "b", value: 2), (key: "c", value: 3)])
        object["b"] = nil
        #expect(object.keys == ["a", "c"])
        object["missing"] = nil
        #expect(object.keys == ["a", "c"])
    }

    @Test func settingNullKeepsTheMember() {
        var object = JSONObject()
        object["a"] = .null
        #expect(object["a"] == .null)
        #expect(object.count == 1)
    }

    @Test func removeValueReturnsTheRemovedValue() {
        var object = JSONObject([(key: "a", value: 1), (key: "b", value: 2)])
        #expect(object.removeValue(forKey: "a") == 1)
        #expect(object.removeValue(forKey: "a") == nil)
        #expect(object.keys == ["b"])
    }

    @Test func laterDuplicatesInTheInitializerReplaceEarlierOnes() {
        let object = JSONObject([(key: "a", value: 1), (key: "b", value: 2), (key: "a", value: 3)])
        #expect(object.keys == ["a", "b"])
        #expect(object["a"] == 3)
    }

    @Test func setAtMovesTheMemberToThePosition() {
        var object = JSONObject([(key: "id", value: "x"), (key: "meta", value: [:]), (key: "resourceType", value: "Patient")])
        object.set("resourceType", to: "Patient", at: 0)
        #expect(object.keys == ["resourceType", "id", "meta"])
    }

    @Test func setAtInsertsANewMember() {
        var object = JSONObject([(key: "a", value: 1), (key: "b", value: 2)])
        object.set("z", to: 0, at: 1)
        #expect(object.keys == ["a", "z", "b"])
    }

    @Test func setAtPastTheEndAppends() {
        var object = JSONObject([(key: "a", value: 1), (key: "b", value: 2)])
        object.set("a", to: 9, at: 10)
        #expect(object.keys == ["b", "a"])
        #expect(object["a"] == 9)
    }

    @Test func iteratesInOrder() {
        let object = JSONObject([(key: "x", value: 1), (key: "y", value: 2)])
        #expect(object.map(\.key) == ["x", "y"])
        #expect(object.members.map(\.value) == [1, 2])
    }

    @Test func equalityIgnoresOrder() {
        let lhs = JSONObject([(key: "a", value: 1), (key: "b", value: ["c": 2, "d": 3])])
        let rhs = JSONObject([(key: "b", value: ["d": 3, "c": 2]), (key: "a", value: 1)])
        #expect(lhs == rhs)
        #expect(JSONValue.object(lhs) == JSONValue.object(rhs))
    }

    @Test func equalityComparesValuesAndMembers() {
        let base = JSONObject([(key: "a", value: 1), (key: "b", value: 2)])
        #expect(base != JSONObject([(key: "a", value: 1)]))
        #expect(base != JSONObject([(key: "a", value: 1), (key: "b", value: 3)]))
        #expect(base != JSONObject([(key: "a", value: 1), (key: "c", value: 2)]))
        #expect(JSONObject([(key: "a", value: .null)]) != JSONObject([(key: "b", value: .null)]))
    }

    @Test func hashingIsConsistentWithEquality() {
        let lhs = JSONObject([(key: "a", value: 1), (key: "b", value: [true, .null]), (key: "c", value: "x")])
        let rhs = JSONObject([(key: "c", value: "x"), (key: "a", value: 1), (key: "b", value: [true, .null])])
        #expect(lhs.hashValue == rhs.hashValue)
        #expect(Set([JSONValue.object(lhs), JSONValue.object(rhs)]).count == 1)
        #expect(Set([JSONValue.object(lhs), ["a": 1]]).count == 2)
    }

    @Test func keysThatDifferOnlyInUnicodeNormalizationAreDistinct() {
        var object = JSONObject()
        object["\u{E9}"] = 1
        object["e\u{301}"] = 2
        #expect(object.count == 2)
        #expect(object["\u{E9}"] == 1)
        #expect(object["e\u{301}"] == 2)
        object["e\u{301}"] = nil
        #expect(object.keys == ["\u{E9}"])
        #expect(object.removeValue(forKey: "e\u{301}") == nil)
    }

    @Test func objectsWithDifferentlyNormalizedKeysAreNotEqual() {
        #expect(JSONObject([(key: "\u{E9}", value: 1)]) != JSONObject([(key: "e\u{301}", value: 1)]))
    }
}
