import FHIRDefinitions
public import FHIRAccess
public import FHIRStore
import FHIRTerminology
import Foundation
import Hummingbird
public import KilnServer
import SMARTAuth
import Logging
import PostgresNIO
import ServiceLifecycle

/// A real Kiln server on a random loopback port, over a fresh database of the test cluster.
///
/// ```swift
/// try await TestServer.run { server in
///     let response = try await server.client.get("metadata")
///     #expect(response.status == 200)
/// }
/// ```
public struct TestServer: Sendable {
    /// The FHIR base URL, e.g. `http://127.0.0.1:54321/fhir`.
    public let baseURL: String
    /// A client for the server.
    public let client: KilnClient
    /// The server's database, for tests that look at storage directly.
    public let database: DatabaseConfiguration

    /// Starts a server, runs `body` against it, and stops it and drops its database afterwards.
    /// `databaseConnections` sizes the server's pool (small for tests, which run many servers at once).
    /// `validation` sets the write validation modes (the server's default unless given).
    /// `authorization` turns on the SMART authorization server and bearer tokens; `research`
    /// configures the research view (the shipped profiles unless given). `recordsAudit` false
    /// runs the server without its audit log, to measure what the audit costs.
    public static func run<Result: Sendable>(
        limits: ServerLimits = .default,
        validation: ValidationPolicy = .standard,
        databaseConnections: Int = 8,
        access: any AccessController = AllowAllAccessController(),
        authorization: AuthSettings? = nil,
        research: ResearchServices? = nil,
        recordsAudit: Bool = true,
        _ body: @Sendable (TestServer) async throws -> Result
    ) async throws -> Result {
        var database = try await TestCluster.shared.makeDatabase()
        database.maximumConnections = databaseConnections
        var logger = Logger(label: "kiln.test")
        logger.logLevel = ProcessInfo.processInfo.environment["KILN_TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .error
        let catalog = try DefinitionsCatalog.loadDefault()
        let client = PostgresClient(configuration: database.clientConfiguration, backgroundLogger: logger)
        let validationServices = try ValidationServices.loadDefault()
        var operations = OperationRegistry()
        operations.registerTerminologyOperations(validationServices.terminology)
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0, limits: limits, validation: validation)
        configuration.recordsAudit = recordsAudit
        let application = KilnApplication.build(
            configuration: configuration,
            client: client,
            resourceTypes: Set(catalog.typeModel.resourceTypeNames),
            validation: validationServices,
            search: SearchServices(catalog: catalog, terminology: validationServices.terminology),
            access: access,
            auth: authorization.map { settings in
                AuthServices(
                    store: AuthStore(client: client, logger: logger),
                    policy: SMARTAccessPolicy(patientCompartmentTypes: catalog.patientCompartment.resourceTypes),
                    resourceTypes: Set(catalog.typeModel.resourceTypeNames),
                    settings: settings
                )
            },
            research: try research ?? ResearchServices.loadDefault(),
            operations: operations,
            onServerRunning: { port in portContinuation.yield(port) },
            logger: logger
        )
        let serviceGroup = ServiceGroup(configuration: .init(services: [application], gracefulShutdownSignals: [], logger: logger))
        let result: Result = try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await serviceGroup.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw TestServerError.didNotStart }
            let baseURL = "http://127.0.0.1:\(port)/fhir"
            let server = TestServer(baseURL: baseURL, client: KilnClient(baseURL: baseURL), database: database)
            do {
                let result = try await body(server)
                await serviceGroup.triggerGracefulShutdown()
                try await group.waitForAll()
                return result
            } catch {
                await serviceGroup.triggerGracefulShutdown()
                try? await group.waitForAll()
                throw error
            }
        }
        try? await TestCluster.shared.dropDatabase(database)
        return result
    }
}

/// Why a test server could not be used.
public enum TestServerError: Error, CustomStringConvertible {
    /// The server stopped before it listened.
    case didNotStart

    /// A message for the test log.
    public var description: String {
        switch self {
        case .didNotStart: "The test server stopped before it listened on a port"
        }
    }
}
