public import FHIRModel
import FHIRSearch

/// The input parameters of an operation call, read the same way from a GET query string and
/// from a POST body that is a Parameters resource.
///
/// A POST body that is not a Parameters resource is kept as ``bodyResource`` (operations such
/// as `$validate` take the resource itself).
///
/// ```swift
/// let parameters = try OperationParameters(request: request)
/// parameters.string("code")          // "8867-4"
/// parameters.resource("resource")    // the Parameters' resource part
/// ```
public struct OperationParameters: Sendable {
    /// One parameter: its name and its value (a primitive as JSON, a complex value, or a resource).
    public struct Parameter: Sendable {
        /// The parameter name.
        public var name: String
        /// The `value[x]` as JSON, or nil.
        public var value: JSONValue?
        /// The `value[x]` type suffix, such as `Coding` or `code`; `string` for query parameters.
        public var valueType: String?
        /// The `resource` part, or nil.
        public var resource: JSONValue?
        /// Nested `part`s.
        public var parts: [Parameter]
    }

    /// The parameters in order.
    public var parameters: [Parameter]
    /// A POST body that is a resource other than Parameters.
    public var bodyResource: JSONValue?

    /// Reads the parameters of `request`: query parameters (except `_format` and `_pretty`) and,
    /// for a POST, the Parameters body or the resource body.
    public init(request: FHIRRequest) throws(FHIRError) {
        var parameters: [Parameter] = request.query
            .filter { $0.name != "_format" && $0.name != "_pretty" }
            .map { Parameter(name: $0.name, value: .string($0.value), valueType: "string", resource: nil, parts: []) }
        var bodyResource: JSONValue?
        if let body = request.body {
            if body["resourceType"]?.stringValue == "Parameters" {
                parameters += try Self.read(body["parameter"], at: "Parameters.parameter")
            } else if body.objectValue != nil {
                bodyResource = body
            } else {
                throw FHIRError.badRequest("The body of an operation must be a JSON object (a Parameters or a resource)")
            }
        }
        self.parameters = parameters
        self.bodyResource = bodyResource
    }

    /// Parameters given directly.
    public init(parameters: [Parameter], bodyResource: JSONValue? = nil) {
        self.parameters = parameters
        self.bodyResource = bodyResource
    }

    /// Every parameter named `name`.
    public func all(_ name: String) -> [Parameter] {
        parameters.filter { $0.name == name }
    }

    /// The first parameter named `name`.
    public func first(_ name: String) -> Parameter? {
        parameters.first { $0.name == name }
    }

    /// The value of `name` as text: a primitive's string form (numbers and booleans included).
    public func string(_ name: String) -> String? {
        guard let value = first(name)?.value else { return nil }
        switch value {
        case .string(let text): return text
        case .number(let number): return number.text
        case .bool(let flag): return flag ? "true" : "false"
        default: return nil
        }
    }

    /// The value of `name` as an integer; throws 400 when present but not a whole number.
    public func integer(_ name: String) throws(FHIRError) -> Int? {
        guard let text = string(name) else { return nil }
        guard let number = Int(text) else { throw FHIRError.badRequest("The parameter '\(name)' must be an integer, not '\(text)'") }
        return number
    }

    /// The value of `name` as a boolean; throws 400 when present but neither `true` nor `false`.
    public func boolean(_ name: String) throws(FHIRError) -> Bool? {
        guard let text = string(name) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default: throw FHIRError.badRequest("The parameter '\(name)' must be true or false, not '\(text)'")
        }
    }

    /// The complex value of `name` (a Coding, CodeableConcept, …).
    public func complex(_ name: String) -> JSONValue? {
        guard let value = first(name)?.value, value.objectValue != nil else { return nil }
        return value
    }

    /// The resource part of `name`.
    public func resource(_ name: String) -> JSONValue? {
        first(name)?.resource
    }

    private static func read(_ value: JSONValue?, at location: String) throws(FHIRError) -> [Parameter] {
        guard let value else { return [] }
        guard let array = value.arrayValue else { throw FHIRError.badRequest("\(location) must be an array") }
        var result: [Parameter] = []
        for item in array {
            guard let object = item.objectValue, let name = object["name"]?.stringValue else {
                throw FHIRError.badRequest("Every \(location) needs a name")
            }
            var parameter = Parameter(name: name, value: nil, valueType: nil, resource: object["resource"], parts: [])
            for (key, member) in object where key.hasPrefix("value") && key.count > 5 {
                parameter.value = member
                parameter.valueType = String(key.dropFirst(5))
            }
            parameter.parts = try read(object["part"], at: "\(location).part")
            result.append(parameter)
        }
        return result
    }
}
