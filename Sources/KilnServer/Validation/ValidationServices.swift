public import FHIRDefinitions
public import FHIRTerminology
public import FHIRValidation

/// What validation needs at run time, made once per server or command: the live registry of
/// StructureDefinitions (the shipped ones, the files in `fhir-profiles/`, and those registered
/// while running), the terminology (shipped code systems, value sets and concept maps, and
/// those stored), and the validator over both. The terminology operations use the same
/// terminology service, so a stored ValueSet is seen by `$expand` and by validation alike.
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
    /// The terminology bindings are checked against, with registrations of its own.
    public let terminology: TerminologyService
    /// The validator over ``registry`` and ``terminology``.
    public let validator: Validator

    /// Services over `registry` and `terminology`.
    public init(registry: StructureDefinitionRegistry, terminology: TerminologyService) {
        self.registry = registry
        self.terminology = terminology
        self.validator = Validator(definitions: registry, terminology: TerminologyCodeChecker(service: terminology))
    }

    /// Services over the shipped definitions and terminology (found as the `kiln` command finds
    /// them, or in the given folders), each with a layer of its own for run-time registrations.
    /// Nothing is read until the first validation or terminology call.
    public static func loadDefault(profilesDirectory: String? = nil, terminologyDirectory: String? = nil) throws -> ValidationServices {
        let shared = try StructureDefinitionRegistry.loadDefault(explicitDirectory: profilesDirectory)
        let terminology = try TerminologyService.loadDefault(explicitDirectory: terminologyDirectory)
        return ValidationServices(registry: shared.makeScopedCopy(), terminology: TerminologyService(registry: terminology.registry.overlay()))
    }
}
