/// Everything measured on one system (Kiln or the PostgreSQL baseline).
public struct SystemFigures: Sendable, Hashable, Codable {
    /// The load phase.
    public let load: LoadFigures
    /// The read phases, one per concurrency, in the order they ran.
    public let reads: [ReadFigures]

    /// The read phase at `concurrency`, if one ran.
    public func read(concurrency: Int) -> ReadFigures? {
        reads.first { $0.concurrency == concurrency }
    }
}
