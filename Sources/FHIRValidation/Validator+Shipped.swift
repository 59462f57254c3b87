public import FHIRDefinitions

extension Validator {
    /// A validator over what Kiln ships: the compiled R4 definitions, US Core and Kiln's own
    /// profiles (and any StructureDefinition dropped into `fhir-profiles/`), found the way the
    /// `kiln` command finds them.
    ///
    /// - Parameters:
    ///   - profilesDirectory: the compiled definitions folder, when not the default.
    ///   - terminology: answers terminology questions; nil leaves bindings unchecked.
    public static func shipped(profilesDirectory: String? = nil, terminology: (any CodeChecker)? = nil) throws(DefinitionsError) -> Validator {
        Validator(definitions: try StructureDefinitionRegistry.loadDefault(explicitDirectory: profilesDirectory), terminology: terminology)
    }
}
