import Foundation

/// Where a request under `/fhir` points, parsed from its path segments.
///
/// ```
/// []                               → .system
/// ["metadata"]                     → .metadata
/// ["_history"]                     → .systemHistory
/// ["_search"]                      → .systemSearch
/// ["Patient"]                      → .type("Patient")
/// ["Patient", "_history"]          → .typeHistory("Patient")
/// ["Patient", "123"]               → .instance("Patient", "123")
/// ["Patient", "123", "_history"]   → .instanceHistory("Patient", "123")
/// ["Patient", "123", "_history", "2"] → .version("Patient", "123", "2")
/// ```
public enum FHIRRoute: Sendable, Hashable {
    /// The base: batch and transaction Bundles.
    case system
    /// `metadata`: the CapabilityStatement.
    case metadata
    /// `_history` of the whole system.
    case systemHistory
    /// A resource type: create, search, conditional update and delete.
    case type(String)
    /// `[type]/_search`: search by POST.
    case typeSearch(String)
    /// `_search`: system-level search by POST.
    case systemSearch
    /// `[type]/_history`.
    case typeHistory(String)
    /// `[type]/[id]`.
    case instance(String, String)
    /// `[type]/[id]/_history`.
    case instanceHistory(String, String)
    /// `[type]/[id]/_history/[vid]`.
    case version(String, String, String)
    /// `$name`, `[type]/$name` or `[type]/[id]/$name`.
    case operation(name: String, type: String?, id: String?)

    /// Parses a path relative to the FHIR base (`Patient/123/_history`, percent-encoded); nil
    /// when it is no FHIR URL (including one with an empty segment).
    public init?(path: Substring) {
        guard !path.isEmpty else {
            self = .system
            return
        }
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            guard !segment.isEmpty else { return nil }
            // Decoding costs a Foundation call; ids and type names rarely need it.
            segments.append(segment.contains("%") ? Substring(String(segment).removingPercentEncoding ?? String(segment)) : segment)
        }
        self.init(segments: segments)
    }

    /// Parses the path segments after `/fhir`; nil when the path is no FHIR URL.
    public init?(segments: [Substring]) {
        let parts = segments.map(String.init)
        switch parts.count {
        case 0:
            self = .system
        case 1:
            if parts[0] == "metadata" { self = .metadata }
            else if parts[0] == "_search" { self = .systemSearch }
            else if parts[0] == "_history" { self = .systemHistory }
            else if parts[0].hasPrefix("$") { self = .operation(name: String(parts[0].dropFirst()), type: nil, id: nil) }
            else { self = .type(parts[0]) }
        case 2:
            if parts[1] == "_history" { self = .typeHistory(parts[0]) }
            else if parts[1] == "_search" { self = .typeSearch(parts[0]) }
            else if parts[1].hasPrefix("$") { self = .operation(name: String(parts[1].dropFirst()), type: parts[0], id: nil) }
            else { self = .instance(parts[0], parts[1]) }
        case 3:
            if parts[2] == "_history" { self = .instanceHistory(parts[0], parts[1]) }
            else if parts[2].hasPrefix("$") { self = .operation(name: String(parts[2].dropFirst()), type: parts[0], id: parts[1]) }
            else { return nil }
        case 4:
            guard parts[2] == "_history" else { return nil }
            self = .version(parts[0], parts[1], parts[3])
        default:
            return nil
        }
    }

    /// The resource type named in the route, if any.
    public var resourceType: String? {
        switch self {
        case .system, .metadata, .systemHistory, .systemSearch: nil
        case .type(let type), .typeSearch(let type), .typeHistory(let type): type
        case .instance(let type, _), .instanceHistory(let type, _), .version(let type, _, _): type
        case .operation(_, let type, _): type
        }
    }
}

extension FHIRRoute {
    /// Whether the route is a search by POST, whose parameters come as a form body.
    var isSearchByPost: Bool {
        switch self {
        case .typeSearch, .systemSearch: true
        default: false
        }
    }
}
