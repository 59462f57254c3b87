import FHIRAudit
import FHIRStore
import Foundation
public import Logging
public import PostgresNIO
public import ServiceLifecycle
import UnixSignals

/// The ``AuditCheckpointer`` as a service of `kiln serve`: once the database is ready it
/// catches up with the log, then checks every ``AuditConfiguration/pollInterval`` whether a
/// checkpoint is due, and on graceful shutdown signs a last one of what was appended since.
///
/// Errors reading the log are logged and retried at the next poll; the service never stops the
/// server. A log that no longer matches its checkpoints (``AuditCheckpointerError``) is logged
/// as critical and nothing more is signed until the server restarts.
///
/// ```swift
/// let ready = AuditStartSignal()
/// let service = AuditCheckpointService(client: client, configuration: audit, startsWhen: ready, logger: logger)
/// let group = ServiceGroup(configuration: .init(services: [application, service], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
/// ```
public struct AuditCheckpointService: Service {
    private let checkpointer: AuditCheckpointer
    private let ready: AuditStartSignal?
    private let logger: Logger

    /// A service checkpointing the log of `client`'s database, after `ready` is signalled
    /// (at once when nil). The caller runs `client`.
    public init(client: PostgresClient, configuration: AuditConfiguration, startsWhen ready: AuditStartSignal? = nil, logger: Logger) {
        self.checkpointer = AuditCheckpointer(
            log: AuditLogStore(client: client, logger: logger), keys: AuditKeyStore(client: client, logger: logger),
            configuration: configuration, logger: logger)
        self.ready = ready
        self.logger = logger
    }

    /// Runs until graceful shutdown or cancellation.
    public func run() async throws {
        if let ready {
            await cancelWhenGracefulShutdown { await ready.wait() }
            if Task.isCancelled || Task.isShuttingDownGracefully { return }
        }
        let (checkpointer, diverged) = await cancelWhenGracefulShutdown { [checkpointer, logger] in
            await Self.poll(checkpointer, logger: logger)
        }
        if diverged {
            // A service that returns would stop the server: wait for its shutdown instead.
            try? await gracefulShutdown()
            return
        }
        guard !Task.isCancelled else { return }
        var last = checkpointer
        do {
            if try await last.checkpointIfGrown() {
                logger.info("Audit checkpoint signed at shutdown", metadata: ["treeSize": "\(last.treeSize)"])
            }
        } catch {
            logger.error("No audit checkpoint at shutdown", metadata: ["error": "\(error)"])
        }
    }

    /// Checks for a due checkpoint every poll interval until cancelled; returns the checkpointer
    /// and whether the log diverged from its checkpoints.
    private static func poll(_ start: AuditCheckpointer, logger: Logger) async -> (AuditCheckpointer, Bool) {
        var checkpointer = start
        logger.info("Audit checkpoints", metadata: ["configuration": "\(checkpointer.configuration)"])
        while !Task.isCancelled {
            do {
                try await checkpointer.checkpointIfDue(now: Date())
            } catch let error as AuditCheckpointerError {
                logger.critical("The audit log was tampered with; no more checkpoints are signed", metadata: ["error": "\(error)"])
                return (checkpointer, true)
            } catch {
                if Task.isCancelled { break }
                logger.error("Audit checkpoint failed; retrying", metadata: ["error": "\(error)"])
            }
            do {
                try await Task.sleep(for: checkpointer.configuration.pollInterval)
            } catch {
                break
            }
        }
        return (checkpointer, false)
    }
}

extension AuditCheckpointer {
    /// Signs a checkpoint of the whole log when it grew beyond the newest stored one; returns
    /// whether this call stored one.
    mutating func checkpointIfGrown(now: Date = Date()) async throws -> Bool {
        try await catchUp(now: now)
        guard treeSize > latestStoredTreeSize ?? 0 else { return false }
        return try await checkpointNow(now: now)?.treeSize == treeSize
    }
}

extension AuditCheckpointService {
    /// Runs `application` and this service together until SIGTERM or SIGINT. On shutdown this
    /// service stops first, while the application (and the database client it runs) still serves
    /// the last checkpoint. Whatever becomes of this service, the application keeps running.
    public func run(beside application: some Service, logger: Logger) async throws {
        let group = ServiceGroup(configuration: .init(
            services: [
                .init(service: application),
                .init(service: self, successTerminationBehavior: .ignore, failureTerminationBehavior: .ignore),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
