/// Why a resource scope is refused. Kiln grants no resource scope it cannot honour in full, so
/// each of these fails the whole scope request; the description names the scope and the fix.
public enum ScopeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The part before the `/` is not `patient`, `user` or `system`.
    case unknownContext(scope: String, context: String)
    /// The resource type is neither `*` nor shaped like a type name.
    case invalidResourceType(scope: String, resourceType: String)
    /// The resource type is shaped like one but is not a type this server serves.
    case unknownResourceType(scope: String, resourceType: String)
    /// Nothing (or no `.`) after the resource type.
    case missingPermissions(scope: String)
    /// A character after the dot is not one of `c`, `r`, `u`, `d`, `s`.
    case unknownPermission(scope: String, letter: Character)
    /// A permission letter appears twice.
    case repeatedPermission(scope: String, letter: Character)
    /// The letters are not in the order `c`, `r`, `u`, `d`, `s`.
    case permissionsOutOfOrder(scope: String, permissions: String)
    /// v1 permissions (`read`, `write`, `*`) and v2 letters in one scope.
    case mixedSyntax(scope: String, permissions: String)
    /// A query after a v1 permission; granular scopes are SMART 2 only.
    case queryOnVersion1Scope(scope: String)
    /// A query on `*`; a granular scope must name its resource type.
    case queryOnWildcard(scope: String)
    /// A query on a scope that also creates, updates or deletes.
    case queryWithWritePermissions(scope: String, permissions: String)
    /// The query is not `name=value` pairs joined by `&`.
    case malformedQuery(scope: String, reason: String)
    /// A `=value` with no name before it.
    case emptyParameterName(scope: String)
    /// A `name=` with no value after it.
    case emptyParameterValue(scope: String, name: String)
    /// A chained parameter such as `subject.name`.
    case chainedParameter(scope: String, name: String)
    /// A parameter with a modifier such as `code:in`.
    case modifiedParameter(scope: String, name: String)
    /// A reverse chain, `_has:…`.
    case reverseChain(scope: String, name: String)
    /// `_include` or `_revinclude`.
    case includeParameter(scope: String, name: String)
    /// A parameter that shapes results (`_count`, `_sort`, …) instead of selecting resources.
    case resultParameter(scope: String, name: String)
    /// Another `_` parameter a scope may not restrict by (`_text`, `_filter`, `_type`, …).
    case unsupportedParameter(scope: String, name: String)

    /// The scope as the client wrote it.
    public var scope: String {
        switch self {
        case .unknownContext(let scope, _), .invalidResourceType(let scope, _), .unknownResourceType(let scope, _),
             .missingPermissions(let scope), .unknownPermission(let scope, _), .repeatedPermission(let scope, _),
             .permissionsOutOfOrder(let scope, _), .mixedSyntax(let scope, _), .queryOnVersion1Scope(let scope),
             .queryOnWildcard(let scope), .queryWithWritePermissions(let scope, _), .malformedQuery(let scope, _),
             .emptyParameterName(let scope), .emptyParameterValue(let scope, _), .chainedParameter(let scope, _),
             .modifiedParameter(let scope, _), .reverseChain(let scope, _), .includeParameter(let scope, _),
             .resultParameter(let scope, _), .unsupportedParameter(let scope, _):
            scope
        }
    }

    /// What is wrong and how to write the scope instead.
    public var description: String {
        let subject = "The scope '\(scope)'"
        switch self {
        case .unknownContext(_, let context) where context.isEmpty:
            return "\(subject) has no context; a resource scope starts with patient/, user/ or system/"
        case .unknownContext(_, let context):
            return "\(subject) starts with '\(context)/'; a resource scope starts with patient/, user/ or system/ (lowercase)"
        case .invalidResourceType(_, let resourceType):
            return "\(subject) names '\(resourceType)', which is neither '*' nor a resource type name such as Observation"
        case .unknownResourceType(_, let resourceType):
            return "\(subject) names '\(resourceType)', which is not a resource type this server serves"
        case .missingPermissions:
            return "\(subject) has no permissions; add them after a dot, e.g. '.rs' (read and search) or '.cruds'"
        case .unknownPermission(_, let letter):
            return "\(subject) has the permission '\(letter)'; permissions are the letters c, r, u, d, s (in that order), or read, write or * in SMART 1 syntax"
        case .repeatedPermission(_, let letter):
            return "\(subject) lists the permission '\(letter)' more than once; each of c, r, u, d, s may appear once"
        case .permissionsOutOfOrder(_, let permissions):
            let ordered = String(ScopePermissions.lettersInOrder.map(\.letter).filter { permissions.contains($0) })
            return "\(subject) lists its permissions as '\(permissions)'; write them in the order c, r, u, d, s ('\(ordered)')"
        case .mixedSyntax(_, let permissions):
            return "\(subject) mixes SMART 1 permissions (read, write, *) with SMART 2 letters in '\(permissions)'; use one syntax, e.g. '.rs' or '.read'"
        case .queryOnVersion1Scope:
            return "\(subject) has a query after a SMART 1 permission; a query needs SMART 2 letters, e.g. '.rs?category=…'"
        case .queryOnWildcard:
            return "\(subject) restricts '*' by a query; a scope with a query must name its resource type, e.g. 'patient/Observation.rs?category=…'"
        case .queryWithWritePermissions(_, let permissions):
            return "\(subject) has the permissions '\(permissions)' with a query; a query can restrict reading and searching only, so use 'r' and 's' with it and ask for writes in a scope without one"
        case .malformedQuery(_, let reason):
            return "\(subject) has a malformed query: \(reason); write it as name=value pairs joined by '&'"
        case .emptyParameterName:
            return "\(subject) has a query pair with no parameter name before '='"
        case .emptyParameterValue(_, let name):
            return "\(subject) gives the parameter '\(name)' no value"
        case .chainedParameter(_, let name):
            return "\(subject) restricts by the chained parameter '\(name)'; a scope may restrict only by parameters of its own resource type, without chains"
        case .modifiedParameter(_, let name):
            return "\(subject) restricts by '\(name)', which has a modifier; a scope's query may not use modifiers"
        case .reverseChain(_, let name):
            return "\(subject) restricts by the reverse chain '\(name)'; _has is not allowed in a scope"
        case .includeParameter(_, let name):
            return "\(subject) uses '\(name)', which adds resources instead of restricting them; it is not allowed in a scope"
        case .resultParameter(_, let name):
            return "\(subject) uses '\(name)', which shapes results instead of selecting resources; it is not allowed in a scope"
        case .unsupportedParameter(_, let name):
            return "\(subject) restricts by '\(name)'; of the parameters starting with '_', a scope may use only \(ScopeQuery.allowedCommonParameters.sorted().joined(separator: ", "))"
        }
    }
}
