public import FHIRModel

/// The extension that carries a request's id (``RequestID``) on the Provenance of its writes,
/// since R4's Provenance has no element for it. Defined by
/// `fhir-profiles/kiln/request-id.json`: a `valueString` on Provenance, at most once, within
/// the characters and length Kiln keeps of an `X-Request-ID`.
///
/// ```json
/// "extension": [{"url": "https://kiln.dev/fhir/StructureDefinition/request-id", "valueString": "9f1c…"}]
/// ```
///
/// No search parameter indexes it: find a write's Provenance by its target
/// (`Provenance?target=Observation/12`) and read the request id from it.
public enum RequestIDExtension {
    /// The extension's URL.
    public static let url = "https://kiln.dev/fhir/StructureDefinition/request-id"

    /// The extension for `requestID`.
    public static func extensionValue(_ requestID: String) -> JSONValue {
        ["url": .string(url), "valueString": .string(requestID)]
    }

    /// The request id an extension list carries, if any.
    public static func requestID(in extensions: JSONValue?) -> String? {
        extensions?.arrayValue?.first { $0["url"]?.stringValue == url }?["valueString"]?.stringValue
    }
}
