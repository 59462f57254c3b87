import Foundation

/// A parsed search: what to match, how to order and page it, and what to return.
///
/// ``SearchQueryParser`` makes it from a query string; ``SearchCompiler`` turns it, with the
/// caller's access filter, into SQL.
public struct SearchQuery: Sendable, Hashable {
    /// The types searched: one for `GET [type]?…`; for a system search, those of `_type`, or
    /// empty for every type.
    public var resourceTypes: [String]
    /// Whether this is a system-level search (`GET [base]?…`).
    public var isSystemLevel: Bool
    /// The conditions; all must hold.
    public var conditions: [SearchCondition]
    /// `_sort`, in order; empty for the default order (oldest resource first).
    public var sort: [SortKey]
    /// `_count`: the page size.
    public var count: Int
    /// The page to continue from (`_cursor`), when following a next or previous link.
    public var cursor: PageCursor?
    /// `_total`.
    public var total: TotalMode
    /// `_summary`.
    public var summary: SummaryMode
    /// `_elements`: the top-level elements to return; empty for all.
    public var elements: [String]
    /// `_include`, in order.
    public var includes: [IncludeDirective]
    /// `_revinclude`, in order.
    public var revIncludes: [IncludeDirective]
    /// The parameters ignored under `Prefer: handling=lenient`, with why.
    public var ignored: [IgnoredParameter]
    /// The parameters as they should appear in links (`self`, `next`, `previous`): everything
    /// understood, in the order given, without `_cursor` and the ignored ones.
    public var linkParameters: [QueryParameter]

    /// A query; everything but the types has a default.
    public init(
        resourceTypes: [String],
        isSystemLevel: Bool = false,
        conditions: [SearchCondition] = [],
        sort: [SortKey] = [],
        count: Int = 20,
        cursor: PageCursor? = nil,
        total: TotalMode = .none,
        summary: SummaryMode = .false,
        elements: [String] = [],
        includes: [IncludeDirective] = [],
        revIncludes: [IncludeDirective] = [],
        ignored: [IgnoredParameter] = [],
        linkParameters: [QueryParameter] = []
    ) {
        self.resourceTypes = resourceTypes
        self.isSystemLevel = isSystemLevel
        self.conditions = conditions
        self.sort = sort
        self.count = count
        self.cursor = cursor
        self.total = total
        self.summary = summary
        self.elements = elements
        self.includes = includes
        self.revIncludes = revIncludes
        self.ignored = ignored
        self.linkParameters = linkParameters
    }
}

/// One `name=value` of a query string, percent-decoded.
public struct QueryParameter: Sendable, Hashable {
    /// The name, with any modifier (`name:exact`).
    public var name: String
    /// The value.
    public var value: String

    /// A parameter.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// Parses a query string (without `?`): `&`-separated, `+` is a space, percent-decoded.
    public static func parse(_ queryString: String) -> [QueryParameter] {
        queryString.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            return QueryParameter(name: name, value: value)
        }
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

/// One key of `_sort`.
public struct SortKey: Sendable, Hashable {
    /// The parameter code (`_id`, `_lastUpdated`, `birthdate`, …).
    public var parameter: String
    /// The parameter's type, which says where its values are kept.
    public var type: SortValueType
    /// Whether descending (`-birthdate`).
    public var descending: Bool

    /// A sort key.
    public init(parameter: String, type: SortValueType, descending: Bool) {
        self.parameter = parameter
        self.type = type
        self.descending = descending
    }
}

/// Where a sort key's values come from.
public enum SortValueType: String, Sendable, Hashable {
    /// The resource id.
    case id
    /// The resource row's last update.
    case lastUpdated
    /// Token rows: the code.
    case token
    /// String rows: the normalized value.
    case string
    /// Date rows: the low bound ascending, the high bound descending.
    case date
    /// Number rows.
    case number
    /// Quantity rows: the canonical value when there is one, else the value.
    case quantity
    /// Reference rows: type and id, or URL.
    case reference
    /// URI rows.
    case uri
}

/// `_total`.
public enum TotalMode: String, Sendable, Hashable, CaseIterable {
    /// No total (the default).
    case none
    /// The planner's estimate.
    case estimate
    /// An exact count.
    case accurate
}

/// `_summary`.
public enum SummaryMode: String, Sendable, Hashable, CaseIterable {
    /// Only the elements marked as summary, plus mandatory ones.
    case `true`
    /// Only `text`, `id`, `meta` and mandatory top-level elements.
    case text
    /// Everything but `text`.
    case data
    /// Only the total, no resources.
    case count
    /// Everything (the default).
    case `false`
}

/// One `_include` or `_revinclude`: `SourceType:parameter[:TargetType]`, or `*`.
public struct IncludeDirective: Sendable, Hashable {
    /// The type that holds the reference (`DiagnosticReport` in `DiagnosticReport:result`).
    public var sourceType: String
    /// The reference parameter; nil for `*` (every reference parameter of the source type).
    public var parameter: String?
    /// The target type when one is named; nil for any.
    public var targetType: String?
    /// `:iterate` (or the R4 alias `:recurse`): applied again to included resources.
    public var iterate: Bool

    /// An include directive.
    public init(sourceType: String, parameter: String?, targetType: String?, iterate: Bool) {
        self.sourceType = sourceType
        self.parameter = parameter
        self.targetType = targetType
        self.iterate = iterate
    }
}

/// A parameter ignored under lenient handling.
public struct IgnoredParameter: Sendable, Hashable {
    /// The parameter as written.
    public var name: String
    /// Why it was ignored, for the OperationOutcome.
    public var reason: String

    /// An ignored parameter.
    public init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }
}

extension SearchQuery {
    /// A digest of what the search matches and how it is ordered (types, conditions, sort), which
    /// a ``PageCursor`` carries so that a link cannot continue a different search.
    public var digest: UInt32 {
        var hasher = StableHasher()
        hasher.combine(resourceTypes.joined(separator: ","))
        hasher.combine("\(conditions)")
        hasher.combine("\(sort)")
        let value = UInt64(bitPattern: hasher.value)
        return UInt32(truncatingIfNeeded: value ^ (value >> 32))
    }
}
