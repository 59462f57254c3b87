public import FHIRDefinitions
public import FHIRTerminology

extension Validator {
    /// A validator over what Kiln ships: the compiled R4 definitions, US Core and Kiln's own
    /// profiles (and any StructureDefinition dropped into `fhir-profiles/`), and the code
    /// systems and value sets of `terminology/`, found the way the `kiln` command finds them.
    ///
    /// - Parameters:
    ///   - profilesDirectory: the compiled definitions folder, when not the default.
    ///   - terminologyDirectory: the terminology folder, when not the default.
    public static func shipped(profilesDirectory: String? = nil, terminologyDirectory: String? = nil) throws -> Validator {
        let definitions = try StructureDefinitionRegistry.loadDefault(explicitDirectory: profilesDirectory)
        let terminology = try TerminologyService.loadDefault(explicitDirectory: terminologyDirectory)
        return Validator(definitions: definitions, terminology: TerminologyCodeChecker(service: terminology))
    }
}
