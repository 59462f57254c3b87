public import FHIRModel

/// Extracts the `identifier` token values of a resource (its top-level `identifier` element, an
/// Identifier or a list of them), for conditional create, update and delete.
public enum IdentifierTokenExtractor {
    /// The search parameter these entries belong to.
    public static let parameter = "identifier"

    /// The `identifier` tokens of `resource`, without duplicates, in document order.
    public static func tokens(of resource: JSONValue) -> [TokenIndexEntry] {
        let identifiers: [JSONValue]
        switch resource["identifier"] {
        case .array(let values): identifiers = values
        case .object(let value): identifiers = [.object(value)]
        default: return []
        }
        var seen = Set<TokenIndexEntry>()
        var entries: [TokenIndexEntry] = []
        for identifier in identifiers {
            guard let value = identifier["value"]?.stringValue else { continue }
            let entry = TokenIndexEntry(parameter: parameter, system: identifier["system"]?.stringValue ?? "", code: value)
            if seen.insert(entry).inserted { entries.append(entry) }
        }
        return entries
    }
}
