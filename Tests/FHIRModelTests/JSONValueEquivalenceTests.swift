import FHIRModel
import Testing

@Suite struct JSONValueEquivalenceTests {
    @Test(arguments: [
        ("1", "1.0"), ("1", "1.00"), ("1.0", "1.00"), ("1", "1e0"), ("100", "1e2"), ("100", "1E+2"),
        ("1", "10e-1"), ("0.1", "1e-1"), ("0", "-0"), ("0", "0.000"), ("0", "0e10"), ("-0.0", "0E-5"),
        ("-1.5", "-15e-1"), ("123.4500", "123.45"),
        ("12345678901234567890.12", "12345678901234567890.1200"),
        ("12345678901234567890.12", "1234567890123456789012e-2"),
        ("-0.000000000000000000001", "-1e-21"),
        ("1e999999999999999999", "10e999999999999999998"),
    ])
    func numbersEqualByValue(lhs: String, rhs: String) throws {
        let lhs = try #require(JSONNumber(lhs)), rhs = try #require(JSONNumber(rhs))
        #expect(lhs.isNumericallyEqual(to: rhs))
        #expect(rhs.isNumericallyEqual(to: lhs))
        #expect(JSONValue.number(lhs).isEquivalent(to: .number(rhs)))
    }

    @Test(arguments: [
        ("1", "2"), ("1", "-1"), ("1", "10"), ("1", "0.1"), ("1", "1e1"), ("0.1", "0.01"),
        // Equal as Double, different as decimals.
        ("12345678901234567890.12", "12345678901234567890.13"),
        ("0.1", "0.1000000000000000000001"),
        ("9007199254740993", "9007199254740992"),
        ("1e-400", "0"),
    ])
    func numbersWithDifferentValuesDiffer(lhs: String, rhs: String) throws {
        let lhs = try #require(JSONNumber(lhs)), rhs = try #require(JSONNumber(rhs))
        #expect(!lhs.isNumericallyEqual(to: rhs))
        #expect(!rhs.isNumericallyEqual(to: lhs))
    }

    @Test func hugeExponentsCompareByText() throws {
        let number = try #require(JSONNumber("1e1234567890123456789012"))
        #expect(number.isNumericallyEqual(to: number))
        #expect(try !number.isNumericallyEqual(to: #require(JSONNumber("2e1234567890123456789012"))))
    }

    @Test func objectsIgnoreMemberOrder() throws {
        #expect(try json(#"{"a":1,"b":{"c":[1,2],"d":null}}"#).isEquivalent(to: json(#"{"b":{"d":null,"c":[1.0,2]},"a":1}"#)))
    }

    @Test func objectsNeedTheSameMembers() throws {
        #expect(try !json(#"{"a":1}"#).isEquivalent(to: json(#"{"a":1,"b":2}"#)))
        #expect(try !json(#"{"a":1,"b":2}"#).isEquivalent(to: json(#"{"a":1}"#)))
        #expect(try !json(#"{"a":null}"#).isEquivalent(to: json(#"{"b":null}"#)))
    }

    @Test func arraysKeepOrder() throws {
        #expect(try json("[1,2,3]").isEquivalent(to: json("[1.0,2,3e0]")))
        #expect(try !json("[1,2]").isEquivalent(to: json("[2,1]")))
        #expect(try !json("[1,2]").isEquivalent(to: json("[1,2,2]")))
    }

    @Test func stringsCompareByCodePoint() {
        #expect(JSONValue.string("é").isEquivalent(to: "é"))
        #expect(!JSONValue.string("\u{E9}").isEquivalent(to: .string("e\u{301}")))
        #expect(!JSONValue.string("a").isEquivalent(to: "A"))
    }

    @Test func differentKindsDiffer() throws {
        let values: [JSONValue] = [.null, false, true, 0, "0", "", [], [:], "null", "false"]
        for (i, lhs) in values.enumerated() {
            for (j, rhs) in values.enumerated() {
                #expect(lhs.isEquivalent(to: rhs) == (i == j), "\(lhs.jsonString) vs \(rhs.jsonString)")
            }
        }
    }
}
