import FHIRDefinitions
import FHIRModel
import FHIRPath

/// Reads the values of a reference parameter: references by target type and id when they
/// point at this server, by URL otherwise.
struct ReferenceValues: Sendable {
    /// The server's base URL without a trailing `/`; nil when unknown.
    let baseURL: String?
    /// The type model that says which names are resource types.
    let typeModel: TypeModel

    init(baseURL: String?, typeModel: TypeModel) {
        var base = baseURL
        while let text = base, text.hasSuffix("/") { base = String(text.dropLast()) }
        self.baseURL = base.flatMap { $0.isEmpty ? nil : $0 }
        self.typeModel = typeModel
    }

    /// The reference rows of `value` for `parameter`, and the token rows of `<parameter>:identifier`
    /// from `Reference.identifier`: a Reference, or a canonical, uri or url (a URL row).
    func rows(of value: FHIRPathValue, parameter: String) -> (references: [ReferenceIndexRow], tokens: [TokenIndexRow]) {
        switch value {
        case .string(let text):
            return ([ReferenceIndexRow(parameter: parameter, targetType: nil, targetID: nil, url: text)], [])
        case .element(let element) where element.typeName == "Reference":
            let reference = element.json["reference"]?.stringValue.flatMap { row(of: $0, parameter: parameter) }
            let identifier = element.json["identifier"].map {
                TokenValues.identifier($0, parameter: parameter + ":identifier").filter { $0.parameter == parameter + ":identifier" }
            }
            return (reference.map { [$0] } ?? [], identifier ?? [])
        case .element(let element) where ["canonical", "uri", "url"].contains(element.typeName):
            let url = element.json.stringValue.map { ReferenceIndexRow(parameter: parameter, targetType: nil, targetID: nil, url: $0) }
            return (url.map { [$0] } ?? [], [])
        default:
            return ([], [])
        }
    }

    /// The row of a `Reference.reference`: `Type/id` (or `Type/id/_history/n`, relative or under
    /// the base URL) by type and id; a reference to a contained resource (`#…`) none; anything
    /// else by URL.
    func row(of reference: String, parameter: String) -> ReferenceIndexRow? {
        guard !reference.isEmpty, !reference.hasPrefix("#") else { return nil }
        if let (type, id) = localTarget(of: reference) {
            return ReferenceIndexRow(parameter: parameter, targetType: type, targetID: id, url: nil)
        }
        return ReferenceIndexRow(parameter: parameter, targetType: nil, targetID: nil, url: reference)
    }

    /// The target type and id of a reference to this server, nil for any other reference.
    func localTarget(of reference: String) -> (type: String, id: String)? {
        var path = Substring(reference)
        if let baseURL, reference.hasPrefix(baseURL + "/") {
            path = path.dropFirst(baseURL.count + 1)
        }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 || (parts.count == 4 && parts[2] == "_history" && !parts[3].isEmpty) else { return nil }
        let type = String(parts[0])
        let id = String(parts[1])
        guard typeModel.isResourceType(type), Self.isResourceID(id) else { return nil }
        return (type, id)
    }

    /// Whether `text` is a valid resource id: 1 to 64 letters, digits, `-` and `.`.
    static func isResourceID(_ text: String) -> Bool {
        (1...64).contains(text.utf8.count) && text.utf8.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
    }
}
