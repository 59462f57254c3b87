public import FHIRModel
import Foundation

/// The codes of a value set, one page of them, and how many there are in all.
public struct ValueSetExpansion: Sendable {
    /// One code of the expansion.
    public struct Code: Sendable, Hashable {
        /// The system.
        public var system: String
        /// The system version.
        public var version: String?
        /// The code.
        public var code: String
        /// The display.
        public var display: String?
        /// Whether the code is abstract.
        public var isAbstract: Bool
        /// Designations, when asked for.
        public var designations: [ConceptDesignation]
    }

    /// The value set URL.
    public var url: String?
    /// The value set version.
    public var version: String?
    /// The value set name.
    public var name: String?
    /// The value set title.
    public var title: String?
    /// The value set status.
    public var status: String?
    /// Every matching code, before paging.
    public var total: Int
    /// The offset of the page.
    public var offset: Int
    /// The options used.
    public var options: ExpansionOptions
    /// The codes of the page.
    public var contains: [Code]

    /// The ValueSet resource with this `expansion`.
    public func json(id: String? = nil) -> JSONValue {
        var resource = JSONObject()
        resource["resourceType"] = "ValueSet"
        if let id { resource["id"] = .string(id) }
        if let url { resource["url"] = .string(url) }
        if let version { resource["version"] = .string(version) }
        if let name { resource["name"] = .string(name) }
        if let title { resource["title"] = .string(title) }
        resource["status"] = .string(status ?? "active")
        var expansion = JSONObject()
        expansion["identifier"] = .string("urn:uuid:\(UUID().uuidString.lowercased())")
        expansion["timestamp"] = .string(FHIRInstant.format(Date()))
        expansion["total"] = .number(JSONNumber(total))
        expansion["offset"] = .number(JSONNumber(offset))
        var parameters: [JSONValue] = []
        if let filter = options.filter { parameters.append(["name": "filter", "valueString": .string(filter)]) }
        if let count = options.count { parameters.append(["name": "count", "valueInteger": .number(JSONNumber(count))]) }
        if options.offset != 0 { parameters.append(["name": "offset", "valueInteger": .number(JSONNumber(options.offset))]) }
        if !parameters.isEmpty { expansion["parameter"] = .array(parameters) }
        if !contains.isEmpty {
            expansion["contains"] = .array(contains.map { code in
                var entry = JSONObject()
                entry["system"] = .string(code.system)
                if let version = code.version { entry["version"] = .string(version) }
                if code.isAbstract { entry["abstract"] = true }
                entry["code"] = .string(code.code)
                if let display = code.display { entry["display"] = .string(display) }
                if !code.designations.isEmpty { entry["designation"] = .array(code.designations.map(\.json)) }
                return .object(entry)
            })
        }
        resource["expansion"] = .object(expansion)
        return .object(resource)
    }
}

extension ConceptDesignation {
    /// The designation as FHIR JSON.
    public var json: JSONValue {
        var object = JSONObject()
        if let language { object["language"] = .string(language) }
        if let use { object["use"] = use.json }
        object["value"] = .string(value)
        return .object(object)
    }
}

extension TerminologyCoding {
    /// The coding as FHIR JSON.
    public var json: JSONValue {
        var object = JSONObject()
        if let system { object["system"] = .string(system) }
        object["code"] = .string(code)
        if let display { object["display"] = .string(display) }
        return .object(object)
    }
}
