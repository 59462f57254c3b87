public import Foundation

/// A patient's Consent as the evaluator takes it: its reference and what it compiles to.
public struct ConsentCandidate: Sendable, Hashable {
    /// `Consent/ID`.
    public var reference: String
    /// The compiled Consent, or why it decides nothing.
    public var compilation: ConsentCompilation

    /// A candidate.
    public init(reference: String, compilation: ConsentCompilation) {
        self.reference = reference
        self.compilation = compilation
    }
}

/// The decision of a patient's Consents on one request (and, optionally, one resource), with
/// what decided it and why every other Consent did not.
public struct ConsentDecision: Sendable, Hashable {
    /// What decided.
    public enum Basis: Sendable, Hashable {
        /// No Consent applied: the purpose's default.
        case defaultForPurpose
        /// The root provision of this Consent.
        case root(consent: String)
        /// Nested provisions of this Consent (1-based positions), all matching; any deny wins.
        case provisions(consent: String, positions: [Int])
        /// Several applicable Consents recorded at the same time: deny.
        case tie(consents: [String])
    }

    /// Whether the request may see the data.
    public var permits: Bool
    /// What decided it.
    public var basis: Basis
    /// Why each other Consent did not decide, by reference.
    public var notApplied: [(consent: String, reason: String)]

    /// A decision.
    public init(permits: Bool, basis: Basis, notApplied: [(consent: String, reason: String)]) {
        self.permits = permits
        self.basis = basis
        self.notApplied = notApplied
    }

    /// The Consent that decided, when one did (not the default, not a tie).
    public var decidingConsent: String? {
        switch basis {
        case .root(let consent), .provisions(let consent, _): consent
        case .defaultForPurpose, .tie: nil
        }
    }

    /// Lines for a person: the decision, its basis and the reasons the others did not apply.
    public var explanation: [String] {
        var lines = ["Decision: \(permits ? "permit" : "deny")"]
        switch basis {
        case .defaultForPurpose: lines.append("Decided by: the default for this purpose of use (no Consent of the patient applies)")
        case .root(let consent): lines.append("Decided by: \(consent), its root provision")
        case .provisions(let consent, let positions):
            lines.append("Decided by: \(consent), nested provision\(positions.count > 1 ? "s" : "") \(positions.map { "provision[\($0 - 1)]" }.joined(separator: ", "))")
        case .tie(let consents): lines.append("Decided by: a tie between \(consents.joined(separator: ", ")), recorded at the same time (a tie denies)")
        }
        for (consent, reason) in notApplied { lines.append("Not applied: \(consent): \(reason)") }
        return lines
    }

    public static func == (lhs: ConsentDecision, rhs: ConsentDecision) -> Bool {
        lhs.permits == rhs.permits && lhs.basis == rhs.basis
            && lhs.notApplied.map { "\($0.consent) \($0.reason)" } == rhs.notApplied.map { "\($0.consent) \($0.reason)" }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(permits)
        hasher.combine(basis)
    }
}

/// Decides whether a patient's Consents let a request see data: the same rules the store's SQL
/// applies (`kiln_consent_permits`), as a pure function that also explains itself.
///
/// The rules, each tested by name:
/// 1. **Candidates**: only enforced Consents (active, naming a Patient, a scope that governs
///    access, a decision; see ``ConsentCompiler``) whose root period contains `now` and whose
///    scope and category suit the request's purpose.
/// 2. **Root criteria**: a root purpose, actor or action that the request does not match makes
///    the whole Consent not applicable; so do root resource criteria the resource does not match.
///    Purposes, actors and actions match any-of (one shared value suffices), as the IHE Privacy
///    Consent on FHIR examples mean, where R4's wording says "all".
/// 3. **Most recent wins**: of several applicable Consents the one with the latest `dateTime`
///    decides (none is older than any); two at the same latest time deny.
/// 4. **Nested provisions**: a nested provision applies when every criterion it states matches
///    (purpose, actor, action, period, securityLabel, class, code, dataPeriod, data), and then
///    decides by its own type; applicable siblings that disagree deny. None applying leaves the
///    root decision.
/// 5. **Default**: no applicable Consent leaves the purpose's default.
///
/// Resource criteria: securityLabel against `meta.security`; class against the type or a
/// `meta.profile`; code against the `code` search parameter; dataPeriod overlapping the `date`
/// search parameter; data `instance` (the resource), `related` (the resource and what it refers
/// to), `dependents` (the resource and what refers to it), `authoredby` (what the actor authored).
/// Without a resource (a patient-level question) a resource criterion does not match.
public enum ConsentEvaluator {
    /// The decision of `candidates` (one patient's Consents) on `request`, for `resource` when given.
    public static func decide(_ candidates: [ConsentCandidate], request: ConsentRequest, resource: ConsentResourceFacts?, now: Date,
                              permitsByDefault: Bool) -> ConsentDecision {
        var notApplied: [(consent: String, reason: String)] = []
        var applicable: [(reference: String, consent: CompiledConsent)] = []
        for candidate in candidates {
            switch candidate.compilation {
            case .inert(let reason):
                notApplied.append((candidate.reference, reason))
            case .enforced(let consent):
                if let reason = whyNotApplicable(consent, request: request, resource: resource, now: now) {
                    notApplied.append((candidate.reference, reason))
                } else {
                    applicable.append((candidate.reference, consent))
                }
            }
        }
        guard !applicable.isEmpty else {
            return ConsentDecision(permits: permitsByDefault, basis: .defaultForPurpose, notApplied: notApplied)
        }
        let ordered = applicable.sorted { newer($0.consent.recorded, than: $1.consent.recorded) }
        let winner = ordered[0]
        let tied = ordered.dropFirst().filter { $0.consent.recorded == winner.consent.recorded }
        if !tied.isEmpty {
            return ConsentDecision(permits: false, basis: .tie(consents: ([winner] + tied).map(\.reference)), notApplied: notApplied)
        }
        for other in ordered.dropFirst() {
            notApplied.append((other.reference, "\(winner.reference) was recorded later and decides"))
        }
        let matching = winner.consent.provisions.enumerated().filter { matches($0.element, request: request, resource: resource, now: now) }
        guard !matching.isEmpty else {
            return ConsentDecision(permits: winner.consent.basePermit, basis: .root(consent: winner.reference), notApplied: notApplied)
        }
        return ConsentDecision(permits: matching.allSatisfy(\.element.permit),
                               basis: .provisions(consent: winner.reference, positions: matching.map { $0.offset + 1 }), notApplied: notApplied)
    }

