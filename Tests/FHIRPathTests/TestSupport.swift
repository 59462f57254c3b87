import FHIRDefinitions
import FHIRModel
import FHIRPath

/// Evaluates `text` on `resource` with the repository's type model.
func evaluate(_ text: String, on resource: JSONValue = ["resourceType": "Patient"], strict: Bool = false) throws -> [FHIRPathValue] {
    let options = FHIRPathOptions(typeModel: try DefinitionsCatalog.loadDefault().typeModel, strict: strict)
    return try FHIRPathExpression(text, options: options).evaluate(resource)
}

/// The JSON of each result item.
func json(_ text: String, on resource: JSONValue = ["resourceType": "Patient"]) throws -> [JSONValue] {
    try evaluate(text, on: resource).map(\.jsonValue)
}

/// A JSON number from its exact text.
func number(_ text: String) -> JSONValue {
    JSONNumber(text).map(JSONValue.number) ?? .null
}
