import Foundation
import FHIRModel
import FHIRPath

/// The values of number and uri parameters.
enum NumberAndURIValues {
    /// The FHIR primitive types whose text is indexed as a URI.
    static let uriTypes: Set<String> = ["uri", "url", "canonical", "oid", "uuid", "string"]

    /// The number of an integer or decimal (element or System value); nil for other types.
    static func number(of value: FHIRPathValue) -> Decimal? {
        switch value.systemValue {
        case .integer(let integer): Decimal(integer)
        case .decimal(let decimal): decimal
        default: nil
        }
    }

    /// The text of a uri, url, canonical or string (element or System value); nil for other types.
    static func uri(of value: FHIRPathValue) -> String? {
        switch value {
        case .string(let text): text
        case .element(let element) where uriTypes.contains(element.typeName): element.json.stringValue
        default: nil
        }
    }
}
