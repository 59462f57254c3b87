public import FHIRDefinitions
public import FHIRValidation

/// What validation needs at run time, made once per server or command: the live registry of
/// StructureDefinitions (the shipped ones, the files in `fhir-profiles/`, and those registered
/// while running) and the validator over it.
///
/// Writes, `$validate`, the start-up registration of stored profiles and `kiln validate` all
/// go through one value of this type.
///
/// ```swift
/// let validation = try ValidationServices.loadDefault()
/// let outcome = validation.validate(patient, profiles: [])
/// ```
public struct ValidationServices: Sendable {
    /// The registry profiles are looked up in and registered into. It is a scoped copy of the
    /// process-wide shipped registry, so registrations stay with this server or command.
    public let registry: StructureDefinitionRegistry
    /// The validator over ``registry``.
    public let validator: Validator

    /// Services over `registry`. Terminology is not checked yet: bindings are checked for their
    /// shape only.
    public init(registry: StructureDefinitionRegistry) {
        self.registry = registry
        self.validator = Validator(definitions: registry, terminology: nil)
    }

    /// Services over the shipped definitions (found as ``DefinitionsLocator`` does, or in
    /// `profilesDirectory`), with a registry of their own for run-time registrations. Nothing is
    /// read until the first validation.
    public static func loadDefault(profilesDirectory: String? = nil) throws(DefinitionsError) -> ValidationServices {
        let shared = try StructureDefinitionRegistry.loadDefault(explicitDirectory: profilesDirectory)
        return ValidationServices(registry: shared.makeScopedCopy())
    }
}
