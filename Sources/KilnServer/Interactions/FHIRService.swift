public import FHIRAccess
import FHIRAudit
import FHIRModel
public import FHIRStore
import Foundation
public import Logging

/// The FHIR RESTful API over the store, independent of HTTP.
///
/// Every interaction asks ``AccessController`` first and hands its ``AccessFilter`` to every
/// store read, so no path can skip the access decision.
public struct FHIRService: Sendable {
    /// The store.
    public let store: ResourceStore
    /// The concrete resource types the server serves.
    public let resourceTypes: Set<String>
    /// The access controller consulted by every interaction.
    public let access: any AccessController
    /// The limits.
    public let limits: ServerLimits
    /// The operations (`$name`) the server answers.
    public let operations: OperationRegistry
    /// The definitions and validator every write and `$validate` use.
    public let validation: ValidationServices
    /// The validation mode of each resource type for writes.
    public let validationPolicy: ValidationPolicy
    /// The search parameters, the indexer and the query parser and compiler.
    public let search: SearchServices
    /// Whether the SMART authorization server guards the API (the CapabilityStatement says so).
    public var advertisesSMART = false
    /// The audit log: writes append their records in their own transactions, and it is served
    /// read-only as `AuditEvent` (``AuditEventEndpoint``); nil when the server records no
    /// audit, and AuditEvent is then an ordinary type.
    public var audit: AuditService?
    /// The absolute URL of the FHIR base, e.g. `https://kiln.example.org/fhir`.
    public var baseURL: String { base.url }
    let base: BaseURL
    let logger: Logger

    /// A service.
    public init(
        store: ResourceStore,
        resourceTypes: Set<String>,
        access: any AccessController,
        limits: ServerLimits,
        operations: OperationRegistry = OperationRegistry(),
        validation: ValidationServices,
        validationPolicy: ValidationPolicy = .standard,
        search: SearchServices,
        baseURL: BaseURL,
        logger: Logger
    ) {
        self.store = store
        self.resourceTypes = resourceTypes
        self.access = access
        self.limits = limits
        self.operations = operations
        self.validation = validation
        self.validationPolicy = validationPolicy
        self.search = search
        self.base = baseURL
        self.logger = logger
    }

    /// Handles one request on its own (not inside a Bundle); a response served under
    /// break-glass carries ``BreakGlassNotice``.
    public func handle(_ request: FHIRRequest) async throws -> FHIRResponse {
        let response = try await respond(to: request)
        return BreakGlassNotice.applies(to: request) ? BreakGlassNotice.marking(response) : response
    }

    private func respond(to request: FHIRRequest) async throws -> FHIRResponse {
        switch (request.route, request.method) {
        case (.metadata, .get), (.metadata, .head):
            return FHIRResponse(status: 200, body: .json(capabilityStatement()))
        case (.system, .post):
            return try await BundleProcessor(service: self).process(request)
        case _ where request.route.resourceType == "AuditEvent" && audit != nil:
            // The audit log is never written: no validation, no transaction (see perform).
            return try await perform(request, in: nil)
        case (.operation, _):
            // Operations open their own transactions when they write.
            return try await perform(request, in: nil)
        default:
            if request.method.isWrite {
                // Validation is CPU work on the body alone: done before a connection is taken.
                let validated = try validateBeforeTransaction(request)
                let response = try await store.withTransaction { transaction in
                    try await perform(validated, in: transaction)
                }
                await registerWrittenDefinitions([response])
                return response
            }
            return try await perform(request, in: nil)
        }
    }

