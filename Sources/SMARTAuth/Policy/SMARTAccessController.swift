public import FHIRAccess

/// The ``FHIRAccess/AccessController`` of one authenticated caller, over ``SMARTAccessPolicy``.
///
/// The decision's granular ``ScopeRestriction`` travels inside the filter
/// (``FHIRAccess/AccessFilter/restriction``), so the search compiler applies it wherever it
/// applies the compartment. For a write the server checks the resource as written against the
/// same filter; a create is given the policy's ``SMARTDecision/writtenResourceFilter`` instead,
/// since only the new content is checked (a clinician's new Patient lies outside every
/// compartment until it is assigned). A request from any principal other than the caller it was
/// made for is refused.
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
        return .allow(confinement.restricted(by: decision.restriction.accessRestriction))
    }
}
