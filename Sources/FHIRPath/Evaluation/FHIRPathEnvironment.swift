public import Foundation

/// What an evaluation may consult beyond the resource: variables, the clock, unit conversion
/// and the hooks for terminology, profiles and references.
///
/// ```swift
/// var environment = FHIRPathEnvironment()
/// environment.variables["threshold"] = [.integer(5)]
/// try FHIRPathExpression("count() > %threshold").evaluate(resource, environment: environment)
/// ```
public struct FHIRPathEnvironment: Sendable {
    /// Variables by name without `%`, in addition to `%resource`, `%context`, `%ucum`, …
    public var variables: [String: [FHIRPathValue]]
    /// Converts quantity units for comparisons and arithmetic.
    public var unitConverter: any UnitConverter
    /// Answers `memberOf()`; nil makes `memberOf()` an execution error.
    public var terminology: (any TerminologyProvider)?
    /// Answers `conformsTo()`; nil makes `conformsTo()` an execution error.
    public var profileValidator: (any ProfileValidator)?
    /// Resolves references that are not contained or in the same Bundle; nil makes them stubs of their type.
    public var referenceResolver: (any ReferenceResolver)?
    /// The instant `now()`, `today()` and `timeOfDay()` report; nil uses the clock at each evaluation.
    public var now: Date?
    /// The local time zone's offset from UTC in seconds, for `now()` and friends.
    public var timeZoneOffsetSeconds: Int
    /// Receives `trace()` output; nil ignores it.
    public var trace: (@Sendable (String, [FHIRPathValue]) -> Void)?

    /// An environment with no variables, the built-in unit converter, no hooks and the system clock.
    public init(
        variables: [String: [FHIRPathValue]] = [:],
        unitConverter: any UnitConverter = UCUMUnitConverter(),
        terminology: (any TerminologyProvider)? = nil,
        profileValidator: (any ProfileValidator)? = nil,
        referenceResolver: (any ReferenceResolver)? = nil,
        now: Date? = nil,
        timeZoneOffsetSeconds: Int = TimeZone.current.secondsFromGMT(),
        trace: (@Sendable (String, [FHIRPathValue]) -> Void)? = nil
    ) {
        self.variables = variables
        self.unitConverter = unitConverter
        self.terminology = terminology
        self.profileValidator = profileValidator
        self.referenceResolver = referenceResolver
        self.now = now
        self.timeZoneOffsetSeconds = timeZoneOffsetSeconds
        self.trace = trace
    }
}
