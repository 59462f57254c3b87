import FHIRModel

/// Reads and writes compartments as CompartmentDefinition JSON: the specification's resources
/// and the compiled files (`compartment-patient.json`, …) use the same members, the compiled
/// ones keeping only the member resource types and their parameters.
enum CompartmentCoding {
    /// The compartment in a CompartmentDefinition resource; `location` names it in errors.
    static func compartment(from value: JSONValue, at location: JSONLocation) throws(DefinitionsError) -> CompartmentDefinition {
        let fields = try JSONFields(value, at: location)
        var parameters: [String: [String]] = [:]
        for resource in try fields.objects("resource") {
            parameters[try resource.string("code")] = try resource.strings("param")
        }
        return CompartmentDefinition(
            code: try fields.string("code"),
            url: try fields.string("url"),
            isSearchable: try fields.optionalBool("search") ?? true,
            parametersByResourceType: parameters
        )
    }

    /// The CompartmentDefinition JSON of `compartment`, member resource types in name order.
    static func json(_ compartment: CompartmentDefinition) -> JSONValue {
        let resources: [JSONValue] = compartment.resourceTypes.map { type in
            ["code": .string(type), "param": .array(compartment.parameters(for: type).map { .string($0) })]
        }
        return [
            "resourceType": "CompartmentDefinition",
            "url": .string(compartment.url),
            "code": .string(compartment.code),
            "search": .bool(compartment.isSearchable),
            "resource": .array(resources),
        ]
    }
}
