import FHIRModel
import FHIRPath

/// The texts of one value of a string parameter.
enum StringValues {
    /// The FHIR primitive types indexed as strings.
    static let textTypes: Set<String> = ["string", "markdown", "code", "id", "uri", "url", "canonical"]
    /// The parts of a HumanName indexed, in order.
    static let humanNameParts = ["family", "given", "prefix", "suffix", "text"]
    /// The parts of an Address indexed, in order.
    static let addressParts = ["line", "city", "district", "state", "postalCode", "country", "text"]

    /// The texts of `value`: a string primitive, each part of a HumanName or Address; nothing
    /// for other types.
    static func texts(of value: FHIRPathValue) -> [String] {
        switch value {
        case .string(let text):
            return [text]
        case .element(let element):
            switch element.typeName {
            case "HumanName": return parts(humanNameParts, of: element)
            case "Address": return parts(addressParts, of: element)
            case let type where textTypes.contains(type): return element.json.stringValue.map { [$0] } ?? []
            default: return []
            }
        default:
            return []
        }
    }

    /// The string values of the named children of `element`, each item of a repeating one apart.
    private static func parts(_ names: [String], of element: FHIRPathElement) -> [String] {
        names.flatMap { name -> [String] in
            guard let child = element.json[name] else { return [] }
            if let items = child.arrayValue { return items.compactMap(\.stringValue) }
            return child.stringValue.map { [$0] } ?? []
        }
    }
}
