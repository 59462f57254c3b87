public import FHIRAccess

/// The access policy's answer to one request: the ``FHIRAccess/AccessDecision`` the store
/// understands today, and what it must apply beside it.
///
/// - ``access``: `.deny(reason:)` (the server answers 403 with the reason) or `.allow(filter)`;
///   the filter applies to every read the interaction performs, as for any controller.
/// - ``restriction``: the granular-scope queries per resource type, to be applied wherever the
///   filter is (see ``ScopeRestriction``); empty when no granular scope is involved.
/// - ``writtenResourceFilter``: for an allowed create, update, patch or delete, the filter the
///   resource must satisfy as written (its new content for a create, update or patch; the stored
///   resource for a delete), in addition to the stored resource satisfying ``access``'s filter
///   for an update, patch or delete. `.unrestricted` when the written content is not confined (an
///   unrestricted caller; a clinician's new Patient). Nil for reads.
public struct SMARTDecision: Sendable, Hashable {
    /// Allow with a filter, or deny with a reason.
    public let access: AccessDecision
    /// Granular-scope queries per resource type; empty when none apply.
    public let restriction: ScopeRestriction
    /// For writes, the filter the resource as written must satisfy; nil for reads and denials.
    public let writtenResourceFilter: AccessFilter?

    /// A decision.
    public init(access: AccessDecision, restriction: ScopeRestriction = .none, writtenResourceFilter: AccessFilter? = nil) {
        self.access = access
        self.restriction = restriction
        self.writtenResourceFilter = writtenResourceFilter
    }

    /// A denial with a reason a person can act on.
    public static func denied(_ reason: String) -> SMARTDecision {
        SMARTDecision(access: .deny(reason: reason))
    }

    /// Whether the request is allowed.
    public var isAllowed: Bool {
        if case .allow = access { return true }
        return false
    }

    /// The filter of an allowed request; nil when denied.
    public var filter: AccessFilter? {
        if case .allow(let filter) = access { return filter }
        return nil
    }
}
