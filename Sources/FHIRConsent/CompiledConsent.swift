public import Foundation

/// One enforceable Consent reduced to what deciding a request needs: the patient, when it was
/// recorded, when it is in force, the purposes of use its scope and category suit, its root
/// decision and root criteria, and its nested provisions. The store writes it as rows with the
/// Consent's version, in its transaction (`consent_policy`, `consent_exception`), and the SQL
/// decides from those rows exactly as ``ConsentEvaluator`` decides from this value.
///
/// A Consent that is not active, or that decides nothing (see ``ConsentCompiler``), has none.
public struct CompiledConsent: Sendable, Hashable {
    /// The id of the patient whose Consent it is (`Consent.patient`, `Patient/ID`).
    public var patientID: String
    /// `Consent.dateTime`; nil is older than any date.
    public var recorded: Date?
    /// The first instant of the root provision's period; nil for an open start.
    public var periodStart: Date?
    /// The first instant after the root provision's period; nil for an open end.
    public var periodEnd: Date?
    /// The purposes of use whose requests the Consent's scope and category suit, sorted.
    public var purposesFor: [String]
    /// The root decision: permit (true) or deny (false).
    public var basePermit: Bool
    /// The root provision's purposes (empty: any).
    public var rootPurposes: [String]
    /// The root provision's actors (see ``ConsentActor``; empty: any).
    public var rootActors: [String]
    /// The root provision's actions (empty: any).
    public var rootActions: [String]
    /// The root provision's resource-level criteria, when it states any: the Consent then applies
    /// only to the resources they match.
    public var rootResources: ResourceCriteria?
    /// The nested provisions, in order.
    public var provisions: [CompiledProvision]

    /// A compiled Consent.
    public init(patientID: String, recorded: Date?, periodStart: Date? = nil, periodEnd: Date? = nil, purposesFor: [String], basePermit: Bool,
                rootPurposes: [String] = [], rootActors: [String] = [], rootActions: [String] = [], rootResources: ResourceCriteria? = nil,
                provisions: [CompiledProvision] = []) {
        self.patientID = patientID
        self.recorded = recorded
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.purposesFor = purposesFor
        self.basePermit = basePermit
        self.rootPurposes = rootPurposes
        self.rootActors = rootActors
        self.rootActions = rootActions
        self.rootResources = rootResources
        self.provisions = provisions
    }
}

/// One nested provision of a ``CompiledConsent``: its decision and the criteria it states, each
/// empty when not stated. It applies to a request and a resource when every stated criterion
/// matches, any one of its values sufficing.
public struct CompiledProvision: Sendable, Hashable {
    /// Permit (true) or deny (false) when the provision applies.
    public var permit: Bool
    /// Purposes of use (v3-ActReason codes).
    public var purposes: [String]
    /// Actors (see ``ConsentActor``).
    public var actors: [String]
    /// Consent actions (`access`, `correct`, `disclose`, …).
    public var actions: [String]
    /// The first instant the provision is in force; nil for an open start.
    public var periodStart: Date?
    /// The first instant after it; nil for an open end.
    public var periodEnd: Date?
    /// The criteria on the resource.
    public var resources: ResourceCriteria

    /// A provision.
    public init(permit: Bool, purposes: [String] = [], actors: [String] = [], actions: [String] = [], periodStart: Date? = nil, periodEnd: Date? = nil,
                resources: ResourceCriteria = ResourceCriteria()) {
        self.permit = permit
        self.purposes = purposes
        self.actors = actors
        self.actions = actions
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.resources = resources
    }
}

/// The criteria a provision states about the resource a request would see, each empty (or nil)
/// when not stated.
public struct ResourceCriteria: Sendable, Hashable {
    /// Security labels, `system|code`, matched against `meta.security`.
    public var securityLabels: [String]
    /// Resource types (`Observation`) or profile URLs, matched against the type and
    /// `meta.profile`.
    public var classes: [String]
    /// Codes, `system|code`, matched against the resource's `code` search parameter.
    public var codes: [String]
    /// The clinical period the resource's `date` search parameter must overlap: its first
    /// instant (nil: open), when ``hasDataPeriod``.
    public var dataPeriodStart: Date?
    /// The first instant after that period (nil: open).
    public var dataPeriodEnd: Date?
    /// Whether a data period is stated.
    public var hasDataPeriod: Bool
    /// Data meant as `instance`: the resource itself, `Type/id`.
    public var dataInstances: [String]
    /// Data meant as `related`: the resource and the resources it refers to.
    public var dataRelated: [String]
    /// Data meant as `dependents`: the resource and the resources that refer to it.
    public var dataDependents: [String]
    /// Data meant as `authoredby`: the resources these actors authored.
    public var dataAuthoredBy: [String]

    /// Criteria.
    public init(securityLabels: [String] = [], classes: [String] = [], codes: [String] = [], hasDataPeriod: Bool = false,
                dataPeriodStart: Date? = nil, dataPeriodEnd: Date? = nil, dataInstances: [String] = [], dataRelated: [String] = [],
                dataDependents: [String] = [], dataAuthoredBy: [String] = []) {
        self.securityLabels = securityLabels
        self.classes = classes
        self.codes = codes
        self.hasDataPeriod = hasDataPeriod
        self.dataPeriodStart = dataPeriodStart
        self.dataPeriodEnd = dataPeriodEnd
        self.dataInstances = dataInstances
        self.dataRelated = dataRelated
        self.dataDependents = dataDependents
        self.dataAuthoredBy = dataAuthoredBy
    }

    /// Whether no criterion is stated.
    public var isEmpty: Bool {
        securityLabels.isEmpty && classes.isEmpty && codes.isEmpty && !hasDataPeriod && hasNoData
    }

    /// Whether no data reference is stated.
    public var hasNoData: Bool {
        dataInstances.isEmpty && dataRelated.isEmpty && dataDependents.isEmpty && dataAuthoredBy.isEmpty
    }
}
