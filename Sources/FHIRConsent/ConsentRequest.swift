public import Foundation

/// What a request asks of a patient's Consents: its purpose of use, the actors that identify
/// the caller (see ``ConsentActor``) and the consent actions of the interaction.
public struct ConsentRequest: Sendable, Hashable {
    /// A v3-ActReason code: `TREAT`, `HRESCH`, …
    public var purpose: String
    /// The caller's actors: its fhirUser, the Organization it acts for, its client registration.
    public var actors: Set<String>
    /// `access`, `correct`, `disclose`, …
    public var actions: Set<String>

    /// A request.
    public init(purpose: String, actors: Set<String>, actions: Set<String>) {
        self.purpose = purpose
        self.actors = actors
        self.actions = actions
    }
}

/// What the resource-level criteria of a provision are matched against: facts about one
/// resource, as its search index holds them.
public struct ConsentResourceFacts: Sendable, Hashable {
    /// The resource's type.
    public var type: String
    /// Its id.
    public var id: String
    /// Its `meta.security` labels, `system|code`.
    public var securityLabels: Set<String>
    /// Its `meta.profile` URLs.
    public var profiles: Set<String>
    /// Its codes (the `code` search parameter), `system|code`.
    public var codes: Set<String>
    /// Its clinical periods (the `date` search parameter): first instant and first instant
    /// after, nil for open.
    public var clinicalPeriods: [ClinicalPeriod]
    /// The resources it refers to, `Type/id`.
    public var references: Set<String>
    /// Its authors (references of its author-like parameters: performer, author, recorder, …).
    public var authors: Set<String>
    /// The resources that refer to it (needed only for data meant as `related`: a resource a
    /// named resource refers to).
    public var referrers: Set<String>

    /// Facts.
    public init(type: String, id: String, securityLabels: Set<String> = [], profiles: Set<String> = [], codes: Set<String> = [],
                clinicalPeriods: [ClinicalPeriod] = [], references: Set<String> = [], authors: Set<String> = [], referrers: Set<String> = []) {
        self.type = type
        self.id = id
        self.securityLabels = securityLabels
        self.profiles = profiles
        self.codes = codes
        self.clinicalPeriods = clinicalPeriods
        self.references = references
        self.authors = authors
        self.referrers = referrers
    }

    /// `Type/id`.
    public var reference: String { "\(type)/\(id)" }
}

/// A half-open period of instants; a nil bound is open.
public struct ClinicalPeriod: Sendable, Hashable {
    /// The first instant.
    public var start: Date?
    /// The first instant after.
    public var end: Date?

    /// A period.
    public init(start: Date?, end: Date?) {
        self.start = start
        self.end = end
    }

    /// Whether the two overlap.
    public func overlaps(start otherStart: Date?, end otherEnd: Date?) -> Bool {
        let startsBeforeOtherEnds = otherEnd.map { end in start.map { $0 < end } ?? true } ?? true
        let endsAfterOtherStarts = otherStart.map { other in end.map { $0 > other } ?? true } ?? true
        return startsBeforeOtherEnds && endsAfterOtherStarts
    }
}
