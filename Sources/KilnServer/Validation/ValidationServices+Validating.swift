public import FHIRDefinitions
public import FHIRModel
public import FHIRValidation

extension ValidationServices {
    /// Validates `resource` against its base definition, the profiles it claims in
    /// `meta.profile` and `profiles`; a StructureDefinition is also checked for a snapshot that
    /// can be generated (see ``checkStructureDefinition(_:)``).
    public func validate(_ resource: JSONValue, profiles: [String] = []) -> ValidationOutcome {
        var outcome = validator.validate(resource, options: ValidationOptions(profiles: profiles))
        do {
            _ = try checkStructureDefinition(resource)
        } catch {
            outcome.issues += error.issues
        }
        return outcome
    }

    /// For a StructureDefinition, the definition with its snapshot, generated against the
    /// registry without registering it; nil for other resources. Throws 422 with the reason when
    /// the snapshot cannot be generated (an unknown base, a bad differential).
    public func checkStructureDefinition(_ resource: JSONValue) throws(FHIRError) -> StructureDefinition? {
        guard resource["resourceType"]?.stringValue == "StructureDefinition" else { return nil }
        let scratch = registry.makeScopedCopy()
        let definition: StructureDefinition
        do {
            definition = try StructureDefinition(json: resource)
            try scratch.register(definition)
        } catch {
            throw FHIRError.unprocessable("The StructureDefinition cannot be used as a profile: \(error.message)", code: .invalid, expression: ["StructureDefinition"])
        }
        return scratch.definition(url: definition.url) ?? definition
    }

    /// Registers StructureDefinition resources in the live registry, in an order that puts
    /// each after the definitions it derives from; returns the problems of those that could not
    /// be registered.
    @discardableResult
    public func register(structureDefinitions resources: [JSONValue]) -> [DefinitionsError] {
        var pending = resources
        var problems: [DefinitionsError] = []
        // A definition whose base is another pending one fails until that one is in; repeat
        // while each pass registers something.
        while !pending.isEmpty {
            var failed: [JSONValue] = []
            problems = []
            for resource in pending {
                do {
                    try registry.register(json: resource)
                } catch {
                    failed.append(resource)
                    problems.append(error)
                }
            }
            if failed.count == pending.count { break }
            pending = failed
        }
        return problems
    }
}
