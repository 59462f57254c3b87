/// The restriction an access decision puts on every read the store performs.
///
/// Four parts, each optional:
/// - the **types** the caller may see at all (``resourceTypes``): what its scopes name, so an
///   include, chain or `_has` never reaches a type the token was not granted;
/// - a **compartment**: resources of types in the Patient compartment only when they are in the
///   compartment of one of ``patientIDs`` (a Patient is in its own); resources of types outside
///   the compartment (Practitioner, Organization, …) are not restricted by it;
/// - a **restriction** from granular scopes (``AccessRestriction``): resources of a restricted
///   type only when they match one of its queries;
/// - a **consent scope** (``ConsentScope``): resources of the Patient compartment only where
///   every patient whose compartment holds them consents to this purpose, actor and action.
///
/// The search compiler turns both into SQL applied to the match set and inside every chain,
/// `_has`, `_include` and `_revinclude` subquery, before any LIMIT, so rows a caller may not see
/// are never fetched; reads by id, history and writes are checked with the same SQL.
///
/// ```swift
/// let clinician = AccessFilter.patientCompartment(patientIDs: ["p1", "p2"])
/// let granular = AccessFilter(patientIDs: ["p1"], restriction: AccessRestriction(["Observation": [[AccessParameter(name: "category", value: "laboratory")]]]))
/// ```
public struct AccessFilter: Sendable, Hashable {
    /// The resource types the caller may see, sorted; nil for every type.
    public var resourceTypes: [String]?
    /// The patients whose compartments confine the caller; nil when not confined.
    public var patientIDs: [String]?
    /// The granular-scope queries per resource type; empty when none apply.
    public var restriction: AccessRestriction
    /// What the patients' Consents are asked; nil when they decide nothing (no consent
    /// enforcement, a patient's own access, or a consent override).
    public var consent: ConsentScope?

    /// A filter.
    public init(resourceTypes: Set<String>? = nil, patientIDs: [String]? = nil, restriction: AccessRestriction = .none, consent: ConsentScope? = nil) {
        self.resourceTypes = resourceTypes?.sorted()
        self.patientIDs = patientIDs
        self.restriction = restriction
        self.consent = consent
    }

    /// Every resource of the allowed types may be returned.
    public static let unrestricted = AccessFilter()

    /// Confined to the compartments of these patients.
    public static func patientCompartment(patientIDs: [String]) -> AccessFilter {
        AccessFilter(patientIDs: patientIDs)
    }

    /// Whether the filter lets everything through.
    public var isUnrestricted: Bool {
        resourceTypes == nil && patientIDs == nil && restriction.isEmpty && consent == nil
    }

    /// Whether the filter lets resources of `resourceType` through at all.
    public func allows(resourceType: String) -> Bool {
        resourceTypes?.contains(resourceType) ?? true
    }

    /// The same filter with `restriction` in place of its own.
    public func restricted(by restriction: AccessRestriction) -> AccessFilter {
        var filter = self
        filter.restriction = restriction
        return filter
    }

    /// The same filter with the patients' Consents asked `consent` (nil: not asked).
    public func consenting(_ consent: ConsentScope?) -> AccessFilter {
        var filter = self
        filter.consent = consent
        return filter
    }

    /// The same filter limited to `resourceTypes` (every type when nil).
    public func limited(to resourceTypes: Set<String>?) -> AccessFilter {
        var filter = self
        filter.resourceTypes = resourceTypes?.sorted()
        return filter
    }
}
