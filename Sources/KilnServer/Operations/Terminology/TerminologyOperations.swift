public import FHIRTerminology

extension OperationRegistry {
    /// Registers `$lookup`, `$validate-code`, `$expand`, `$subsumes` and `$translate` over `terminology`.
    ///
    /// ```swift
    /// var operations = OperationRegistry()
    /// operations.registerTerminologyOperations(try TerminologyService.loadDefault())
    /// ```
    public mutating func registerTerminologyOperations(_ terminology: TerminologyService) {
        register(LookupOperation(terminology: terminology))
        register(ValidateCodeOperation(terminology: terminology))
        register(ExpandOperation(terminology: terminology))
        register(SubsumesOperation(terminology: terminology))
        register(TranslateOperation(terminology: terminology))
    }
}
