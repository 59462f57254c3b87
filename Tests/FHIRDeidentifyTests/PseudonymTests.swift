import FHIRDeidentify
import FHIRModel
import Foundation
import Testing

/// Keyed pseudonyms: stable, keyed, over the internal row identity, valid FHIR ids; and the
/// per-patient date offsets.
@Suite("Pseudonyms")
struct PseudonymTests {
    typealias F = DeidentifyFixtures

    @Test("A pseudonym is stable: the same resource gets the same one every time")
    func stable() throws {
        let first = try F.pseudonymizer().pseudonym(resourceType: "Patient", id: "p1")
        let second = try F.pseudonymizer().pseudonym(resourceType: "Patient", id: "p1")
        #expect(first != nil && first == second)
    }

    @Test("A pseudonym is a valid FHIR id: at most 64 of [A-Za-z0-9-.]")
    func format() throws {
        let pseudonymizer = try F.pseudonymizer()
        for (type, id) in [("Patient", "p1"), ("Observation", "a.b-c"), ("Encounter", String(repeating: "x", count: 64))] {
            let pseudonym = try #require(pseudonymizer.pseudonym(resourceType: type, id: id))
            #expect(pseudonym.count <= 64 && pseudonym.count == KeyedPseudonymizer.pseudonymLength)
            #expect(pseudonym.utf8.allSatisfy { byte in
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            })
        }
    }

    @Test("A pseudonym depends on the secret")
    func keyed() throws {
        let one = try F.pseudonymizer(secret: 7).pseudonym(resourceType: "Patient", id: "p1")
        let other = try F.pseudonymizer(secret: 8).pseudonym(resourceType: "Patient", id: "p1")
        #expect(one != other)
    }

    @Test("A pseudonym depends on the resource type")
    func perType() throws {
        let pseudonymizer = KeyedPseudonymizer(secret: try F.secret()) { _, _ in 1 }
        #expect(pseudonymizer.pseudonym(resourceType: "Patient", id: "1") != pseudonymizer.pseudonym(resourceType: "Observation", id: "1"))
    }

    @Test("A pseudonym is keyed over the internal row identity, not the id the client chose")
    func overTheInternalKey() throws {
        let secret = try F.secret()
        let here = KeyedPseudonymizer(secret: secret) { _, _ in 17 }
        let there = KeyedPseudonymizer(secret: secret) { _, _ in 18 }
        #expect(here.pseudonym(resourceType: "Patient", id: "same-id") != there.pseudonym(resourceType: "Patient", id: "same-id"))
        #expect(here.pseudonym(resourceType: "Patient", id: "one-id") == here.pseudonym(resourceType: "Patient", id: "another-id"))
        #expect(here.pseudonym(resourceType: "Patient", id: "x") == here.pseudonym(resourceType: "Patient", internalKey: 17))
    }

    @Test("A pseudonym turns back into its row only under the same secret and resource type")
    func reversible() throws {
        let pseudonymizer = KeyedPseudonymizer(secret: try F.secret()) { _, _ in nil }
        for key: Int64 in [0, 1, 17, 9_876_543_210, Int64.max] {
            let pseudonym = try #require(pseudonymizer.pseudonym(resourceType: "Patient", internalKey: key))
            #expect(pseudonymizer.internalKey(ofPseudonym: pseudonym, resourceType: "Patient") == key)
            #expect(pseudonymizer.internalKey(ofPseudonym: pseudonym, resourceType: "Observation") == nil)
            let other = KeyedPseudonymizer(secret: try F.secret(8)) { _, _ in nil }
            #expect(other.internalKey(ofPseudonym: pseudonym, resourceType: "Patient") == nil)
        }
        #expect(pseudonymizer.internalKey(ofPseudonym: String(repeating: "0", count: 32), resourceType: "Patient") == nil)
        #expect(pseudonymizer.internalKey(ofPseudonym: "123", resourceType: "Patient") == nil)
        #expect(pseudonymizer.internalKey(ofPseudonym: String(repeating: "G", count: 32), resourceType: "Patient") == nil)
    }

    @Test("Consecutive rows get unrelated pseudonyms")
    func unrelated() throws {
        let pseudonymizer = KeyedPseudonymizer(secret: try F.secret()) { _, _ in nil }
        let one = Array(try #require(pseudonymizer.pseudonym(resourceType: "Patient", internalKey: 1000)))
        let next = Array(try #require(pseudonymizer.pseudonym(resourceType: "Patient", internalKey: 1001)))
        let same = zip(one, next).filter { $0 == $1 }.count
        #expect(same < 12)
    }

    @Test("The secret is masked when printed and at least 32 bytes")
    func secretIsMasked() throws {
        let secret = try F.secret()
        #expect(!"\(secret)".contains("7"))
        #expect(PseudonymSecret(bytes: Array(repeating: 1, count: 31)) == nil)
        #expect(PseudonymSecret(hex: String(repeating: "a1", count: 32)) != nil)
        #expect(PseudonymSecret(hex: String(repeating: "g1", count: 32)) == nil)
    }

    @Test("References resolve: a subject's pseudonym is the patient's own")
    func referencesResolve() throws {
        let patient = try F.deidentify(#"{"resourceType": "Patient", "id": "p1"}"#)
        let observation = try F.deidentify(#"""
            {"resourceType": "Observation", "id": "o1", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4"}]},
             "subject": {"reference": "Patient/p1"}}
            """#)
        let id = try #require(patient.id)
        #expect(observation.json["subject"]?["reference"] == .string("Patient/" + id))
        #expect(patient.json["id"] == .string(id))
    }

    @Test("A resource whose id has no pseudonym is refused")
    func noPseudonymRefused() throws {
        let engine = try F.engine(unknownIDs: ["p1"])
        #expect(throws: DeidentificationRefusal.noPseudonym(resourceType: "Patient", id: "p1")) {
            try engine.deidentify(try F.json(#"{"resourceType": "Patient", "id": "p1"}"#), context: DeidentificationContext(referenceDate: F.now))
        }
    }

    @Test("Date offsets: the same for a patient, never 0, within the maximum either way")
    func dateShiftOffsets() throws {
        let pseudonymizer = try F.pseudonymizer()
        var seen: Set<Int> = []
        for index in 0..<500 {
            let days = pseudonymizer.dateShiftDays(patientInternalKey: Int64(index), maximumDays: 30)
            #expect(days != 0 && (-30...30).contains(days))
            #expect(days == pseudonymizer.dateShiftDays(patientInternalKey: Int64(index), maximumDays: 30))
            seen.insert(days)
        }
        #expect(seen.contains { $0 < 0 } && seen.contains { $0 > 0 })
        #expect(seen.count > 40)
    }
}

/// The seal of a research cursor.
@Suite("Project seal")
struct ProjectSealTests {
    typealias F = DeidentifyFixtures

    @Test("A sealed cursor opens under its project only, and not once altered")
    func sealOpens() throws {
        let seal = ProjectSeal(secret: try F.secret())
        let bytes = Data([1, 2, 3, 4, 5, 6, 7, 8])
        let text = try #require(seal.seal(bytes))
        #expect(seal.open(text) == bytes)
        #expect(!text.contains("AQIDBAUGBwg"))
        #expect(ProjectSeal(secret: try F.secret(8)).open(text) == nil)
        var altered = Array(text)
        altered[altered.count / 2] = altered[altered.count / 2] == "A" ? "B" : "A"
        #expect(seal.open(String(altered)) == nil)
        #expect(seal.open("not a cursor") == nil)
    }
}
