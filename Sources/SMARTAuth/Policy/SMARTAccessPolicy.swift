public import FHIRAccess

/// The SMART access policy: the caller's granted scopes, intersected with its role, decide each
/// request. Pure: no I/O, the same answer for the same inputs.
///
/// A request is allowed when at least one granted resource scope has the interaction's
/// permission letter (``FHIRAccess/Interaction/smartPermission``) on its resource type and the
/// caller's role and launch context let that scope apply. What each applying scope reaches:
///
/// - `patient/` scopes: the compartment of the launch patient (no launch patient: denied);
/// - `user/` and `system/` scopes: what the role reaches — a clinician the compartments of the
///   assigned patients, a patient their own compartment, the other roles and a system client
///   everything;
///
/// and a `patient/` scope meets the role too (a clinician's launch patient must be assigned to
/// them, a patient's must be themselves). Resources of types outside the Patient compartment
/// (Practitioner, Organization, Medication, …) pass a compartment filter, so they are readable
/// when a scope names their type or `*`. Writes under a compartment filter are limited to types
/// of the Patient compartment, and only a clinician (through `user/` or `system/` scopes) may
/// create a Patient, which lies outside every existing compartment.
///
/// Capabilities are always allowed. A batch or transaction is allowed at the Bundle level when
/// the caller may use the view and holds a resource scope; each entry is then decided on its
/// own, exactly like a standalone request — the Bundle-level allow grants nothing by itself.
///
/// When several scopes apply, an unrestricted scope (one without a query) wins over granular
/// ones and their filters are joined; when all are granular, their queries are joined (a
/// union) under the filter all of them share. Where an exact answer cannot be expressed as one
/// filter and one restriction, the answer reaches less, never more.
///
/// ```swift
/// let policy = SMARTAccessPolicy(patientCompartmentTypes: catalog.patientCompartment.resourceTypes)
/// let decision = policy.decide(AccessRequest(principal: principal, interaction: .searchType, resourceType: "Observation"), for: caller)
/// ```
public struct SMARTAccessPolicy: Sendable {
    /// The types of the Patient compartment, Patient included: the types a compartment filter
    /// restricts and the only types a caller confined to compartments may write.
    public let compartmentTypes: Set<String>
    /// What a request is answered for a patient none of whose Consents applies.
    public let consentDefaults: ConsentDefaults

    /// A policy; `patientCompartmentTypes` are the resource types of the Patient
    /// CompartmentDefinition (Patient itself is added).
    public init(patientCompartmentTypes: some Sequence<String>, consentDefaults: ConsentDefaults = .standard) {
        self.compartmentTypes = Set(patientCompartmentTypes).union(["Patient"])
        self.consentDefaults = consentDefaults
    }

    /// What the patients' Consents are asked for `request` made by `caller`; nil when they
    /// decide nothing: a patient's own access (never restricted by their own Consents), a
    /// break-glass request (purpose ETREAT, which overrides Consent denials; scopes, roles and a
    /// clinician's assignments still apply) and a create (a Consent governs existing data).
    public func consentScope(for request: AccessRequest, caller: SMARTCaller) -> ConsentScope? {
        if caller.role == .patient { return nil }
        let actions = ConsentScope.actions(for: request.interaction)
        if actions.isEmpty { return nil }
        if caller.overridesConsent { return nil }
        let purpose = caller.purposeOfUse
        return ConsentScope(
            purpose: purpose,
            actors: caller.consentActors,
            actions: actions,
            permitsByDefault: consentDefaults.permits(purpose: purpose, in: request.view)
        )
    }

    /// The purpose of use of a break-glass request: emergency treatment.
    public static let breakGlassPurpose = "ETREAT"

    /// The decision for `request` made by `caller`.
    ///
    /// A search (of one type or all) reaches other types through chains, `_has`, `_include` and
    /// `_revinclude`, and the search compiler applies one filter to all of them; so a search's
    /// filter is one that is safe for every searchable type (where the types' filters differ,
    /// the narrower one), and ``SMARTDecision/restriction`` holds the queries of every granular
    /// type, not only of the type searched. The server must keep every type a search touches —
    /// the types of a system-level search (its `_type` values, or all of them when absent),
    /// chain and `_has` targets, included resources — within ``searchableTypes(for:in:)``. The
    /// same goes for a system-level history.
    public func decide(_ request: AccessRequest, for caller: SMARTCaller) -> SMARTDecision {
        guard let permission = request.interaction.smartPermission else {
            if request.interaction == .capabilities { return SMARTDecision(access: .allow(.unrestricted)) }
            return bundleDecision(for: caller, in: request.view)
        }
        if let reason = gateDenial(permission: permission, caller: caller, view: request.view) {
            return .denied(reason)
        }
        if caller.role == .researcher, request.resourceType.map(ConsentScope.exemptTypes.contains) == true {
            return .denied("A researcher never sees Consent resources; the research view serves clinical data only")
        }
        let systemLevel = request.resourceType == nil
        if systemLevel, !permission.isDisjoint(with: .writes) {
            return .denied("A \(request.interaction.rawValue) must name its resource type")
        }
        let wildcardOnly = systemLevel && request.interaction == .operation
        let candidates = caller.scopes.resourceScopes.filter { scope in
            guard scope.permissions.contains(permission) else { return false }
            if let type = request.resourceType { return scope.resourceType.covers(type) }
            return !wildcardOnly || scope.resourceType == .wildcard
        }
        guard !candidates.isEmpty else {
            return .denied(noScopeReason(permission: permission, resourceType: request.resourceType, wildcardOnly: wildcardOnly, caller: caller))
        }
        var grants: [Grant] = []
        var firstDenial: String?
        for scope in candidates {
            switch grant(scope, permission: permission, resourceType: request.resourceType, caller: caller) {
            case .success(let grant): grants.append(grant)
            case .failure(let denial): firstDenial = firstDenial ?? denial.reason
            }
        }
        guard let firstGrant = grants.first else {
            return .denied(firstDenial ?? "No granted scope applies to this request")
        }
        guard request.interaction != .searchType, let type = request.resourceType else {
            // A search, or a system-level history or operation: one filter for every type reached.
            return searchDecision(request.interaction == .searchType ? searchGrants(for: caller) : grants)
        }
        let combined = Grant.combine(grants)
        let restriction = combined.queries.map { ScopeRestriction([type: $0]) } ?? .none
        let written = permission.isDisjoint(with: .writes) ? nil : grants.dropFirst().reduce(firstGrant.writtenResourceFilter) { $0.union($1.writtenResourceFilter) }
        return SMARTDecision(access: .allow(combined.filter), restriction: restriction, writtenResourceFilter: written)
    }

