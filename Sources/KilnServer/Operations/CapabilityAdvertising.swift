/// An operation the CapabilityStatement lists under the resource types it is invoked on.
public protocol CapabilityAdvertising: FHIROperation {
    /// The canonical URL of the operation's OperationDefinition.
    var definitionURL: String { get }
    /// Whether the operation is listed under `resourceType`.
    func isAdvertised(on resourceType: String) -> Bool
}

extension ValidateOperation: CapabilityAdvertising {
    /// ``ValidateOperation/definitionURL``.
    public var definitionURL: String { Self.definitionURL }

    /// Every resource type can be validated.
    public func isAdvertised(on resourceType: String) -> Bool { true }
}

extension ConsentDecisionOperation: CapabilityAdvertising {
    /// Kiln's own operation; it has no published OperationDefinition.
    public var definitionURL: String { "urn:kiln:operation:consent-decision" }

    /// Invoked on a Patient.
    public func isAdvertised(on resourceType: String) -> Bool { resourceType == "Patient" }
}

extension EverythingOperation: CapabilityAdvertising {
    /// The published Patient `$everything` OperationDefinition.
    public var definitionURL: String { "http://hl7.org/fhir/OperationDefinition/Patient-everything" }

    /// Invoked on a Patient.
    public func isAdvertised(on resourceType: String) -> Bool { resourceType == "Patient" }
}
