public import FHIRDefinitions
public import FHIRModel

/// Validates FHIR resources against their base definition and the profiles they claim or are
/// asked about: structure, cardinality, datatypes and primitive formats, fixed and pattern
/// values, slicing, bindings, invariants, references, extensions, contained resources and
/// Bundle entries.
///
/// A validator is a value that can be shared across threads; each call is independent.
///
/// ```swift
/// let validator = Validator(definitions: registry, terminology: checker)
/// let outcome = validator.validate(observation, options: ValidationOptions(profiles: [labProfile]))
/// if outcome.hasErrors { … }
/// ```
public struct Validator: Sendable {
    /// Where StructureDefinitions come from.
    public let definitions: any StructureDefinitionProvider
    /// Answers terminology questions; nil skips binding checks beyond the instance's shape.
    public let terminology: (any CodeChecker)?
    let cache: ValidatorCache

    /// A validator over the given definitions and terminology.
    public init(definitions: any StructureDefinitionProvider, terminology: (any CodeChecker)? = nil) {
        self.definitions = definitions
        self.terminology = terminology
        self.cache = ValidatorCache()
    }

    /// Validates one resource (any JSON; what is not a resource gives an error issue).
    public func validate(_ resource: JSONValue, options: ValidationOptions = ValidationOptions()) -> ValidationOutcome {
        let run = ValidationRun(validator: self, options: options)
        run.validateResource(resource, path: nil, profiles: options.profiles, isTopLevel: true)
        return ValidationOutcome(issues: run.issues)
    }

    /// Whether `value`, of FHIR type `typeName` (a resource when nil), conforms to the profile
    /// `url` with no error; unknown profiles do not conform.
    public func conforms(_ value: JSONValue, typeName: String? = nil, toProfile url: String) -> Bool {
        let options = ValidationOptions(includesClaimedProfiles: false)
        let run = ValidationRun(validator: self, options: options)
        guard let profile = definitions.definition(url: url), !profile.snapshot.isEmpty else { return false }
        if let typeName, !isResource(typeName) {
            run.validateDatatype(value, typeName: typeName, against: profile, path: typeName)
        } else {
            run.validateResource(value, path: nil, profiles: [url], isTopLevel: false, baseOnly: false, onlyProfiles: true)
        }
        return !run.issues.contains { $0.severity == .error || $0.severity == .fatal }
    }

    func isResource(_ typeName: String) -> Bool {
        cache.isResource(typeName) { definitions.definition(forType: typeName)?.kind == .resource }
    }
}
