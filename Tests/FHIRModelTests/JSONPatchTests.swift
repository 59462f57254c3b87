import FHIRModel
import Testing

/// Applies the patch document `patch` to the document `target`, both as JSON text.
private func apply(_ patch: String, to target: String) throws -> JSONValue {
    try JSONPatch(json(patch)).apply(to: json(target))
}

/// The error applying or reading `patch` throws, or nil when it succeeds.
private func failure(_ patch: String, on target: String) throws -> FHIRError? {
    let document = try json(target)
    let patchDocument = try json(patch)
    do {
        _ = try JSONPatch(patchDocument).apply(to: document)
        return nil
    } catch {
        return error
    }
}

@Suite struct JSONPatchTests {
    // MARK: RFC 6902 Appendix A

    @Test func a1AddingAnObjectMember() throws {
        let result = try apply(#"[{"op":"add","path":"/baz","value":"qux"}]"#, to: #"{"foo":"bar"}"#)
        #expect(try result == json(#"{"baz":"qux","foo":"bar"}"#))
    }

    @Test func a2AddingAnArrayElement() throws {
        let result = try apply(#"[{"op":"add","path":"/foo/1","value":"qux"}]"#, to: #"{"foo":["bar","baz"]}"#)
        #expect(try result == json(#"{"foo":["bar","qux","baz"]}"#))
    }

    @Test func a3RemovingAnObjectMember() throws {
        let result = try apply(#"[{"op":"remove","path":"/baz"}]"#, to: #"{"baz":"qux","foo":"bar"}"#)
        #expect(try result == json(#"{"foo":"bar"}"#))
    }

    @Test func a4RemovingAnArrayElement() throws {
        let result = try apply(#"[{"op":"remove","path":"/foo/1"}]"#, to: #"{"foo":["bar","qux","baz"]}"#)
        #expect(try result == json(#"{"foo":["bar","baz"]}"#))
    }

    @Test func a5ReplacingAValue() throws {
        let result = try apply(#"[{"op":"replace","path":"/baz","value":"boo"}]"#, to: #"{"baz":"qux","foo":"bar"}"#)
        #expect(try result == json(#"{"baz":"boo","foo":"bar"}"#))
    }

    @Test func a6MovingAValue() throws {
        let result = try apply(
            #"[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]"#,
            to: #"{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}"#
        )
        #expect(try result == json(#"{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}"#))
    }

    @Test func a7MovingAnArrayElement() throws {
        let result = try apply(#"[{"op":"move","from":"/foo/1","path":"/foo/3"}]"#, to: #"{"foo":["all","grass","cows","eat"]}"#)
        #expect(try result == json(#"{"foo":["all","cows","eat","grass"]}"#))
    }

    @Test func a8TestingAValueSuccess() throws {
        let target = #"{"baz":"qux","foo":["a",2,"c"]}"#
        let result = try apply(#"[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}]"#, to: target)
        #expect(try result == json(target))
    }

    @Test func a9TestingAValueError() throws {
        let error = try #require(try failure(#"[{"op":"test","path":"/baz","value":"bar"}]"#, on: #"{"baz":"qux"}"#))
        #expect(error.status == 422)
    }

    @Test func a10AddingANestedMemberObject() throws {
        let result = try apply(#"[{"op":"add","path":"/child","value":{"grandchild":{}}}]"#, to: #"{"foo":"bar"}"#)
        #expect(try result == json(#"{"foo":"bar","child":{"grandchild":{}}}"#))
    }

    @Test func a11IgnoringUnrecognizedElements() throws {
        let result = try apply(#"[{"op":"add","path":"/baz","value":"qux","xyz":123}]"#, to: #"{"foo":"bar"}"#)
        #expect(try result == json(#"{"foo":"bar","baz":"qux"}"#))
    }

    @Test func a12AddingToANonexistentTarget() throws {
        let error = try #require(try failure(#"[{"op":"add","path":"/baz/bat","value":"qux"}]"#, on: #"{"foo":"bar"}"#))
        #expect(error.status == 422)
        #expect(error.description.contains("'/baz'"))
    }

    @Test func a13InvalidJSONPatchDocument() {
        // A repeated "op" makes the document invalid JSON for Kiln's strict parser.
        #expect(parseError(#"[{"op":"add","path":"/baz","value":"qux","op":"remove"}]"#)?.kind == .duplicateKey)
    }

    @Test func a14TildeEscapeOrdering() throws {
        let target = #"{"/":9,"~1":10}"#
        #expect(try apply(#"[{"op":"test","path":"/~01","value":10}]"#, to: target) == json(target))
    }

    @Test func a15ComparingStringsAndNumbers() throws {
        let error = try #require(try failure(#"[{"op":"test","path":"/~01","value":"10"}]"#, on: #"{"/":9,"~1":10}"#))
        #expect(error.status == 422)
    }

    @Test func a16AddingAnArrayValue() throws {
        let result = try apply(#"[{"op":"add","path":"/foo/-","value":["abc","def"]}]"#, to: #"{"foo":["bar"]}"#)
        #expect(try result == json(#"{"foo":["bar",["abc","def"]]}"#))
    }

    // MARK: add

    @Test func addAtArrayEndIndexAppends() throws {
        #expect(try apply(#"[{"op":"add","path":"/a/2","value":3}]"#, to: #"{"a":[1,2]}"#) == json(#"{"a":[1,2,3]}"#))
        #expect(try apply(#"[{"op":"add","path":"/a/0","value":0}]"#, to: #"{"a":[]}"#) == json(#"{"a":[0]}"#))
        #expect(try apply(#"[{"op":"add","path":"/-","value":0}]"#, to: "[]") == json("[0]"))
    }

    @Test func addPastArrayEndFails() throws {
        let error = try #require(try failure(#"[{"op":"add","path":"/a/3","value":3}]"#, on: #"{"a":[1,2]}"#))
        #expect(error.status == 422)
        #expect(error.description.contains("past the end"))
    }

    @Test(arguments: ["/a/01", "/a/-1", "/a/x", "/a/1.0", "/a/"])
    func addRejectsInvalidArrayIndexes(path: String) throws {
        let error = try #require(try failure(#"[{"op":"add","path":"\#(path)","value":0}]"#, on: #"{"a":[1,2]}"#))
        #expect(error.status == 422)
    }

    @Test func addReplacesAnExistingMemberInPlace() throws {
        let result = try apply(#"[{"op":"add","path":"/a","value":"new"}]"#, to: #"{"a":1,"b":2}"#)
        #expect(result.jsonString == #"{"a":"new","b":2}"#)
    }

    @Test func addAtRootReplacesTheDocument() throws {
        #expect(try apply(#"[{"op":"add","path":"","value":{"x":1}}]"#, to: "[1,2]") == json(#"{"x":1}"#))
    }

    @Test func addNullValue() throws {
        #expect(try apply(#"[{"op":"add","path":"/a","value":null}]"#, to: "{}").jsonString == #"{"a":null}"#)
    }

    @Test func addEmptyAndDashMemberNamesToObjects() throws {
        let result = try apply(#"[{"op":"add","path":"/","value":1},{"op":"add","path":"/-","value":2}]"#, to: "{}")
        #expect(result.jsonString == #"{"":1,"-":2}"#)
    }

    @Test func addIntoAScalarFails() throws {
        let error = try #require(try failure(#"[{"op":"add","path":"/a/b","value":1}]"#, on: #"{"a":"text"}"#))
        #expect(error.status == 422)
        #expect(error.description.contains("string"))
    }

    @Test func addDeepInsideArraysAndObjects() throws {
        let result = try apply(
            #"[{"op":"add","path":"/name/1/given/-","value":"C"},{"op":"add","path":"/name/0/use","value":"official"}]"#,
            to: #"{"name":[{"family":"X"},{"given":["A","B"]}]}"#
        )
        #expect(result.jsonString == #"{"name":[{"family":"X","use":"official"},{"given":["A","B","C"]}]}"#)
    }

    // MARK: remove

    @Test(arguments: ["/missing", "/a/2", "/a/-", "/a/01", "/o/x", "/o/y/z", "/s/0"])
    func removeNeedsAnExistingTarget(path: String) throws {
        let error = try #require(try failure(#"[{"op":"remove","path":"\#(path)"}]"#, on: #"{"a":[1,2],"o":{"y":1},"s":"t"}"#))
        #expect(error.status == 422)
    }

    @Test func removeOfTheWholeDocumentFails() throws {
        let error = try #require(try failure(#"[{"op":"remove","path":""}]"#, on: #"{"a":1}"#))
        #expect(error.status == 422)
    }

    @Test func removeKeepsTheOrderOfTheOtherMembers() throws {
        #expect(try apply(#"[{"op":"remove","path":"/b"}]"#, to: #"{"c":1,"b":2,"a":3}"#).jsonString == #"{"c":1,"a":3}"#)
    }

    @Test func removeLastArrayElement() throws {
        #expect(try apply(#"[{"op":"remove","path":"/1"}]"#, to: "[1,2]") == json("[1]"))
    }

    // MARK: replace

    @Test(arguments: ["/missing", "/a/2", "/a/-", "/o/x"])
    func replaceNeedsAnExistingTarget(path: String) throws {
        let error = try #require(try failure(#"[{"op":"replace","path":"\#(path)","value":0}]"#, on: #"{"a":[1,2],"o":{}}"#))
        #expect(error.status == 422)
    }

    @Test func replaceKeepsTheMemberPosition() throws {
        let result = try apply(#"[{"op":"replace","path":"/b","value":[true]}]"#, to: #"{"a":1,"b":2,"c":3}"#)
        #expect(result.jsonString == #"{"a":1,"b":[true],"c":3}"#)
    }

    @Test func replaceArrayElement() throws {
        #expect(try apply(#"[{"op":"replace","path":"/1","value":"x"}]"#, to: "[1,2,3]") == json(#"[1,"x",3]"#))
    }

    @Test func replaceTheWholeDocument() throws {
        #expect(try apply(#"[{"op":"replace","path":"","value":42}]"#, to: #"{"a":1}"#) == 42)
    }

    @Test func replaceWithNull() throws {
        #expect(try apply(#"[{"op":"replace","path":"/a","value":null}]"#, to: #"{"a":1}"#).jsonString == #"{"a":null}"#)
    }

    // MARK: move

    @Test func moveToANewMemberAppendsIt() throws {
        #expect(try apply(#"[{"op":"move","from":"/a","path":"/z"}]"#, to: #"{"a":1,"b":2}"#).jsonString == #"{"b":2,"z":1}"#)
    }

    @Test func moveOntoAnExistingMemberReplacesIt() throws {
        #expect(try apply(#"[{"op":"move","from":"/a","path":"/b"}]"#, to: #"{"a":1,"b":2,"c":3}"#).jsonString == #"{"b":1,"c":3}"#)
    }

    @Test func moveToItselfChangesNothing() throws {
        #expect(try apply(#"[{"op":"move","from":"/a","path":"/a"}]"#, to: #"{"a":1,"b":2}"#).jsonString == #"{"a":1,"b":2}"#)
        #expect(try apply(#"[{"op":"move","from":"","path":""}]"#, to: "[1]") == json("[1]"))
    }

    @Test func moveIntoOwnChildFails() throws {
        let error = try #require(try failure(#"[{"op":"move","from":"/a","path":"/a/b"}]"#, on: #"{"a":{"b":1}}"#))
        #expect(error.status == 422)
        #expect(error.description.contains("own children"))
        #expect(try failure(#"[{"op":"move","from":"","path":"/a"}]"#, on: #"{"a":1}"#)?.status == 422)
    }

    @Test func moveToASiblingWithACommonPrefixIsAllowed() throws {
        #expect(try apply(#"[{"op":"move","from":"/a","path":"/ab"}]"#, to: #"{"a":1}"#) == json(#"{"ab":1}"#))
    }

    @Test func moveNeedsAnExistingSource() throws {
        let error = try #require(try failure(#"[{"op":"move","from":"/x","path":"/y"}]"#, on: #"{"a":1}"#))
        #expect(error.status == 422)
        #expect(error.description.contains("'move' from '/x' to '/y'"))
    }

    @Test func moveBetweenArrays() throws {
        let result = try apply(#"[{"op":"move","from":"/a/0","path":"/b/-"}]"#, to: #"{"a":[1,2],"b":[3]}"#)
        #expect(try result == json(#"{"a":[2],"b":[3,1]}"#))
    }

    @Test func moveArrayElementBackwards() throws {
        #expect(try apply(#"[{"op":"move","from":"/3","path":"/0"}]"#, to: "[1,2,3,4]") == json("[4,1,2,3]"))
    }

    // MARK: copy

    @Test func copyDuplicatesTheValue() throws {
        let result = try apply(#"[{"op":"copy","from":"/a","path":"/b"}]"#, to: #"{"a":{"x":[1]}}"#)
        #expect(try result == json(#"{"a":{"x":[1]},"b":{"x":[1]}}"#))
    }

    @Test func copyIsIndependentOfTheOriginal() throws {
        let result = try apply(
            #"[{"op":"copy","from":"/a","path":"/b"},{"op":"add","path":"/b/x/-","value":2},{"op":"replace","path":"/a/y","value":0}]"#,
            to: #"{"a":{"x":[1],"y":1}}"#
        )
        #expect(try result == json(#"{"a":{"x":[1],"y":0},"b":{"x":[1,2],"y":1}}"#))
    }

    @Test func copyIntoOwnChildIsAllowed() throws {
        let result = try apply(#"[{"op":"copy","from":"/a","path":"/a/self"}]"#, to: #"{"a":{"v":1}}"#)
        #expect(try result == json(#"{"a":{"v":1,"self":{"v":1}}}"#))
    }

    @Test func copyArrayElementIntoArray() throws {
        #expect(try apply(#"[{"op":"copy","from":"/0","path":"/1"}]"#, to: #"["a","b"]"#) == json(#"["a","a","b"]"#))
    }

    @Test func copyNeedsAnExistingSource() throws {
        #expect(try failure(#"[{"op":"copy","from":"/a/5","path":"/b"}]"#, on: #"{"a":[]}"#)?.status == 422)
    }

    // MARK: test

    @Test func testNumbersByExactDecimalValue() throws {
        let target = #"{"valueQuantity":{"value":12345678901234567890.12},"count":1.0,"zero":-0}"#
        let passing = #"""
            [{"op":"test","path":"/valueQuantity/value","value":12345678901234567890.1200},
             {"op":"test","path":"/count","value":1},
             {"op":"test","path":"/count","value":1.00},
             {"op":"test","path":"/count","value":10e-1},
             {"op":"test","path":"/zero","value":0}]
            """#
        #expect(try apply(passing, to: target) == json(target))
        // 12345678901234567890.13 is the same Double as .12, but a different decimal.
        let error = try failure(#"[{"op":"test","path":"/valueQuantity/value","value":12345678901234567890.13}]"#, on: target)
        #expect(error?.status == 422)
    }

    @Test func testLeavesNumberTextUnchanged() throws {
        let result = try apply(#"[{"op":"test","path":"/v","value":1.5}]"#, to: #"{"v":1.50}"#)
        #expect(result.jsonString == #"{"v":1.50}"#)
    }

    @Test func testObjectsIgnoreMemberOrder() throws {
        _ = try apply(#"[{"op":"test","path":"/o","value":{"b":[1,2],"a":null}}]"#, to: #"{"o":{"a":null,"b":[1,2]}}"#)
    }

    @Test func testArraysRespectOrder() throws {
        #expect(try failure(#"[{"op":"test","path":"/a","value":[2,1]}]"#, on: #"{"a":[1,2]}"#)?.status == 422)
    }

    @Test func testNullNeedsNull() throws {
        _ = try apply(#"[{"op":"test","path":"/a","value":null}]"#, to: #"{"a":null}"#)
        #expect(try failure(#"[{"op":"test","path":"/missing","value":null}]"#, on: #"{"a":null}"#)?.status == 422)
        #expect(try failure(#"[{"op":"test","path":"/a","value":null}]"#, on: #"{"a":false}"#)?.status == 422)
    }

    @Test func testTheWholeDocument() throws {
        _ = try apply(#"[{"op":"test","path":"","value":{"b":2,"a":1}}]"#, to: #"{"a":1,"b":2}"#)
    }

    @Test func testFailureNamesTheOperation() throws {
        let error = try #require(try failure(
            #"[{"op":"test","path":"/a","value":1},{"op":"test","path":"/a/b~1c","value":2}]"#,
            on: #"{"a":{"b/c":3}}"#
        ))
        #expect(error.status == 422)
        #expect(error.issues.first?.code == .processing)
        let message = try #require(error.issues.first?.diagnostics)
        #expect(message.hasPrefix("JSON Patch operation 0 ('test' at '/a') failed"))
    }

    @Test func applyErrorNamesIndexOpAndPath() throws {
        let error = try #require(try failure(
            #"[{"op":"add","path":"/x","value":1},{"op":"replace","path":"/a/b~1c","value":2}]"#,
            on: #"{"a":{}}"#
        ))
        let message = try #require(error.issues.first?.diagnostics)
        #expect(message.hasPrefix("JSON Patch operation 1 ('replace' at '/a/b~1c') failed: "))
        #expect(message.contains("'/a/b~1c'"))
    }

    // MARK: Atomicity and order

    @Test func operationsApplyInOrder() throws {
        let result = try apply(
            #"[{"op":"add","path":"/a","value":[]},{"op":"add","path":"/a/-","value":1},{"op":"test","path":"/a/0","value":1},{"op":"remove","path":"/a/0"}]"#,
            to: "{}"
        )
        #expect(try result == json(#"{"a":[]}"#))
    }

    @Test func aFailingOperationAppliesNothing() throws {
        let document = try json(#"{"a":1,"list":[1,2]}"#)
        let patch = try JSONPatch(json(#"[{"op":"replace","path":"/a","value":2},{"op":"remove","path":"/list/0"},{"op":"test","path":"/a","value":3}]"#))
        #expect(throws: FHIRError.self) { try patch.apply(to: document) }
        #expect(try document == json(#"{"a":1,"list":[1,2]}"#))
    }

    @Test func aPatchCanBeAppliedAgainAfterAFailure() throws {
        let patch = try JSONPatch(json(#"[{"op":"test","path":"/a","value":1},{"op":"replace","path":"/a","value":2}]"#))
        #expect(throws: FHIRError.self) { try patch.apply(to: json(#"{"a":0}"#)) }
        #expect(try patch.apply(to: json(#"{"a":1}"#)) == json(#"{"a":2}"#))
    }

    @Test func emptyPatchChangesNothing() throws {
        let target = #"{"b":1,"a":[1.50]}"#
        #expect(try apply("[]", to: target).jsonString == target)
    }

    @Test func patchingLeavesTheInputDocumentUnchanged() throws {
        let document = try json(#"{"a":{"b":[1,2,3]}}"#)
        let patched = try JSONPatch(json(#"[{"op":"remove","path":"/a/b/1"},{"op":"add","path":"/a/c","value":true}]"#)).apply(to: document)
        #expect(try patched == json(#"{"a":{"b":[1,3],"c":true}}"#))
        #expect(try document == json(#"{"a":{"b":[1,2,3]}}"#))
    }

    @Test func largeArraysPatchQuickly() throws {
        let document = JSONValue.array((0..<20_000).map { .number(JSONNumber($0)) })
        let operations = (0..<2_000).map { JSONPatchOperation.replace(path: JSONPointer(tokens: [String($0 * 10)]), value: "x") }
        let result = try JSONPatch(operations: operations).apply(to: document)
        #expect(result.arrayValue?[10] == "x")
        #expect(result.arrayValue?[11] == 11)
    }

    // MARK: Reading patch documents

    @Test(arguments: [
        (#"{"op":"add","path":"/a","value":1}"#, "must be an array"),
        (#"[1]"#, "operation 0 must be an object"),
        (#"[{"op":"test","path":"","value":1},{"path":"/a"}]"#, "operation 1 is missing the member 'op'"),
        (#"[{"op":1,"path":"/a"}]"#, "operation 0 has an 'op' that is number"),
        (#"[{"op":"Add","path":"/a","value":1}]"#, "operation 0 has an unknown 'op' 'Add'"),
        (#"[{"op":"add","value":1}]"#, "operation 0 ('add') is missing the member 'path'"),
        (#"[{"op":"add","path":null,"value":1}]"#, "operation 0 ('add') has a 'path' that is null"),
        (#"[{"op":"add","path":"a","value":1}]"#, "operation 0 ('add') has an invalid 'path'"),
        (#"[{"op":"remove","path":"/a~"}]"#, "operation 0 ('remove') has an invalid 'path'"),
        (#"[{"op":"add","path":"/a"}]"#, "operation 0 ('add') is missing the member 'value'"),
        (#"[{"op":"replace","path":"/a"}]"#, "operation 0 ('replace') is missing the member 'value'"),
        (#"[{"op":"test","path":"/a"}]"#, "operation 0 ('test') is missing the member 'value'"),
        (#"[{"op":"move","path":"/a"}]"#, "operation 0 ('move') is missing the member 'from'"),
        (#"[{"op":"copy","from":"/a"}]"#, "operation 0 ('copy') is missing the member 'path'"),
        (#"[{"op":"copy","from":5,"path":"/a"}]"#, "operation 0 ('copy') has a 'from' that is number"),
        (#"[{"op":"move","from":"x","path":"/a"}]"#, "operation 0 ('move') has an invalid 'from'"),
    ])
    func malformedDocumentsAreBadRequests(patch: String, message: String) throws {
        let error = #expect(throws: FHIRError.self) { try JSONPatch(json(patch)) }
        #expect(error?.status == 400)
        #expect(error?.issues.first?.diagnostics.contains(message) == true, "\(error?.description ?? "")")
    }

    @Test func malformedOperationIsReportedEvenAfterValidOnes() throws {
        let error = #expect(throws: FHIRError.self) {
            try JSONPatch(json(#"[{"op":"add","path":"/a","value":1},{"op":"remove","path":"/b"},{"op":"nope","path":"/c"}]"#))
        }
        #expect(error?.issues.first?.diagnostics.contains("operation 2") == true)
    }

    @Test func valueMayBeNullButMustBePresent() throws {
        let patch = try JSONPatch(json(#"[{"op":"add","path":"/a","value":null},{"op":"test","path":"/a","value":null},{"op":"replace","path":"/a","value":null}]"#))
        #expect(patch.operations == [
            .add(path: JSONPointer(tokens: ["a"]), value: .null),
            .test(path: JSONPointer(tokens: ["a"]), value: .null),
            .replace(path: JSONPointer(tokens: ["a"]), value: .null),
        ])
    }

    @Test func readsEveryOperation() throws {
        let text = #"[{"op":"add","path":"/a","value":1},{"op":"remove","path":"/b"},{"op":"replace","path":"/c","value":[]},{"op":"move","from":"/d","path":"/e"},{"op":"copy","from":"/f","path":"/g~1h"},{"op":"test","path":"","value":{}}]"#
        let patch = try JSONPatch(json(text))
        #expect(patch.operations.map(\.name) == ["add", "remove", "replace", "move", "copy", "test"])
        #expect(patch.operations.map(\.path.description) == ["/a", "/b", "/c", "/e", "/g~1h", ""])
        #expect(patch.json.jsonString == text)
    }

    @Test func unknownMembersAreIgnored() throws {
        let patch = try JSONPatch(json(#"[{"op":"remove","path":"/a","value":1,"from":7,"extra":{}}]"#))
        #expect(patch.operations == [.remove(path: JSONPointer(tokens: ["a"]))])
    }
}
