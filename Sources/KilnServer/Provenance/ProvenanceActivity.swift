public import FHIRModel

/// What a write did, as `Provenance.activity` codes it: a code of
/// `http://terminology.hl7.org/CodeSystem/v3-DataOperation`, which the R4 value set
/// `provenance-activity-type` includes. A PATCH is an UPDATE (the code system has no patch).
public enum ProvenanceActivity: String, Sendable, Hashable, CaseIterable {
    /// A new resource (POST, or a PUT that created).
    case create = "CREATE"
    /// A new version of an existing resource (PUT, PATCH).
    case update = "UPDATE"
    /// A deletion.
    case delete = "DELETE"

    /// The code system.
    public static let system = "http://terminology.hl7.org/CodeSystem/v3-DataOperation"

    /// The code system's display of the code.
    public var display: String {
        switch self {
        case .create: "create"
        case .update: "revise"
        case .delete: "delete"
        }
    }

    /// `Provenance.activity`: a CodeableConcept with the one coding.
    public var codeableConcept: JSONValue {
        ["coding": [["system": .string(Self.system), "code": .string(rawValue), "display": .string(display)]]]
    }

    /// The activity of a request that wrote `versions`: theirs when they all share one, nil when
    /// they differ (a transaction that creates some resources and deletes others), since one
    /// Provenance then covers several activities and each target's own version history tells
    /// which it underwent.
    public static func common(to versions: [WrittenVersion]) -> ProvenanceActivity? {
        guard let first = versions.first?.activity else { return nil }
        return versions.allSatisfy { $0.activity == first } ? first : nil
    }
}
