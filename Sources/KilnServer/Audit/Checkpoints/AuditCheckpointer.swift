public import FHIRAudit
public import FHIRStore
public import Foundation
public import Logging

/// Signs checkpoints of the audit log: keeps the Merkle frontier of the records read so far
/// (``FHIRAudit/MerkleTreeBuilder``, O(log n) hashes), reads new records incrementally as leaf
/// hashes computed by PostgreSQL, and signs a checkpoint with the shared key
/// (``FHIRStore/AuditKeyStore``) when the log reaches a multiple of
/// ``AuditConfiguration/checkpointRecords`` or, having grown, when the newest stored checkpoint
/// is ``AuditConfiguration/checkpointInterval`` old.
///
/// A new checkpointer reads the log from record 1 (a million records take a few seconds) and
/// compares every stored checkpoint it passes; when the records no longer match one it throws
/// ``AuditCheckpointerError/diverged(treeSize:what:)`` and signs nothing, so a rewritten log is
/// never signed over. Several nodes may each run one: they sign the same sizes, the store keeps
/// the first checkpoint of each size, and a node whose checkpoint was not kept compares the
/// one that was.
///
/// ```swift
/// var checkpointer = AuditCheckpointer(log: log, keys: keys, configuration: .standard, logger: logger)
/// let made = try await checkpointer.checkpointIfDue(now: Date())   // call every poll interval
/// let latest = try await checkpointer.checkpointNow(now: Date())   // `kiln audit checkpoint`
/// ```
public struct AuditCheckpointer: Sendable {
    /// The log read and checkpointed.
    public let log: AuditLogStore
    /// The key store the signing key comes from.
    public let keys: AuditKeyStore
    /// When to checkpoint, and the file checkpoints are also appended to.
    public let configuration: AuditConfiguration
    private let logger: Logger

    private var tree = MerkleTreeBuilder()
    /// The stored chain hash of the last record read.
    public private(set) var chainHead = AuditChain.genesis
    /// Whether the stored checkpoints were read.
    private var started = false
    /// The newest stored checkpoint this checkpointer knows of (any node's).
    private var latestStored: AuditCheckpoint?
    /// Stored checkpoints of sizes the tree has not reached, by size, to compare when it does.
    private var pending: [Int64: AuditCheckpoint] = [:]
    /// When this checkpointer started, standing in for the newest checkpoint when there is none.
    private var startedAt: Date?
    private var signingKey: AuditSigningKey?

    /// A checkpointer that has read nothing yet.
    public init(log: AuditLogStore, keys: AuditKeyStore, configuration: AuditConfiguration, logger: Logger) {
        self.log = log
        self.keys = keys
        self.configuration = configuration
        self.logger = logger
    }

    /// The number of records read: the size of the tree.
    public var treeSize: Int64 { Int64(tree.size) }

    /// The Merkle root of the records read.
    public var root: AuditDigest { tree.root }

    /// The tree size of the newest checkpoint stored, by any node; nil when there is none.
    public var latestStoredTreeSize: Int64? { latestStored?.treeSize }

    /// Reads every record not yet read, signing a checkpoint at each multiple of
    /// ``AuditConfiguration/checkpointRecords`` beyond the newest stored checkpoint, and returns
    /// the checkpoints this call stored.
    @discardableResult
    public mutating func catchUp(now: Date = Date()) async throws -> [AuditCheckpoint] {
        try await refreshStoredCheckpoints(now: now)
        var made: [AuditCheckpoint] = []
        while true {
            let leaves = try await log.leaves(from: treeSize + 1, limit: configuration.batchSize)
            for leaf in leaves {
                guard leaf.sequence == treeSize + 1 else { throw AuditCheckpointerError.gap(expected: treeSize + 1, found: leaf.sequence) }
                tree.append(leafHash: leaf.leafHash)
                chainHead = leaf.chainHash
                if let stored = pending.removeValue(forKey: treeSize) {
                    try compare(stored)
                }
                if treeSize % configuration.checkpointRecords == 0, treeSize > latestStored?.treeSize ?? 0,
                   let checkpoint = try await sign(now: now) {
                    made.append(checkpoint)
                }
            }
            if leaves.count < configuration.batchSize { return made }
        }
    }

