import FHIRDefinitions
import FHIRModel

extension FunctionCall {
    /// children, descendants, type, extension, hasValue, getValue, resolve, memberOf, conformsTo, htmlChecks.
    func model(_ function: FunctionName) throws -> [FHIRPathValue] {
        let navigator = evaluator.navigator
        switch function {
        case .children:
            var output: [FHIRPathValue] = []
            for case .element(let element) in input { navigator.allChildren(of: element, into: &output) }
            return output
        case .descendants:
            var output: [FHIRPathValue] = []
            var frontier = input
            while !frontier.isEmpty {
                var next: [FHIRPathValue] = []
                for case .element(let element) in frontier { navigator.allChildren(of: element, into: &next) }
                output += next
                frontier = next
            }
            return output
        case .type:
            return input.map(Self.typeInfo)
        case .extension:
            guard let url = try stringArgument(0) else { return [] }
            var output: [FHIRPathValue] = []
            for case .element(let element) in input {
                var extensions: [FHIRPathValue] = []
                navigator.children(of: element, named: "extension", into: &extensions)
                output += extensions.filter { item in
                    if case .element(let candidate) = item { return candidate.json["url"]?.stringValue == url }
                    return false
                }
            }
            return output
        case .hasValue:
            guard input.count == 1 else { return [.boolean(false)] }
            if case .element(let element) = input[0] { return [.boolean(element.json != .null && element.json.objectValue == nil)] }
            return [.boolean(true)]
        case .getValue:
            guard input.count == 1 else { return [] }
            if case .element(let element) = input[0] {
                guard element.json.objectValue == nil, let value = element.systemValue else { return [] }
                return [value]
            }
            return input
        case .resolve:
            return try input.compactMap(resolve)
        case .memberOf:
            guard let url = try stringArgument(0), let item = input.first else { return [] }
            guard let terminology = evaluator.environment.terminology else {
                throw FHIRPathError.execution("memberOf() is not supported: no terminology service is configured")
            }
            return [.boolean(try terminology.isMember(item, ofValueSet: url))]
        case .conformsTo:
            guard let url = try stringArgument(0), let item = input.first else { return [] }
            guard let validator = evaluator.environment.profileValidator else {
                throw FHIRPathError.execution("conformsTo() is not supported: no profile validator is configured")
            }
            return [.boolean(try validator.conforms(item, toProfile: url))]
        case .htmlChecks, .htmlChecks2:
            return [.boolean(true)]
        default:
            throw FHIRPathError.execution("\(function.rawValue)() is not supported")
        }
    }

    /// The reflection object `type()` gives: `{ namespace, name }`.
    static func typeInfo(_ item: FHIRPathValue) -> FHIRPathValue {
        let (namespace, name): (String, String) = switch item {
        case .element(let element): ("FHIR", element.typeName)
        case .boolean: ("System", "Boolean")
        case .integer: ("System", "Integer")
        case .decimal: ("System", "Decimal")
        case .string: ("System", "String")
        case .date: ("System", "Date")
        case .dateTime: ("System", "DateTime")
        case .time: ("System", "Time")
        case .quantity: ("System", "Quantity")
        }
        let json: JSONValue = ["namespace": .string(namespace), "name": .string(name)]
        return .element(FHIRPathElement(json: json, typeName: "SimpleTypeInfo", scope: nil))
    }

    private func resolve(_ item: FHIRPathValue) throws -> FHIRPathValue? {
        let reference: String
        switch item {
        case .element(let element):
            if let text = element.json["reference"]?.stringValue ?? element.json.stringValue { reference = text } else { return nil }
        case .string(let text):
            reference = text
        default:
            return nil
        }
        let navigator = evaluator.navigator
        if reference.hasPrefix("#") {
            let id = String(reference.dropFirst())
            for case .element(let holder) in evaluator.resource + evaluator.rootResource {
                for contained in holder.json["contained"]?.arrayValue ?? [] where contained["id"]?.stringValue == id {
                    return .element(navigator.root(contained))
                }
            }
            return nil
        }
        for case .element(let root) in evaluator.rootResource where root.typeName == "Bundle" {
            for entry in root.json["entry"]?.arrayValue ?? [] {
                guard let resource = entry["resource"], let type = resource["resourceType"]?.stringValue else { continue }
                let local = type + "/" + (resource["id"]?.stringValue ?? "")
                if entry["fullUrl"]?.stringValue == reference || local == reference || reference.hasSuffix("/" + local) {
                    return .element(navigator.root(resource))
                }
            }
        }
        if let resolver = evaluator.environment.referenceResolver, let resource = try resolver.resolve(reference: reference) {
            return .element(navigator.root(resource))
        }
        let parts = reference.split(separator: "/").map(String.init)
        guard parts.count >= 2 else { return nil }
        let historyOffset = parts.count >= 4 && parts[parts.count - 2] == "_history" ? 2 : 0
        let type = parts[parts.count - 2 - historyOffset]
        let id = parts[parts.count - 1 - historyOffset]
        guard let first = type.first, first.isUppercase, navigator.model?.isResourceType(type) ?? true else { return nil }
        return .element(navigator.root(["resourceType": .string(type), "id": .string(id)]))
    }
}
