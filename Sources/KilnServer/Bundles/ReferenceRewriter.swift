import FHIRModel

/// Rewrites the references of resources in a transaction: `urn:uuid:` fullUrls (and conditional
/// references) become the `Type/id` the server assigned.
enum ReferenceRewriter {
    /// Every `reference` string in `value` (any depth).
    static func references(in value: JSONValue) -> [String] {
        var found: [String] = []
        collect(value, into: &found)
        return found
    }

    private static func collect(_ value: JSONValue, into found: inout [String]) {
        switch value {
        case .object(let object):
            for member in object {
                if member.key == "reference", let text = member.value.stringValue {
                    found.append(text)
                } else {
                    collect(member.value, into: &found)
                }
            }
        case .array(let elements):
            for element in elements { collect(element, into: &found) }
        default:
            break
        }
    }

    /// `value` with every `reference` found in `map` replaced. A `urn:uuid:` or `urn:oid:`
    /// reference missing from `map` is an error: it points at nothing in the Bundle.
    static func rewrite(_ value: JSONValue, map: [String: String], expression: String) throws(FHIRError) -> JSONValue {
        switch value {
        case .object(var object):
            for member in object {
                if member.key == "reference", let text = member.value.stringValue {
                    if let replacement = map[text] {
                        object["reference"] = .string(replacement)
                    } else if text.hasPrefix("urn:uuid:") || text.hasPrefix("urn:oid:") {
                        throw FHIRError.badRequest("\(expression) refers to \(text), which is not the fullUrl of any entry in this transaction", code: .notFound, expression: [expression])
                    }
                } else {
                    object[member.key] = try rewrite(member.value, map: map, expression: expression)
                }
            }
            return .object(object)
        case .array(let elements):
            var rewritten: [JSONValue] = []
            rewritten.reserveCapacity(elements.count)
            for element in elements { rewritten.append(try rewrite(element, map: map, expression: expression)) }
            return .array(rewritten)
        default:
            return value
        }
    }
}