    /// Performs one interaction, inside `transaction` when given (Bundle entries, writes).
    func perform(_ request: FHIRRequest, in transaction: StoreTransaction?) async throws -> FHIRResponse {
        if let type = request.route.resourceType { try checkResourceType(type) }
        // Bundle entries too: the audit log is read through its endpoint and never written.
        if request.route.resourceType == "AuditEvent", let audit {
            return try await AuditEventEndpoint(service: self, log: audit.log, proofCache: audit.proofCache).respond(to: request)
        }
        switch (request.route, request.method) {
        case (.instance(let type, let id), .get), (.instance(let type, let id), .head):
            return try await read(type: type, id: id, request: request, in: transaction)
        case (.version(let type, let id, let version), .get), (.version(let type, let id, let version), .head):
            return try await vread(type: type, id: id, version: version, request: request)
        case (.type(let type), .post):
            return try await create(type: type, request: request, in: try require(transaction))
        case (.instance(let type, let id), .put):
            return try await update(type: type, id: id, request: request, in: try require(transaction))
        case (.type(let type), .put):
            return try await conditionalUpdate(type: type, request: request, in: try require(transaction))
        case (.instance(let type, let id), .patch):
            return try await patch(type: type, id: id, request: request, in: try require(transaction))
        case (.instance(let type, let id), .delete):
            return try await delete(type: type, id: id, request: request, in: try require(transaction))
        case (.type(let type), .delete):
            return try await conditionalDelete(type: type, request: request, in: try require(transaction))
        case (.type(let type), .get), (.type(let type), .head), (.typeSearch(let type), .post):
            return try await search(type: type, request: request, in: transaction)
        case (.system, .get), (.system, .head), (.systemSearch, .post):
            return try await search(type: nil, request: request, in: transaction)
        case (.instanceHistory(let type, let id), .get):
            return try await history(HistoryScope(resourceType: type, id: id), request: request)
        case (.typeHistory(let type), .get):
            return try await history(HistoryScope(resourceType: type, id: nil), request: request)
        case (.systemHistory, .get):
            return try await history(HistoryScope(resourceType: nil, id: nil), request: request)
        case (.operation(let name, let type, let id), .get), (.operation(let name, let type, let id), .post):
            guard let operation = operations.operation(named: name) else {
                throw FHIRError(status: 404, code: .notSupported, "The operation $\(name) is not supported by this server")
            }
            let invocation = OperationInvocation(request: request, resourceType: type, resourceID: id, parameters: try OperationParameters(request: request))
            return try await operation.invoke(invocation, service: self)
        default:
            throw FHIRError.methodNotAllowed("\(request.method.rawValue) is not allowed on this URL", allow: allowedMethods(for: request.route))
        }
    }

    /// The CapabilityStatement: operations that advertise themselves are listed under their
    /// resource types, the others at the system level.
    private func capabilityStatement() -> JSONValue {
        let all = operations.all
        let resourceOperations = all.compactMap { $0 as? any CapabilityAdvertising }
        let systemOperations = all.filter { !($0 is any CapabilityAdvertising) }.map(\.name)
        var builder = CapabilityStatementBuilder(resourceTypes: resourceTypes, baseURL: baseURL, operations: systemOperations, resourceOperations: resourceOperations, search: search.registry)
        builder.advertisesSMART = advertisesSMART
        builder.servesAuditLog = audit != nil
        return builder.build()
    }

    /// Asks the access controller; returns the filter for store reads or throws 403.
    func authorize(_ interaction: Interaction, request: FHIRRequest, type: String? = nil, id: String? = nil) throws(FHIRError) -> AccessFilter {
        let decision = (request.accessController ?? access).decide(AccessRequest(principal: request.principal, interaction: interaction, resourceType: type, resourceID: id, view: request.view))
        switch decision {
        case .allow(let filter):
            if filter.consent != nil {
                AuditTrail.current?.noteConsent(BreakGlassNotice.applies(to: request) ? .overridden : interaction == .searchType || interaction == .searchSystem ? .filtered : .permitted)
            }
            return filter
        case .deny(let reason): throw FHIRError.forbidden(reason)
        }
    }

    /// Throws 404 for a resource type the server does not serve.
    func checkResourceType(_ type: String) throws(FHIRError) {
        guard resourceTypes.contains(type) else {
            throw FHIRError.notFound("'\(type)' is not a resource type this server supports")
        }
    }

    private func require(_ transaction: StoreTransaction?) throws(FHIRError) -> StoreTransaction {
        guard let transaction else { throw FHIRError.internalError("A write was attempted outside a transaction") }
        return transaction
    }

    private func allowedMethods(for route: FHIRRoute) -> [String] {
        switch route {
        case .system: ["GET", "HEAD", "POST"]
        case .systemSearch: ["POST"]
        case .metadata, .systemHistory, .typeHistory, .instanceHistory, .version: ["GET", "HEAD"]
        case .type: ["GET", "HEAD", "POST", "PUT", "DELETE"]
        case .typeSearch: ["POST"]
        case .instance: ["GET", "HEAD", "PUT", "PATCH", "DELETE"]
        case .operation: ["GET", "POST"]
        }
    }

    /// The absolute URL of a resource version.
    func versionURL(_ stored: StoredResource) -> String {
        "\(baseURL)/\(stored.resourceType)/\(stored.id)/_history/\(stored.versionID)"
    }
}

extension FHIRMethod {
    /// Whether the verb writes.
    var isWrite: Bool {
        switch self {
        case .post, .put, .patch, .delete: true
        case .get, .head: false
        }
    }
}
