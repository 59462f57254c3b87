/// A one-time signal that the database is ready (migrated), which the checkpoint service waits
/// for before it reads the log: `kiln serve` gives it when the server is running, for the
/// migrations run just before.
///
/// ```swift
/// let ready = AuditStartSignal()
/// let service = AuditCheckpointService(client: client, configuration: audit, startsWhen: ready, logger: logger)
/// … onServerRunning: { _ in ready.signal() }
/// ```
public struct AuditStartSignal: Sendable {
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    /// A signal not yet given.
    public init() {
        (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Gives the signal; later calls do nothing.
    public func signal() {
        continuation.yield()
        continuation.finish()
    }

    /// Returns once the signal is given, or the task is cancelled. One task may wait.
    func wait() async {
        for await _ in stream { return }
    }
}