    /// Catches up and, when the log grew beyond the newest stored checkpoint and that one is
    /// ``AuditConfiguration/checkpointInterval`` old (or there is none), signs one of the whole
    /// log; returns the checkpoints stored.
    @discardableResult
    public mutating func checkpointIfDue(now: Date = Date()) async throws -> [AuditCheckpoint] {
        var made = try await catchUp(now: now)
        let since = latestStored.map { Date(timeIntervalSince1970: TimeInterval($0.time)) } ?? startedAt ?? now
        let grew = treeSize > latestStored?.treeSize ?? 0
        if grew, latestStored == nil || now.timeIntervalSince(since) >= Self.seconds(configuration.checkpointInterval),
           let checkpoint = try await sign(now: now) {
            made.append(checkpoint)
        }
        return made
    }

    /// Catches up and signs a checkpoint of the whole log unless the newest stored one already
    /// covers it; returns the newest checkpoint stored (this one, or the one covering the log).
    public mutating func checkpointNow(now: Date = Date()) async throws -> AuditCheckpoint? {
        try await catchUp(now: now)
        if let latestStored, latestStored.treeSize >= treeSize { return latestStored }
        return try await sign(now: now) ?? latestStored
    }

    /// Signs a checkpoint of the records read and stores it (and appends it to the file); returns
    /// it, or nil when another node stored one of this size first, which is compared instead.
    private mutating func sign(now: Date) async throws -> AuditCheckpoint? {
        let key: AuditSigningKey
        if let signingKey {
            key = signingKey
        } else {
            key = try await keys.currentKey()
            signingKey = key
        }
        let time = Int64(now.timeIntervalSince1970.rounded(.down))
        let checkpoint = try key.sign(treeSize: treeSize, root: tree.root, chainHead: chainHead, time: time)
        let body = Array(try checkpoint.jsonData())
        guard try await log.addCheckpoint(treeSize: treeSize, madeAt: Date(timeIntervalSince1970: TimeInterval(time)), body: body) else {
            // Another node signed this size first; its checkpoint must say what this one says.
            if let stored = try await log.checkpoint(treeSize: treeSize).flatMap({ try? AuditCheckpoint(jsonData: Data($0)) }) {
                try compare(stored)
                remember(stored)
            }
            return nil
        }
        remember(checkpoint)
        logger.info("Audit checkpoint signed", metadata: ["treeSize": "\(treeSize)", "root": "\(checkpoint.root.hex)", "kid": "\(key.keyID)"])
        if let path = configuration.checkpointFile {
            do {
                try AuditCheckpointFile(path: path).append(checkpoint)
            } catch {
                logger.error("Audit checkpoint not appended to the checkpoint file", metadata: ["treeSize": "\(treeSize)", "error": "\(error)"])
            }
        }
        return checkpoint
    }

    /// Reads the stored checkpoints the first time, then the newest one, so that this node
    /// knows of other nodes' checkpoints and compares those it has not passed.
    private mutating func refreshStoredCheckpoints(now: Date) async throws {
        if !started {
            started = true
            startedAt = now
            for stored in try await log.storedCheckpoints() {
                guard let checkpoint = try? AuditCheckpoint(jsonData: Data(stored.body)) else {
                    logger.warning("A stored audit checkpoint is not readable; kiln audit verify reports it", metadata: ["treeSize": "\(stored.treeSize)"])
                    continue
                }
                note(checkpoint)
            }
        } else if let body = try await log.latestCheckpoint(), let checkpoint = try? AuditCheckpoint(jsonData: Data(body)) {
            note(checkpoint)
        }
        if let atSize = pending.removeValue(forKey: treeSize) {
            try compare(atSize)
        }
    }

    /// Takes note of a stored checkpoint: to compare when the tree reaches its size.
    private mutating func note(_ checkpoint: AuditCheckpoint) {
        if checkpoint.treeSize >= treeSize {
            pending[checkpoint.treeSize] = checkpoint
        }
        remember(checkpoint)
    }

    private mutating func remember(_ checkpoint: AuditCheckpoint) {
        if checkpoint.treeSize >= latestStored?.treeSize ?? -1 {
            latestStored = checkpoint
        }
    }

    /// Throws when the records read do not have `checkpoint`'s root and chain head.
    private func compare(_ checkpoint: AuditCheckpoint) throws(AuditCheckpointerError) {
        if checkpoint.root != tree.root {
            throw .diverged(treeSize: checkpoint.treeSize, what: "Merkle root")
        }
        if checkpoint.chainHead != chainHead {
            throw .diverged(treeSize: checkpoint.treeSize, what: "chain head")
        }
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let components = duration.components
        return TimeInterval(components.seconds) + TimeInterval(components.attoseconds) / 1e18
    }
}
