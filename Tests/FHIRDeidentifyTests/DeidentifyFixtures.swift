import FHIRDefinitions
import FHIRDeidentify
import FHIRModel
import Foundation
import KilnFixtures
import Testing

/// The shipped profiles, a keyed pseudonymizer and resources written as JSON, for the engine's tests.
enum DeidentifyFixtures {
    /// The reference date of every test: 2026-06-01.
    static let now = FHIRInstant.parse("2026-06-01T00:00:00Z") ?? Date(timeIntervalSince1970: 1_780_272_000)

    /// The folder of the shipped rules files.
    static let rulesFolder = Fixtures.repositoryURL("fhir-profiles/deidentification")

    /// A shipped profile by name.
    static func rules(_ name: String = "safe-harbor") throws -> DeidentificationRules {
        try DeidentificationRulesLoader(explicitDirectory: rulesFolder.path).load(named: name)
    }

    /// The secret of the tests' pseudonyms.
    static func secret(_ byte: UInt8 = 7) throws -> PseudonymSecret {
        try #require(PseudonymSecret(bytes: Array(repeating: byte, count: 32)))
    }

    /// The internal key of every resource in the tests: a row number made from its type and id
    /// (FNV-1a), standing in for the store's row identity; the ids in `unknown` have none.
    static func pseudonymizer(secret byte: UInt8 = 7, unknown: Set<String> = []) throws -> KeyedPseudonymizer {
        KeyedPseudonymizer(secret: try secret(byte)) { type, id in
            unknown.contains(id) ? nil : rowKey(type: type, id: id)
        }
    }

    /// The stand-in row identity of a resource.
    static func rowKey(type: String, id: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(type)/\(id)".utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int64(bitPattern: hash >> 1)
    }

    /// An engine for a shipped profile.
    static func engine(_ profile: String = "safe-harbor", displays: any TerminologyDisplays = NoTerminologyDisplays(),
                       unknownIDs: Set<String> = []) throws -> DeidentificationEngine {
        DeidentificationEngine(rules: try rules(profile), types: try DefinitionsCatalog.loadDefault().typeModel,
                               pseudonymizer: try pseudonymizer(unknown: unknownIDs), displays: displays)
    }

    /// A resource from its JSON text.
    static func json(_ text: String) throws -> JSONValue {
        try JSONParser().parse(text)
    }

    /// The resource de-identified under a shipped profile.
    static func deidentify(_ text: String, profile: String = "safe-harbor", dateShiftDays: Int? = nil,
                           displays: any TerminologyDisplays = NoTerminologyDisplays()) throws -> DeidentifiedResource {
        let engine = try engine(profile, displays: displays)
        return try engine.deidentify(try json(text), context: DeidentificationContext(referenceDate: now, dateShiftDays: dateShiftDays))
    }

    /// The pseudonym the tests' pseudonymizer gives a resource.
    static func pseudonym(_ type: String, _ id: String) throws -> String {
        try #require(try pseudonymizer().pseudonym(resourceType: type, id: id))
    }

    /// Every string in a value, with the path of element names it sits at (`Patient.address.state`).
    static func strings(in value: JSONValue, at path: String = "") -> [(path: String, value: String)] {
        switch value {
        case .string(let text): return [(path, text)]
        case .array(let items): return items.flatMap { strings(in: $0, at: path) }
        case .object(let object):
            return object.flatMap { member in strings(in: member.value, at: path.isEmpty ? member.key : path + "." + member.key) }
        default: return []
        }
    }

    /// Whether `text` appears anywhere in the value: as a string, or inside one.
    static func contains(_ value: JSONValue, _ text: String) -> Bool {
        strings(in: value).contains { $0.value.contains(text) }
    }
}