    /// Why `consent` does not apply to the request; nil when it does.
    static func whyNotApplicable(_ consent: CompiledConsent, request: ConsentRequest, resource: ConsentResourceFacts?, now: Date) -> String? {
        if let start = consent.periodStart, now < start { return "its period has not begun" }
        if let end = consent.periodEnd, now >= end { return "its period has ended" }
        if !consent.purposesFor.contains(request.purpose) {
            return "its scope and category govern \(consent.purposesFor.joined(separator: ", ")), not \(request.purpose)"
        }
        if !consent.rootPurposes.isEmpty, !consent.rootPurposes.contains(request.purpose) {
            return "its root provision is about the purposes \(consent.rootPurposes.joined(separator: ", ")), not \(request.purpose)"
        }
        if !consent.rootActors.isEmpty, request.actors.isDisjoint(with: consent.rootActors) {
            return "its root provision names other actors (\(consent.rootActors.joined(separator: ", ")))"
        }
        if !consent.rootActions.isEmpty, request.actions.isDisjoint(with: consent.rootActions) {
            return "its root provision is about the actions \(consent.rootActions.joined(separator: ", ")), not \(request.actions.sorted().joined(separator: ", "))"
        }
        if let criteria = consent.rootResources {
            guard let resource else { return "its root provision applies only to some resources; name one to decide" }
            if !matches(criteria, resource: resource) { return "its root provision applies to other resources than \(resource.reference)" }
        }
        return nil
    }

    /// Whether a nested provision applies.
    static func matches(_ provision: CompiledProvision, request: ConsentRequest, resource: ConsentResourceFacts?, now: Date) -> Bool {
        if !provision.purposes.isEmpty, !provision.purposes.contains(request.purpose) { return false }
        if !provision.actors.isEmpty, request.actors.isDisjoint(with: provision.actors) { return false }
        if !provision.actions.isEmpty, request.actions.isDisjoint(with: provision.actions) { return false }
        if let start = provision.periodStart, now < start { return false }
        if let end = provision.periodEnd, now >= end { return false }
        if provision.resources.isEmpty { return true }
        guard let resource else { return false }
        return matches(provision.resources, resource: resource)
    }

    /// Whether every criterion stated in `criteria` matches `resource`.
    public static func matches(_ criteria: ResourceCriteria, resource: ConsentResourceFacts) -> Bool {
        if !criteria.securityLabels.isEmpty, resource.securityLabels.isDisjoint(with: criteria.securityLabels) { return false }
        if !criteria.classes.isEmpty, !criteria.classes.contains(resource.type), resource.profiles.isDisjoint(with: criteria.classes) { return false }
        if !criteria.codes.isEmpty, resource.codes.isDisjoint(with: criteria.codes) { return false }
        if criteria.hasDataPeriod,
           !resource.clinicalPeriods.contains(where: { $0.overlaps(start: criteria.dataPeriodStart, end: criteria.dataPeriodEnd) }) {
            return false
        }
        if !criteria.hasNoData {
            let itself = resource.reference
            let named = criteria.dataInstances.contains(itself)
                || criteria.dataRelated.contains(itself) || !resource.referrers.isDisjoint(with: criteria.dataRelated)
                || criteria.dataDependents.contains(itself) || !resource.references.isDisjoint(with: criteria.dataDependents)
                || !resource.authors.isDisjoint(with: criteria.dataAuthoredBy)
            if !named { return false }
        }
        return true
    }

    /// Whether `lhs` was recorded after `rhs` (no date is older than any date).
    static func newer(_ lhs: Date?, than rhs: Date?) -> Bool {
        switch (lhs, rhs) {
        case (.some(let left), .some(let right)): left > right
        case (.some, .none): true
        default: false
        }
    }
}