    /// The Bundle-level decision of a batch or transaction; its entries are decided one by one.
    private func bundleDecision(for caller: SMARTCaller, in view: DataView) -> SMARTDecision {
        if let reason = viewDenial(caller: caller, view: view) { return .denied(reason) }
        guard !caller.scopes.resourceScopes.isEmpty else {
            return .denied("The token has no resource scopes, so no entry of a Bundle could be allowed")
        }
        switch roleFilter(for: caller) {
        case .success(let filter): return SMARTDecision(access: .allow(filter))
        case .failure(let denial): return .denied(denial.reason)
        }
    }

    /// Every search scope that applies to the caller.
    private func searchGrants(for caller: SMARTCaller) -> [Grant] {
        caller.scopes.resourceScopes.filter { $0.permissions.contains(.search) }.compactMap { scope in
            try? grant(scope, permission: .search, resourceType: scope.resourceType.name, caller: caller).get()
        }
    }

    /// A decision over `grants` for every type they reach: one filter safe for all of them (the
    /// filters of the types met), and the queries of each granular type. A search reaches other
    /// types through chains, `_has` and includes, and the search compiler applies one filter to
    /// all of them, so even a search of one type gets the filter every searchable type shares.
    private func searchDecision(_ grants: [Grant]) -> SMARTDecision {
        let namedTypes = Set(grants.compactMap(\.scope.resourceType.name)).sorted()
        var filters: [AccessFilter] = []
        var queriesByType: [String: [ScopeQuery]] = [:]
        for type in namedTypes {
            let combined = Grant.combine(grants.filter { $0.scope.resourceType.covers(type) })
            filters.append(combined.filter)
            queriesByType[type] = combined.queries
        }
        let wildcards = grants.filter { $0.scope.resourceType == .wildcard }
        if !wildcards.isEmpty {
            filters.append(Grant.combine(wildcards).filter)
        }
        guard let first = filters.first else { return .denied("No granted scope applies to this request") }
        let filter = filters.dropFirst().reduce(first) { $0.intersection($1) }
        return SMARTDecision(access: .allow(filter), restriction: ScopeRestriction(queriesByType))
    }

    /// Why the caller's role or the view refuses `permission` before any scope is looked at.
    func gateDenial(permission: ScopePermissions, caller: SMARTCaller, view: DataView) -> String? {
        if let reason = viewDenial(caller: caller, view: view) { return reason }
        guard !permission.isDisjoint(with: .writes) else { return nil }
        if view == .research {
            return "The research view is read-only; write through the clinical view /fhir"
        }
        if let role = caller.role, !role.mayWrite {
            return "The \(role.rawValue) role is read-only; it may not create, update or delete"
        }
        return nil
    }

    /// Why the caller's role may not use `view`, if it may not.
    func viewDenial(caller: SMARTCaller, view: DataView) -> String? {
        guard let role = caller.role, !role.mayUse(view) else { return nil }
        switch view {
        case .clinical:
            return "The \(role.rawValue) role may use the research view /research/fhir only, not the clinical view /fhir"
        case .research:
            return "The \(role.rawValue) role may use the clinical view /fhir only, not the research view /research/fhir"
        }
    }

    private func noScopeReason(permission: ScopePermissions, resourceType: String?, wildcardOnly: Bool, caller: SMARTCaller) -> String {
        let granted = caller.scopes.resourceScopes.map(\.text)
        let held = granted.isEmpty ? "the token has no resource scopes" : "the token's resource scopes are \(granted.joined(separator: " "))"
        if wildcardOnly {
            return "A system-level operation needs a scope with 'r' on every type ('*'); \(held)"
        }
        let target = resourceType.map { "on \($0)" } ?? "on any type"
        return "No granted scope allows '\(permission.letters)' (\(Self.verb(permission))) \(target); \(held)"
    }

    private static func verb(_ permission: ScopePermissions) -> String {
        switch permission {
        case .create: "create"
        case .read: "read"
        case .update: "update"
        case .delete: "delete"
        default: "search"
        }
    }
}
