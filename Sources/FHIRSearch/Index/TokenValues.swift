import FHIRModel
import FHIRPath

/// The token rows of one value of a token parameter.
enum TokenValues {
    /// The FHIR primitive types whose text is a token code.
    static let codeLikeTypes: Set<String> = ["code", "string", "id", "uri", "url", "canonical", "oid", "uuid", "markdown"]

    /// The rows of `value` for `parameter`: a Coding, each coding of a CodeableConcept (or its
    /// text alone), an Identifier (plus its `:of-type` rows), a ContactPoint, a boolean or a
    /// code-like primitive; nothing for other types. A `code` element gets `codeSystem` (the
    /// system of its required binding, see ``BoundCodeSystem``), others have their own or none.
    static func rows(of value: FHIRPathValue, parameter: String, codeSystem: String? = nil) -> [TokenIndexRow] {
        switch value {
        case .boolean(let flag):
            return [TokenIndexRow(parameter: parameter, system: "", code: flag ? "true" : "false")]
        case .string(let text):
            return [TokenIndexRow(parameter: parameter, system: "", code: text)]
        case .element(let element):
            return rows(of: element.json, typeName: element.typeName, parameter: parameter, codeSystem: codeSystem)
        default:
            return []
        }
    }

    /// The rows of the JSON of an element of FHIR type `typeName`.
    static func rows(of json: JSONValue, typeName: String, parameter: String, codeSystem: String? = nil) -> [TokenIndexRow] {
        switch typeName {
        case "code":
            return json.stringValue.map { [TokenIndexRow(parameter: parameter, system: codeSystem ?? "", code: $0)] } ?? []
        case "Coding":
            return coding(json, parameter: parameter, text: nil).map { [$0] } ?? []
        case "CodeableConcept":
            return codeableConcept(json, parameter: parameter)
        case "Identifier":
            return identifier(json, parameter: parameter)
        case "ContactPoint":
            return json["value"]?.stringValue.map { [TokenIndexRow(parameter: parameter, system: "", code: $0)] } ?? []
        case "boolean":
            return json.boolValue.map { [TokenIndexRow(parameter: parameter, system: "", code: $0 ? "true" : "false")] } ?? []
        case let type where codeLikeTypes.contains(type):
            return json.stringValue.map { [TokenIndexRow(parameter: parameter, system: "", code: $0)] } ?? []
        default:
            return []
        }
    }

    /// The system and code pairs of `value` (a Coding, a CodeableConcept's codings, a code),
    /// as the components of a composite match them; rows without a code are left out.
    static func codes(of value: FHIRPathValue) -> [(system: String, code: String)] {
        rows(of: value, parameter: "").filter { $0.parameter.isEmpty && !$0.code.isEmpty }.map { ($0.system, $0.code) }
    }

    /// The row of a Coding with a code; `text` (already normalized) replaces its display.
    static func coding(_ json: JSONValue, parameter: String, text: String?) -> TokenIndexRow? {
        guard let code = json["code"]?.stringValue else { return nil }
        let display = text ?? json["display"]?.stringValue.map(SearchText.normalize)
        return TokenIndexRow(parameter: parameter, system: json["system"]?.stringValue ?? "", code: code, text: display)
    }

    /// One row per coding with the concept's text (or the coding's display); a concept without
    /// coded codings but with text gives one row of empty system and code carrying the text.
    static func codeableConcept(_ json: JSONValue, parameter: String) -> [TokenIndexRow] {
        let text = json["text"]?.stringValue.map(SearchText.normalize)
        let codings = (json["coding"]?.arrayValue ?? []).compactMap { coding($0, parameter: parameter, text: text) }
        if !codings.isEmpty { return codings }
        guard let text else { return [] }
        return [TokenIndexRow(parameter: parameter, system: "", code: "", text: text)]
    }

    /// The row of an Identifier with a value, plus one `<parameter>:of-type` row per coded type coding.
    static func identifier(_ json: JSONValue, parameter: String) -> [TokenIndexRow] {
        guard let value = json["value"]?.stringValue else { return [] }
        let type = json["type"]
        var rows = [TokenIndexRow(
            parameter: parameter,
            system: json["system"]?.stringValue ?? "",
            code: value,
            text: type?["text"]?.stringValue.map(SearchText.normalize)
        )]
        for typeCoding in type?["coding"]?.arrayValue ?? [] {
            guard let typeCode = typeCoding["code"]?.stringValue else { continue }
            rows.append(TokenIndexRow(
                parameter: parameter + ":of-type",
                system: typeCoding["system"]?.stringValue ?? "",
                code: typeCode + "|" + value
            ))
        }
        return rows
    }
}
