public import FHIRPath

extension Validator {
    /// `environment` with memberOf() answered by this validator's terminology and conformsTo()
    /// by this validator, as Kiln's invariants and the `kiln fhirpath` command use them.
    public func hooking(_ environment: FHIRPathEnvironment) -> FHIRPathEnvironment {
        var hooked = environment
        hooked.terminology = terminology.map { MemberOfAdapter(checker: $0) }
        hooked.profileValidator = ConformsToAdapter(validator: self)
        return hooked
    }
}
