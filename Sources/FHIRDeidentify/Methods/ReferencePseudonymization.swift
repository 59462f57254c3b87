public import FHIRModel

/// References made pseudonymous: a relative literal reference `Type/id` (or `Type/id/_history/v`)
/// becomes `Type/PSEUDONYM`, with the Reference's `type` kept; the `display`, `identifier` and
/// extensions go. A reference that cannot be pseudonymized — an absolute URL, a contained
/// `#id`, a `urn:uuid:`, a logical reference by identifier only, or a target without a
/// pseudonym — is dropped whole.
public enum ReferencePseudonymization {
    /// The pseudonymous Reference, or nil when it is dropped. `isResourceType` says which first
    /// segments are resource types.
    public static func pseudonymize(_ reference: JSONObject, pseudonymizer: any Pseudonymizer,
                                    isResourceType: (String) -> Bool) -> JSONObject? {
        guard let text = reference["reference"]?.stringValue, let target = target(of: text, isResourceType: isResourceType),
              let pseudonym = pseudonymizer.pseudonym(resourceType: target.type, id: target.id) else { return nil }
        var result = JSONObject()
        result["reference"] = .string(target.type + "/" + pseudonym)
        if let type = reference["type"]?.stringValue, isResourceType(type) { result["type"] = .string(type) }
        return result
    }

    /// The type and id a relative literal reference names; nil for any other form.
    public static func target(of reference: String, isResourceType: (String) -> Bool) -> (type: String, id: String)? {
        let parts = reference.utf8.split(separator: UInt8(ascii: "/"), maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 2 || (parts.count == 4 && parts[2].elementsEqual("_history".utf8)) else { return nil }
        guard let type = String(parts[0]), let id = String(parts[1]), isResourceType(type), isFHIRId(id) else { return nil }
        return (type, id)
    }

    /// Whether `text` is a FHIR id: 1 to 64 of `A-Z a-z 0-9 - .`.
    static func isFHIRId(_ text: String) -> Bool {
        let bytes = text.utf8
        guard (1...64).contains(bytes.count) else { return false }
        return bytes.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
    }
}
