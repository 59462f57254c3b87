import Foundation

/// The gist of an `EXPLAIN (ANALYZE, BUFFERS)` plan: the kinds of plan nodes, the indexes read,
/// the tables read whole, and the times and buffers PostgreSQL reported.
public struct PlanSummary: Sendable, Hashable, Codable {
    /// Node kinds in plan order, each once (`Limit`, `Nested Loop Semi Join`, `Index Only Scan`, …).
    public let nodes: [String]
    /// Indexes read, in plan order, each once.
    public let indexes: [String]
    /// Tables read by a sequential scan, each once: empty when every table was reached by an index.
    public let sequentialScans: [String]
    /// Planning time, in milliseconds.
    public let planningMilliseconds: Double?
    /// Execution time, in milliseconds.
    public let executionMilliseconds: Double?
    /// Shared buffers found in the cache, for the whole plan.
    public let sharedHit: Int?
    /// Shared buffers read from outside the cache, for the whole plan.
    public let sharedRead: Int?

    /// The summary of a plan's lines.
    public init(lines: [String]) {
        var nodes: [String] = []
        var indexes: [String] = []
        var sequentialScans: [String] = []
        var planning: Double?
        var execution: Double?
        var hit: Int?
        var read: Int?
        func addOnce(_ value: String, to list: inout [String]) {
            if !list.contains(value) { list.append(value) }
        }
        for raw in lines {
            var line = Substring(raw.drop { $0 == " " })
            if line.hasPrefix("->") { line = line.dropFirst(2).drop { $0 == " " } }
            if let value = Self.number(after: "Planning Time:", in: line) {
                planning = value
            } else if let value = Self.number(after: "Execution Time:", in: line) {
                execution = value
            } else if line.hasPrefix("Buffers:"), hit == nil, read == nil {
                hit = Self.count(after: "hit=", in: line) ?? 0
                read = Self.count(after: "read=", in: line) ?? 0
            } else if let costs = line.range(of: "  (") {
                let node = line[..<costs.lowerBound]
                let kind = node.range(of: " using ").map { node[..<$0.lowerBound] }
                    ?? node.range(of: " on ").map { node[..<$0.lowerBound] }
                    ?? node
                addOnce(String(kind), to: &nodes)
                if let using = node.range(of: " using ") {
                    addOnce(Self.word(at: node[using.upperBound...]), to: &indexes)
                } else if node.hasPrefix("Bitmap Index Scan on ") {
                    addOnce(Self.word(at: node.dropFirst("Bitmap Index Scan on ".count)), to: &indexes)
                }
                if node.hasPrefix("Seq Scan on ") || node.hasPrefix("Parallel Seq Scan on ") {
                    let table = node[(node.range(of: "Scan on ")?.upperBound ?? node.endIndex)...]
                    addOnce(Self.word(at: table), to: &sequentialScans)
                }
            }
        }
        self.nodes = nodes
        self.indexes = indexes
        self.sequentialScans = sequentialScans
        self.planningMilliseconds = planning
        self.executionMilliseconds = execution
        self.sharedHit = hit
        self.sharedRead = read
    }

    /// One line for the console: indexes, sequential scans, execution time and buffers.
    public var text: String {
        var parts = ["indexes: " + (indexes.isEmpty ? "none" : indexes.joined(separator: ", "))]
        if !sequentialScans.isEmpty { parts.append("SEQ SCAN on " + sequentialScans.joined(separator: ", ")) }
        if let executionMilliseconds { parts.append(String(format: "%.3f ms", executionMilliseconds)) }
        if let sharedHit, let sharedRead { parts.append("buffers hit \(sharedHit) read \(sharedRead)") }
        return parts.joined(separator: "; ")
    }

    private static func word(at text: Substring) -> String {
        String(text.prefix { $0 != " " && $0 != "(" })
    }

    private static func number(after label: String, in line: Substring) -> Double? {
        guard line.hasPrefix(label) else { return nil }
        return Double(line.dropFirst(label.count).drop { $0 == " " }.prefix { $0.isNumber || $0 == "." })
    }

    private static func count(after label: String, in line: Substring) -> Int? {
        guard let range = line.range(of: label) else { return nil }
        return Int(line[range.upperBound...].prefix { $0.isNumber })
    }
}
