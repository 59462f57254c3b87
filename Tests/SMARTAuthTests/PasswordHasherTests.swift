import Foundation
import SMARTAuth
import Testing

@Suite struct PasswordHasherTests {
    let hasher = PasswordHasher(iterations: PasswordHasher.minimumIterations)

    @Test func theStoredStringNamesSchemeIterationsSaltAndHash() throws {
        let stored = try hasher.hash("correct horse battery staple")
        let fields = stored.split(separator: "$", omittingEmptySubsequences: false)
        #expect(fields.count == 4)
        #expect(fields[0] == "pbkdf2-sha256")
        #expect(fields[1] == "210000")
        #expect(Data(base64Encoded: String(fields[2]))?.count == 16)
        #expect(Data(base64Encoded: String(fields[3]))?.count == 32)
    }

    @Test func theRightPasswordVerifiesAndAWrongOneDoesNot() throws {
        let stored = try hasher.hash("correct horse battery staple")
        #expect(try hasher.verify("correct horse battery staple", against: stored))
        #expect(try !hasher.verify("correct horse battery stapler", against: stored))
        #expect(try !hasher.verify("", against: stored))
    }

    @Test func eachHashHasItsOwnSalt() throws {
        #expect(try hasher.hash("same") != (try hasher.hash("same")))
    }

    /// Values computed independently (Python's hashlib.pbkdf2_hmac).
    @Test func knownAnswers() throws {
        #expect(try hasher.verify("correct horse battery staple", against: "pbkdf2-sha256$210000$AAECAwQFBgcICQoLDA0ODw==$GEZcreCWwYW19gdliR/KP3RHfiP9m2/Ij694MakXU6w="))
        #expect(try hasher.verify("pässwörd", against: "pbkdf2-sha256$250000$ZGVmZ2hpamtsbW5vcHFycw==$VdZrR5sq6ADFfefERNHa7fTjEmSijYgUVzWLithu60I="))
    }

    @Test func tooFewIterationsAreRefused() {
        #expect(throws: PasswordHashError.tooFewIterations(100_000)) { try PasswordHasher(iterations: 100_000).hash("x") }
        #expect(throws: PasswordHashError.malformedHash(reason: "its iteration count '1000' is not between 210000 and 10000000")) {
            try hasher.verify("x", against: "pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw==$GEZcreCWwYW19gdliR/KP3RHfiP9m2/Ij694MakXU6w=")
        }
    }

    @Test func malformedStoredHashesThrow() {
        for stored in ["", "plain", "pbkdf2-sha256$210000$salt", "bcrypt$210000$AAECAwQFBgcICQoLDA0ODw==$GEZcreCWwYW19gdliR/KP3RHfiP9m2/Ij694MakXU6w=",
                       "pbkdf2-sha256$210000$!!!$GEZcreCWwYW19gdliR/KP3RHfiP9m2/Ij694MakXU6w=", "pbkdf2-sha256$210000$AAECAwQFBgcICQoLDA0ODw==$AAAA"] {
            #expect(throws: PasswordHashError.self) { try hasher.verify("x", against: stored) }
        }
    }

    @Test func unacceptablePasswordsAreNotHashed() {
        #expect(throws: PasswordHashError.unacceptablePassword(reason: "it is empty")) { try hasher.hash("") }
        #expect(throws: PasswordHashError.unacceptablePassword(reason: "it is longer than 1024 bytes")) {
            try hasher.hash(String(repeating: "x", count: 1025))
        }
    }

    @Test func fewerIterationsThanConfiguredNeedARehash() throws {
        let stored = try hasher.hash("p")
        #expect(!hasher.needsRehash(stored))
        #expect(PasswordHasher().needsRehash(stored))
        #expect(hasher.needsRehash("garbage"))
        #expect(PasswordHasher.defaultIterations >= PasswordHasher.minimumIterations)
    }
}
