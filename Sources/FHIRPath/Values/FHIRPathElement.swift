public import FHIRModel
import Foundation

/// An element of a resource (or a whole resource) in a FHIRPath collection, with its FHIR type.
///
/// A FHIR primitive keeps its JSON value and the `_name` sibling that carries its `id` and
/// extensions, so `Patient.birthDate.extension(…)` reaches them. An element whose value is
/// absent but has extensions holds `.null`.
public struct FHIRPathElement: Sendable, Hashable {
    /// The element's JSON: an object for complex types and resources, a string, number or Boolean for primitives.
    public let json: JSONValue
    /// The `_name` sibling object of a primitive (its `id` and `extension`), when present.
    public let primitiveExtension: JSONObject?
    /// The FHIR type name, such as `HumanName`, `date`, `code`, `Patient` or `BackboneElement`;
    /// for JSON not described by the type model, the JSON kind's FHIRPath name.
    public let typeName: String
    /// Where the element's children are defined in the type model; nil when untyped.
    let scope: ElementScope?

    /// An element with the given parts.
    init(json: JSONValue, primitiveExtension: JSONObject? = nil, typeName: String, scope: ElementScope?) {
        self.json = json
        self.primitiveExtension = primitiveExtension
        self.typeName = typeName
        self.scope = scope
    }

    /// The JSON object holding the element's children: the element itself when complex, the `_name` sibling when primitive.
    var childContainer: JSONObject? {
        json.objectValue ?? primitiveExtension
    }

    /// Whether the element is a resource (its JSON has `resourceType`).
    var isResource: Bool { json["resourceType"]?.stringValue != nil }

    /// The System value of a primitive or Quantity element, nil for other complex elements and for an absent value.
    public var systemValue: FHIRPathValue? {
        PrimitiveConversion.systemValue(of: json, fhirType: typeName)
    }
}

/// The place in the type model where an element's children are defined: a type and a snapshot path in it.
struct ElementScope: Sendable, Hashable {
    /// The type whose snapshot holds the children.
    let typeName: String
    /// The snapshot path of the element, such as `Patient.contact` or `HumanName`.
    let path: String
}

/// Converts FHIR primitive JSON to FHIRPath System values.
enum PrimitiveConversion {
    static let stringTypes: Set<String> = [
        "string", "code", "id", "uri", "url", "canonical", "oid", "uuid", "markdown", "base64Binary", "xhtml",
    ]
    static let integerTypes: Set<String> = ["integer", "positiveInt", "unsignedInt", "integer64"]
    static let quantityTypes: Set<String> = ["Quantity", "Age", "Duration", "Distance", "Count", "SimpleQuantity", "MoneyQuantity"]

    static func systemValue(of json: JSONValue, fhirType: String) -> FHIRPathValue? {
        switch json {
        case .null, .array:
            return nil
        case .bool(let value):
            return .boolean(value)
        case .number(let number):
            if integerTypes.contains(fhirType) || (fhirType != "decimal" && number.isInteger), let value = number.intValue { return .integer(value) }
            return decimal(number.text).map(FHIRPathValue.decimal)
        case .string(let text):
            switch fhirType {
            case "date":
                return FHIRPathDateTime(parsing: text).map(FHIRPathValue.date) ?? .string(text)
            case "dateTime", "instant":
                return FHIRPathDateTime(parsing: text).map(FHIRPathValue.dateTime) ?? .string(text)
            case "time":
                return FHIRPathDateTime(parsing: text, timeOnly: true).map(FHIRPathValue.time) ?? .string(text)
            default:
                return .string(text)
            }
        case .object(let object):
            guard quantityTypes.contains(fhirType), let number = object["value"]?.numberValue, let value = decimal(number.text) else { return nil }
            let code = object["code"]?.stringValue
            let system = object["system"]?.stringValue
            let unit = (system == nil || system == "http://unitsofmeasure.org") ? (code ?? object["unit"]?.stringValue) : object["unit"]?.stringValue
            return .quantity(FHIRPathQuantity(value: value, unit: unit ?? "1"))
        }
    }

    /// An exact decimal from its text in the POSIX locale.
    static func decimal(_ text: String) -> Decimal? {
        Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}
