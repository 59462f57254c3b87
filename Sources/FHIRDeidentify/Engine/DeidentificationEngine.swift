public import FHIRDefinitions
public import FHIRModel

/// The rule engine of the research view: it turns a stored resource into its de-identified
/// form under a profile (``DeidentificationRules``), or says why it cannot.
///
/// It is pure: the rules, the type model (to know each element's datatype), the pseudonyms and
/// the displays are given when it is made, the reference date and the patient's date offset
/// with each resource; it reads no file, clock or store.
///
/// ```swift
/// let engine = DeidentificationEngine(rules: safeHarbor, types: catalog.typeModel,
///                                     pseudonymizer: pseudonyms, displays: terminology)
/// let output = try engine.deidentify(resource, context: DeidentificationContext(referenceDate: now))
/// output.json        // the resource to serialize
/// output.labels      // [.aggregated, .pseudonymized, .redacted]
/// ```
///
/// Every element is decided by the rules: a path rule for it (`Patient.gender`, `Coding.display`,
/// `Resource.id`) or else the datatype rule of its type (`HumanName`, `dateTime`); an element
/// neither names is dropped, and so is every extension whose URL the profile does not list.
/// The labels of what was done go into `meta.security`.
public struct DeidentificationEngine: Sendable {
    /// The resource types the research view never serves, whatever a profile lists: who decided,
    /// who recorded and who did (Consent, Provenance, AuditEvent), and the people, places and
    /// things that identify them.
    public static let neverServedTypes: Set<String> = [
        "Consent", "Provenance", "AuditEvent", "Practitioner", "PractitionerRole", "Organization", "Location", "Device",
        "RelatedPerson", "Person",
    ]

    /// The profile.
    public var rules: DeidentificationRules { tables.rules }
    /// What stays the same for every request, shared by every copy of the engine.
    let tables: EngineTables
    private(set) var pseudonymizer: any Pseudonymizer

    /// An engine for a profile, knowing datatypes from `types`, pseudonyms from `pseudonymizer`
    /// and Coding displays from `displays`.
    public init(rules: DeidentificationRules, types: TypeModel, pseudonymizer: any Pseudonymizer,
                displays: any TerminologyDisplays = NoTerminologyDisplays()) {
        self.tables = EngineTables(rules: rules, model: types, displays: displays)
        self.pseudonymizer = pseudonymizer
    }

    /// The same engine (rules already compiled) taking its pseudonyms from `pseudonymizer`: the
    /// research view makes one per request, from the row identities that request's resources
    /// and references have.
    public func pseudonymizing(with pseudonymizer: any Pseudonymizer) -> DeidentificationEngine {
        var engine = self
        engine.pseudonymizer = pseudonymizer
        return engine
    }

    /// Whether resources of `resourceType` are served; throws the reason when they are not.
    public func checkServed(_ resourceType: String) throws(DeidentificationRefusal) {
        if Self.neverServedTypes.contains(resourceType) { throw .neverServed(resourceType) }
        guard tables.rules.serves(resourceType), tables.model.isResourceType(resourceType) else { throw .typeNotServed(resourceType) }
    }

    /// The de-identified form of `resource`; throws why there is none.
    public func deidentify(_ resource: JSONValue, context: DeidentificationContext) throws(DeidentificationRefusal) -> DeidentifiedResource {
        guard let object = resource.objectValue, let type = object["resourceType"]?.stringValue else { throw .notAResource }
        try checkServed(type)
        var walk = ResourceWalk(tables: tables, pseudonymizer: pseudonymizer, context: context, resource: object, resourceType: type)
        var output = walk.walk(object, in: walk.resourceScope())
        if let refusal = walk.refusal { throw refusal }
        if output.members.first?.key != "resourceType" { output.set("resourceType", to: .string(type), at: 0) }
        let labels = walk.labels.sorted
        if !labels.isEmpty { Self.label(&output, with: labels) }
        return DeidentifiedResource(json: .object(output), resourceType: type, id: output["id"]?.stringValue, labels: labels,
                                    profile: tables.rules.name + " " + tables.rules.version)
    }

    /// Adds the labels to `meta.security` (after those kept), `meta` placed after `id`.
    private static func label(_ resource: inout JSONObject, with labels: [DeidentificationLabel]) {
        var meta = resource.removeValue(forKey: "meta")?.objectValue ?? JSONObject()
        var security = meta["security"]?.arrayValue ?? []
        for label in labels where !security.contains(where: { $0["system"]?.stringValue == DeidentificationLabel.system && $0["code"]?.stringValue == label.rawValue }) {
            security.append(label.coding)
        }
        meta["security"] = .array(security)
        let position = (resource.members.firstIndex { $0.key == "id" } ?? 0) + 1
        resource.set("meta", to: .object(meta), at: position)
    }
}

/// The parts of an engine that every request shares: the profile, its tables, the type model,
/// the displays and the decisions made so far.
final class EngineTables: Sendable {
    /// The profile.
    let rules: DeidentificationRules
    /// The profile as lookup tables.
    let compiled: CompiledRules
    /// The type model, for each element's datatype.
    let model: TypeModel
    /// Coding displays.
    let displays: any TerminologyDisplays
    /// The decisions of the elements met so far, by the type their paths start at.
    let rootScopes = RootScopes()

    init(rules: DeidentificationRules, model: TypeModel, displays: any TerminologyDisplays) {
        self.rules = rules
        self.compiled = CompiledRules(rules)
        self.model = model
        self.displays = displays
    }
}
