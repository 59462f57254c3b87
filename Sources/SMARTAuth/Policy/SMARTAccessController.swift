public import FHIRAccess

/// The ``FHIRAccess/AccessController`` of one authenticated caller, over ``SMARTAccessPolicy``.
///
/// An ``FHIRAccess/AccessDecision`` carries a filter only, so this controller refuses what it
/// cannot pass on in full, until the server applies ``SMARTDecision`` itself:
/// - a request whose decision has a granular ``ScopeRestriction``;
/// - a write whose decision confines the stored or written resource (any filter other than
///   `.unrestricted`), since the store does not yet check a write against a filter.
/// It also refuses a request from any principal other than the caller it was made for.
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

    /// The policy's decision, or a denial when it cannot be passed on in full.
    public func decide(_ request: AccessRequest) -> AccessDecision {
        guard request.principal.subject == caller.subject else {
            return .deny(reason: "The access decision was asked for '\(request.principal.subject)' but the token belongs to '\(caller.subject)'")
        }
        let decision = policy.decide(request, for: caller)
        guard case .allow(let filter) = decision.access else { return decision.access }
        if !decision.restriction.isEmpty {
            let types = decision.restriction.queriesByType.keys.sorted().joined(separator: ", ")
            return .deny(reason: "The token's granular scopes on \(types) cannot be enforced on this request yet; ask for scopes without a query")
        }
        if let written = decision.writtenResourceFilter, written != .unrestricted || filter != .unrestricted {
            return .deny(reason: "This token is confined to patient compartments, and writes under such a confinement cannot be checked yet")
        }
        return decision.access
    }
}
