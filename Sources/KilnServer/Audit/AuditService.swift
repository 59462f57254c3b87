import FHIRAudit
public import FHIRStore
public import Logging
public import PostgresNIO

/// Records every access in the tamper-evident audit log: a request's record is durable before
/// its response is sent (concurrent requests share one commit, ``GroupCommit``), a write's
/// record commits in the write's own transaction, and the server's start and stop are recorded
/// too. When a record cannot be written the caller gets the error, and the request fails with
/// 503: nothing is served unaudited.
public struct AuditService: Sendable {
    /// The log.
    public let log: AuditLogStore
    /// Who records: the server's name and base URL, as each record's source and server agent.
    public let server: AuditServer
    /// Where committed records are also written as lines (`--audit-log`), if anywhere.
    public let lines: AuditLineSink?
    /// The subtree hashes inclusion proofs reuse, so that only the first proof reads every leaf.
    public let proofCache = AuditSubtreeCache()
    private let commits: GroupCommit<PendingAudit>
    private let logger: Logger

    /// A service appending to the log in `client`'s database, and mirroring each committed
    /// record to `lines` when given.
    public init(client: PostgresClient, server: AuditServer, lines: AuditLineSink? = nil, maximumGroupSize: Int = 500, logger: Logger) {
        let log = AuditLogStore(client: client, logger: logger)
        self.log = log
        self.server = server
        self.lines = lines
        self.logger = logger
        self.commits = GroupCommit(maximumGroupSize: maximumGroupSize) { group in
            let records = try await log.append(resolvingPatientsOf: group.flatMap(\.referencesToResolve)) { patients in
                group.flatMap { AuditRecordMaker.records(for: $0, patients: patients, server: server) }
            }
            await Self.mirror(records.map(\.canonical), to: lines, logger: logger)
        }
    }

    /// Records `event`; returns once its record is committed. A group of concurrent requests
    /// takes two statements on one connection: the patients of everything they read, then the
    /// append, whose commit makes their records durable.
    public func record(_ event: PendingAudit) async throws {
        try await commits.commit(event)
    }

    /// Records `event` inside `transaction`, so it commits with what the transaction writes;
    /// returns the records' canonical bytes, to mirror once the transaction has committed.
    @discardableResult
    public func record(_ event: PendingAudit, in transaction: StoreTransaction) async throws -> [[UInt8]] {
        let patients = try await transaction.compartmentPatients(of: event.referencesToResolve)
        let records = AuditRecordMaker.records(for: event, patients: patients, server: server)
        try await transaction.appendAudit(records)
        return records.map(\.canonical)
    }

    /// Writes committed records to the line sink, if there is one.
    func mirror(_ records: [[UInt8]]) async {
        await Self.mirror(records, to: lines, logger: logger)
    }

    private static func mirror(_ records: [[UInt8]], to lines: AuditLineSink?, logger: Logger) async {
        guard let lines else { return }
        do {
            try await lines.write(records)
        } catch {
            logger.error("Audit records could not be written to the audit log file; the database holds them")
        }
    }
}

/// The server as its audit records name it.
public struct AuditServer: Sendable {
    /// The software's name, `Kiln`.
    public var name: String
    /// The FHIR base URL, read when each record is built (it is known once the server listens).
    public var baseURL: @Sendable () -> String

    /// A server identity.
    public init(name: String = "Kiln", baseURL: @escaping @Sendable () -> String) {
        self.name = name
        self.baseURL = baseURL
    }
}
