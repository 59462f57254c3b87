import FHIRModel

/// One FHIR operation the server answers, such as `$validate` or `$lookup`.
///
/// Operations are registered by name in an ``OperationRegistry``; ``FHIRService`` routes
/// `$name`, `[type]/$name` and `[type]/[id]/$name` to them after checking the resource type.
public protocol FHIROperation: Sendable {
    /// The operation's name without `$`.
    var name: String { get }
    /// Answers one invocation; throws ``FHIRError`` for bad input.
    func invoke(_ invocation: OperationInvocation, service: FHIRService) async throws -> FHIRResponse
}

/// One call of an operation: where it was invoked and with what parameters.
public struct OperationInvocation: Sendable {
    /// The request as received.
    public var request: FHIRRequest
    /// The resource type for type- and instance-level calls.
    public var resourceType: String?
    /// The resource id for instance-level calls.
    public var resourceID: String?
    /// The input parameters, from the query string (GET) or a Parameters body (POST).
    public var parameters: OperationParameters

    /// An invocation.
    public init(request: FHIRRequest, resourceType: String?, resourceID: String?, parameters: OperationParameters) {
        self.request = request
        self.resourceType = resourceType
        self.resourceID = resourceID
        self.parameters = parameters
    }
}

/// The operations a server answers, by name.
public struct OperationRegistry: Sendable {
    private var operations: [String: any FHIROperation] = [:]

    /// An empty registry.
    public init() {}

    /// Adds `operation`, replacing one of the same name.
    public mutating func register(_ operation: any FHIROperation) {
        operations[operation.name] = operation
    }

    /// The operation named `name` (without `$`).
    public func operation(named name: String) -> (any FHIROperation)? {
        operations[name]
    }

    /// The registered names, sorted.
    public var names: [String] { operations.keys.sorted() }

    /// The registered operations, sorted by name.
    public var all: [any FHIROperation] { names.compactMap { operations[$0] } }
}
