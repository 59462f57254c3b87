public import FHIRModel

/// The `X-Provenance` header: a Provenance a client sends with a write (as Microsoft's and
/// Firely's FHIR servers accept), stored in place of the minimal one Kiln would write.
///
/// The header holds a Provenance resource as JSON, parsed within the same limits as a body.
/// It must not have `target`: Kiln fills it with the versions the request writes, which the
/// client cannot know beforehand (a target it named could disagree with what was written, so
/// one is refused rather than silently replaced). Kiln then merges in what it knows
/// (``merge(_:into:)``) and validates the result like any written Provenance. A header that is
/// not JSON, not a Provenance, has a `target` or does not validate is 400 with an
/// OperationOutcome naming the header, and the request writes nothing.
public enum ProvenanceHeader {
    /// The header's name.
    public static let name = "X-Provenance"

    /// The header's JSON, parsed as a body is: at most `maximumSize` bytes (413 beyond) and
    /// `maximumDepth` levels deep (400 beyond, as for any JSON that is not valid).
    public static func parse(_ value: String, maximumSize: Int, maximumDepth: Int) throws(FHIRError) -> JSONValue {
        guard value.utf8.count <= maximumSize else {
            throw FHIRError.payloadTooLarge("The \(name) header is \(value.utf8.count) bytes; the limit is \(maximumSize) bytes")
        }
        do {
            return try JSONParser(limits: JSONLimits(maximumDepth: maximumDepth)).parse(value)
        } catch {
            let code: IssueType = error.kind == .tooDeep ? .tooCostly : .structure
            throw FHIRError.badRequest("The \(name) header is not valid JSON: \(error.description)", code: code)
        }
    }

    /// The client's Provenance in a parsed header, or 400 when it is not a Provenance Kiln can
    /// complete: not an object, another resource type, a `target` given, `agent` or
    /// `extension` not arrays.
    public static func clientProvenance(_ header: JSONValue) throws(FHIRError) -> JSONObject {
        guard case .object(let object) = header else {
            throw FHIRError.badRequest("The \(name) header is a JSON \(header.kindName); expected a Provenance resource object", code: .structure)
        }
        guard let type = object["resourceType"]?.stringValue else {
            throw FHIRError.badRequest("The \(name) header has no resourceType; expected \"Provenance\"", code: .required, expression: ["resourceType"])
        }
        guard type == "Provenance" else {
            throw FHIRError.badRequest("The \(name) header holds a \(type); expected a Provenance", expression: ["resourceType"])
        }
        if object["target"] != nil {
            throw FHIRError.badRequest("The \(name) header's Provenance has a target; leave it out: Kiln fills it with the versions this request writes", expression: ["Provenance.target"])
        }
        for element in ["agent", "extension"] where object[element] != nil && object[element]?.arrayValue == nil {
            throw FHIRError.badRequest("The \(name) header's Provenance.\(element) must be an array", code: .structure, expression: ["Provenance.\(element)"])
        }
        return object
    }

    /// The Provenance to store: the client's, with Kiln's parts merged in from `kiln` (what
    /// ``ProvenanceBuilder`` made for the write).
    ///
    /// - `target` is Kiln's; the client's `id` is dropped (Kiln assigns one, as for any create).
    /// - `recorded`, `reason` and `activity` are the client's when given, else Kiln's.
    /// - `agent` keeps the client's agents and adds Kiln's (the authenticated caller) unless an
    ///   agent already names the same `who`: a client can add attribution, not remove its own.
    /// - `extension` keeps the client's, with Kiln's request id in place of any the client sent.
    /// - Everything else (`entity`, `policy`, `location`, `signature`, `occurred[x]`, `meta`,
    ///   `text` …) is the client's, as sent.
    public static func merge(_ client: JSONObject, into kiln: JSONObject) -> JSONObject {
        var merged = client
        merged.removeValue(forKey: "id")
        merged["target"] = kiln["target"]
        for element in ["recorded", "reason", "activity"] where merged[element] == nil {
            merged[element] = kiln[element]
        }
        var agents = client["agent"]?.arrayValue ?? []
        for agent in kiln["agent"]?.arrayValue ?? [] where !agents.contains(where: { sameWho($0, agent) }) {
            agents.append(agent)
        }
        merged["agent"] = .array(agents)
        var extensions = (client["extension"]?.arrayValue ?? []).filter { $0["url"]?.stringValue != RequestIDExtension.url }
        extensions += (kiln["extension"]?.arrayValue ?? []).filter { $0["url"]?.stringValue == RequestIDExtension.url }
        merged["extension"] = extensions.isEmpty ? nil : .array(extensions)
        return inElementOrder(merged)
    }

    /// The error for a merged Provenance the validator rejected: 400 (the header is the
    /// client's input, not the body), each issue's diagnostics naming the header; its
    /// expressions point into the header's Provenance.
    public static func rejected(_ error: FHIRError) -> FHIRError {
        var issues = error.issues
        for index in issues.indices where !issues[index].diagnostics.hasPrefix(name) {
            issues[index].diagnostics = "\(name): \(issues[index].diagnostics)"
        }
        return FHIRError(status: 400, issues: issues)
    }

    /// Whether two agents name the same `who`: equal references, or equal Reference objects.
    private static func sameWho(_ left: JSONValue, _ right: JSONValue) -> Bool {
        guard let first = left["who"], let second = right["who"] else { return false }
        if let reference = first["reference"]?.stringValue, reference == second["reference"]?.stringValue { return true }
        return first == second
    }

    /// R4's order of Provenance's elements, for a merged resource to read like one Kiln made.
    private static let elementOrder = [
        "resourceType", "id", "meta", "implicitRules", "language", "text", "contained", "extension", "modifierExtension",
        "target", "occurredPeriod", "occurredDateTime", "recorded", "policy", "location", "reason", "activity", "agent",
        "entity", "signature",
    ]

    /// `object` with R4's elements in R4's order; anything else (primitive extensions such as
    /// `_recorded`, unknown elements the validator will report) after them, as sent.
    private static func inElementOrder(_ object: JSONObject) -> JSONObject {
        var ordered = JSONObject(minimumCapacity: object.count)
        for key in elementOrder {
            if let value = object[key] { ordered.appendNew(key, value) }
        }
        for member in object where ordered[member.key] == nil {
            ordered.appendNew(member.key, member.value)
        }
        return ordered
    }
}
