public import FHIRAccess
import FHIRStore
import Foundation
public import Hummingbird
public import Logging
import NIOCore
public import PostgresNIO
import SMARTAuth

/// Builds Kiln's HTTP application: the FHIR routes under `/fhir` over a store, and with
/// `research` the de-identified research view under `/research/fhir`.
///
/// ```swift
/// let validation = try ValidationServices.loadDefault()
/// let search = SearchServices(catalog: catalog, terminology: validation.terminology)
/// let application = KilnApplication.build(configuration: configuration, client: client, resourceTypes: types, validation: validation, search: search, logger: logger)
/// try await application.runService()
/// ```
public enum KilnApplication {
    /// The application. The caller owns `client` and runs it (it is also added as a service when
    /// `runsClient` is true), and migrations run before the server accepts requests. `$validate`
    /// is added to `operations`, and the StructureDefinitions stored in the database are
    /// registered in `validation`'s registry before the server accepts requests. Unless
    /// `configuration.recordsAudit` is false, every request is recorded in the audit log
    /// (``AuditMiddleware``; each committed record also to `auditLines` when given), the log is
    /// served as `AuditEvent`, and its checkpoint keys at `/audit/keys`.
    public static func build(
        configuration: ServerConfiguration,
        client: PostgresClient,
        resourceTypes: Set<String>,
        validation: ValidationServices,
        search: SearchServices,
        access: any AccessController = AllowAllAccessController(),
        auth: AuthServices? = nil,
        research: ResearchServices? = nil,
        operations: OperationRegistry = OperationRegistry(),
        auditLines: AuditLineSink? = nil,
        runsClient: Bool = true,
        migrate: Bool = true,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in },
        logger: Logger
    ) -> some ApplicationProtocol {
        let baseURL = BaseURL(configuration.fhirBaseURL(boundPort: configuration.port))
        var operations = operations
        operations.register(ValidateOperation(validation: validation))
        operations.register(ConsentDecisionOperation(defaults: auth?.policy.consentDefaults ?? .standard))
        operations.register(EverythingOperation())
        let store = ResourceStore(client: client, logger: logger)
        var service = FHIRService(
            store: store,
            resourceTypes: resourceTypes,
            access: access,
            limits: configuration.limits,
            operations: operations,
            validation: validation,
            validationPolicy: configuration.validation,
            search: search,
            baseURL: baseURL,
            logger: logger
        )
        service.advertisesSMART = auth != nil
        let audit = configuration.recordsAudit
            ? AuditService(client: client, server: AuditServer(baseURL: { baseURL.url }), lines: auditLines, logger: logger) : nil
        service.audit = audit
        let router = Router(context: KilnRequestContext.self)
        router.add(middleware: RequestIDMiddleware())
        if let audit {
            router.add(middleware: AuditMiddleware(audit: audit))
        }
        router.add(middleware: OperationOutcomeMiddleware())
        let responder = FHIRHTTPResponder(service: service, authenticator: auth.map { BearerAuthenticator(auth: $0) })
        if let auth {
            AuthRoutes.register(on: router, auth: auth, baseURL: { baseURL.url })
            AdminRoutes.register(on: router, auth: auth, baseURL: { baseURL.url })
        }
        let methods: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete]
        for method in methods {
            router.on("/fhir", method: method) { request, context in try await responder.respond(request, context: context) }
            router.on("/fhir/**", method: method) { request, context in try await responder.respond(request, context: context) }
        }
        if let research {
            let view = ResearchView(clinical: service, projects: StoredResearchProjects.directory(client: client, research: research, logger: logger), profiles: research.profiles)
            ResearchRoutes.register(on: router, responder: ResearchResponder(view: view, authenticator: auth.map { BearerAuthenticator(auth: $0) }))
        }
        if audit != nil {
            AuditRoutes.register(on: router, keys: AuditKeyStore(client: client, logger: logger))
        }
        router.get("/health") { _, _ in Response(status: .ok) }
        var application = Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Kiln"),
            services: runsClient ? [client] : [],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                if configuration.baseURL == nil {
                    baseURL.set(configuration.fhirBaseURL(boundPort: port))
                }
                await onServerRunning(port)
            },
            logger: logger
        )
        if migrate {
            application.beforeServerStarts {
                try await Migrator().migrate(client: client, logger: logger)
            }
        }
        application.beforeServerStarts {
            try await validation.registerStoredDefinitions(from: store, logger: logger)
        }
        if let auth {
            application.beforeServerStarts {
                try await auth.prepare()
            }
        }
        if let audit {
            // The start is recorded before the first request is accepted, the stop once the
            // server has stopped accepting them (see AuditLifecycle).
            application.beforeServerStarts {
                try await audit.record(AuditLifecycle.event(.applicationStart))
            }
            application.addServices(AuditLifecycle(audit: audit, logger: logger))
        }
        return application
    }
}
