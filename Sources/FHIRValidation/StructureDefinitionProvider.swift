public import FHIRDefinitions

/// Where the validator finds StructureDefinitions: base types, profiles and extension definitions.
///
/// The shipped registry of compiled definitions is one; a validation run that brings its own
/// supporting definitions layers them over it.
public protocol StructureDefinitionProvider: Sendable {
    /// The definition with this canonical URL (optionally `url|version`), with its snapshot.
    func definition(url: String) -> StructureDefinition?
}

extension StructureDefinitionProvider {
    /// The base definition of a resource or datatype, such as `Patient` or `HumanName`.
    public func definition(forType typeName: String) -> StructureDefinition? {
        if typeName.contains(":") { return definition(url: typeName) }
        return definition(url: "http://hl7.org/fhir/StructureDefinition/\(typeName)")
    }
}
