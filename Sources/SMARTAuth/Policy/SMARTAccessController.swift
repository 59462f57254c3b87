public import FHIRAccess

/// The ``FHIRAccess/AccessController`` of one authenticated caller, over ``SMARTAccessPolicy``.
///
/// The decision's granular ``ScopeRestriction`` travels inside the filter
/// (``FHIRAccess/AccessFilter/restriction``), so the search compiler applies it wherever it
/// applies the compartment. For a write the server checks the resource as written against the
/// same filter; a create is given the policy's ``SMARTDecision/writtenResourceFilter`` instead,
/// since only the new content is checked (a clinician's new Patient lies outside every
/// compartment until it is assigned). A request from any principal other than the caller it was
/// made for is refused. Reads are limited to the types the scopes let the caller read or
/// search, so an include, chain or `_has` reaches no other type.
public struct SMARTAccessController: AccessController {
    /// The policy.
    public let policy: SMARTAccessPolicy
    /// The caller whose requests this controller decides.
    public let caller: SMARTCaller

    /// The controller of `caller`'s requests.
    public init(policy: SMARTAccessPolicy, caller: SMARTCaller) {
        self.policy = policy
        self.caller = caller
    }

    /// The policy's decision, its restriction inside the filter.
    public func decide(_ request: AccessRequest) -> AccessDecision {
        guard request.principal.subject == caller.subject else {
            return .deny(reason: "The access decision was asked for '\(request.principal.subject)' but the token belongs to '\(caller.subject)'")
        }
        let decision = policy.decide(request, for: caller)
        guard case .allow(let filter) = decision.access else { return decision.access }
        let confinement = request.interaction == .create ? (decision.writtenResourceFilter ?? filter) : filter
        var allowed = confinement.restricted(by: decision.restriction.accessRestriction)
        if !request.interaction.isWrite {
            allowed = allowed.limited(to: visibleTypes(in: request.view))
        }
        return .allow(allowed.consenting(policy.consentScope(for: request, caller: caller)))
    }

    /// The types a read may return, matched or included: those the scopes allow reading or
    /// searching; nil for every type.
    private func visibleTypes(in view: DataView) -> Set<String>? {
        let readable = policy.readableTypes(for: caller, in: view)
        let searchable = policy.searchableTypes(for: caller, in: view)
        switch (readable, searchable) {
        case (.all, _), (_, .all): return nil
        case (.only(let read), .only(let search)): return read.union(search)
        }
    }
}
