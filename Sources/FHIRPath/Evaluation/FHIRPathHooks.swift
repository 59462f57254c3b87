public import FHIRModel

/// Answers `memberOf()`: whether a code, Coding or CodeableConcept is in a value set.
public protocol TerminologyProvider: Sendable {
    /// Whether `coded` (a `code`, `Coding` or `CodeableConcept` element, or a string) is in the value set with this URL.
    func isMember(_ coded: FHIRPathValue, ofValueSet url: String) throws -> Bool
}

/// Answers `conformsTo()`: whether a resource or element conforms to a profile.
public protocol ProfileValidator: Sendable {
    /// Whether `value` conforms to the StructureDefinition with this canonical URL.
    func conforms(_ value: FHIRPathValue, toProfile url: String) throws -> Bool
}

/// Answers `resolve()` for references that are neither contained nor in the evaluated Bundle.
public protocol ReferenceResolver: Sendable {
    /// The resource a reference (`Patient/1`, an absolute URL, …) points at, or nil when it is unknown.
    func resolve(reference: String) throws -> JSONValue?
}
