public import FHIRAccess
public import FHIRDefinitions
public import Foundation

/// Compiles a ``SearchQuery`` and the caller's ``AccessFilter`` into SQL: a pure function, so it
/// is tested without a database.
///
/// Every statement applies the access filter inside the query, before any LIMIT: to the match
/// set, and to the resources reached by chains, `_has`, `_include` and `_revinclude`. Values are
/// always bound, never written into the SQL text.
///
/// ```swift
/// let compiler = SearchCompiler(patientCompartment: catalog.patientCompartment)
/// let page = compiler.page(query, filter: .unrestricted)   // SELECT r.rid, v.… LIMIT $n
/// ```
public struct SearchCompiler: Sendable {
    /// The resource types of the Patient compartment (Patient included), which a
    /// ``AccessFilter/patientCompartment(patientIDs:)`` filter restricts.
    public let compartmentTypes: Set<String>
    /// The time `ap` (approximately) dates are measured from.
    public let now: Date
    /// Reads the queries of an ``AccessFilter/restriction`` as searches of their types; without
    /// it every restricted type matches nothing (a restriction never widens).
    public let restrictionParser: SearchQueryParser?

    /// The columns of every statement that returns resources: the row number, then the columns
    /// of a stored version (`resource_type`, `id`, `version_id`, `last_updated`, `is_deleted`,
    /// `method`, `raw`).
    public static let resultColumns = "r.rid, v.resource_type, v.id, v.version_id, v.last_updated, v.is_deleted, v.method, v.raw"

    /// The start of every statement that returns resources: ``resultColumns`` from the current
    /// pointer `r` joined to its version `v`.
    static let resultSource = """
        SELECT \(resultColumns) FROM resource r \
        JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
        """

    /// A compiler for the given Patient compartment; `restrictionParser` reads granular-scope
    /// restrictions.
    public init(patientCompartment: CompartmentDefinition, now: Date = Date(), restrictionParser: SearchQueryParser? = nil) {
        self.compartmentTypes = patientCompartment.memberTypes
        self.now = now
        self.restrictionParser = restrictionParser
    }

    /// One page of matches, in the query's order, at most `query.count + 1` rows (the extra row
    /// tells the caller there is a next page). With a ``PageCursor/Direction/previous`` cursor
    /// the rows come in reverse order; the caller reverses them.
    public func page(_ query: SearchQuery, filter: AccessFilter) -> SQLStatement {
        var sql = SQLCompilation(compiler: self)
        let scope = TypeScope(query)
        let direction = query.cursor?.direction ?? .next
        let keyed = !query.sort.isEmpty && query.cursor != nil
        if keyed, let cursor = query.cursor {
            sql.append("WITH anchor AS (SELECT ")
            for (position, key) in query.sort.enumerated() {
                sql.appendSortExpression(key, alias: "a")
                sql.append(" AS k\(position), ")
            }
            sql.append("a.rid AS k_rid FROM resource a WHERE a.rid = ")
            sql.bind(.integer(cursor.anchor))
            sql.append(") ")
        }
        // The page's rows are chosen first, and only they are joined to their versions: with
        // the wide version rows out of the way, the planner costs early-stopping plans (a
        // nested loop in `rid` order for `_has`) as they are.
        //
        // With a consent scope, the matches come in order from a subquery kept apart by
        // `OFFSET 0`, and the consent check is applied to them above it, before the LIMIT:
        // PostgreSQL would otherwise test it wherever it scans `resource`, which in a merge
        // join is every row between the page's matches. Nothing above the subquery joins or
        // sorts, so it keeps the subquery's order and plans it for the page's rows only.
        let consent = filter.consent.flatMap { consentGoverns(scope) == false ? nil : $0 }
        sql.append("SELECT \(Self.resultColumns) FROM (")
        if consent != nil { sql.append("SELECT m.* FROM (") }
        sql.append("SELECT r.rid, r.resource_type, r.id, r.version_id")
        for (position, key) in query.sort.enumerated() {
            sql.append(", ")
            sql.appendSortExpression(key, alias: "r")
            sql.append(" AS s\(position)")
        }
        sql.append(" FROM resource r")
        if keyed { sql.append(" CROSS JOIN anchor") }
        if let cursor = query.cursor, !keyed {
            sql.ridBound = ("r", direction == .next ? ">" : "<", cursor.anchor)
        }
        sql.append(" WHERE ")
        sql.appendMatch(query.conditions, alias: "r", scope: scope, filter: filter, consentOnRow: consent == nil)
        if let cursor = query.cursor {
            sql.append(" AND ")
            if keyed {
                sql.appendKeyset(query.sort, direction: direction)
            } else {
                sql.append(direction == .next ? "r.rid > " : "r.rid < ")
                sql.bind(.integer(cursor.anchor))
            }
        }
        sql.append(" ORDER BY ")
        sql.appendOrder(query.sort, direction: direction, keyColumns: "s")
        if let consent {
            sql.append(" OFFSET 0) m WHERE true")
            sql.appendConsent(consent, alias: "m", scope: scope)
        }
        sql.append(" LIMIT ")
        sql.bind(.integer(Int64(query.count) + 1))
        sql.append(") r JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id ORDER BY ")
        sql.appendOrder(query.sort, direction: direction, keyColumns: "s")
        return sql.statement
    }

    /// The number of matches: `SELECT count(*) …`.
    public func count(_ query: SearchQuery, filter: AccessFilter) -> SQLStatement {
        var sql = SQLCompilation(compiler: self)
        sql.append("SELECT count(*) FROM resource r WHERE ")
        sql.appendMatch(query.conditions, alias: "r", scope: TypeScope(query), filter: filter)
        return sql.statement
    }

    /// The planner's estimate of the number of matches: `EXPLAIN (FORMAT JSON)` of the match,
    /// whose top plan node's `Plan Rows` is the estimate.
    public func estimate(_ query: SearchQuery, filter: AccessFilter) -> SQLStatement {
        var sql = SQLCompilation(compiler: self)
        sql.append("EXPLAIN (FORMAT JSON) SELECT r.rid FROM resource r WHERE ")
        sql.appendMatch(query.conditions, alias: "r", scope: TypeScope(query), filter: filter)
        return sql.statement
    }

    /// The ids of current resources of `resourceType` matching `conditions`, at most `limit`:
    /// the criteria of conditional interactions.
    public func match(resourceType: String, conditions: [SearchCondition], filter: AccessFilter, limit: Int) -> SQLStatement {
        var sql = SQLCompilation(compiler: self)
        sql.append("SELECT r.id FROM resource r WHERE ")
        sql.appendMatch(conditions, alias: "r", scope: .single(resourceType), filter: filter)
        sql.append(" ORDER BY r.rid LIMIT ")
        sql.bind(.integer(Int64(limit)))
        return sql.statement
    }
}

/// The resource types a table alias ranges over.
enum TypeScope: Hashable {
    /// One type, known when compiling.
    case single(String)
    /// Several types.
    case several([String])
    /// Any type (a system search without `_type`).
    case any

    init(_ query: SearchQuery) {
        switch query.resourceTypes.count {
        case 0: self = .any
        case 1: self = .single(query.resourceTypes[0])
        default: self = .several(query.resourceTypes)
        }
    }

    init(_ types: [String]) {
        switch types.count {
        case 0: self = .any
        case 1: self = .single(types[0])
        default: self = .several(types)
        }
    }
}

extension CompartmentDefinition {
    /// The resource types in the compartment, the compartment's own type (Patient) included.
    public var memberTypes: Set<String> {
        Set(resourceTypes).union([code])
    }
}
