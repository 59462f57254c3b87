import FHIRAudit
import Foundation
import Logging
import ServiceLifecycle

/// Records the server's stop: runs beside the HTTP server until shutdown begins, and records
/// the stop once the server has stopped accepting requests (the application shuts its services
/// down in reverse order, the HTTP server first and the database client last). The start is
/// recorded before the server accepts its first request (``KilnApplication``).
struct AuditLifecycle: Service {
    let audit: AuditService
    let logger: Logger

    /// The server's lifecycle events.
    enum Event {
        /// Application start (DICOM 110120).
        case applicationStart
        /// Application stop (DICOM 110121).
        case applicationStop
    }

    /// The pending record of `event`.
    static func event(_ event: Event) -> PendingAudit {
        let name = switch event {
        case .applicationStart: "application-start"
        case .applicationStop: "application-stop"
        }
        return PendingAudit(requestID: "", interaction: AuditedInteraction(name: name), view: .system, status: 200)
    }

    func run() async throws {
        try? await gracefulShutdown()
        do {
            try await audit.record(Self.event(.applicationStop))
        } catch {
            logger.error("The audit record of the server's stop could not be written")
        }
    }
}
