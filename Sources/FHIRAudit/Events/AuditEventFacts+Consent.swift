extension AuditEventFacts {
    /// What patients' Consents decided about a request.
    public enum Consent: String, Sendable, Hashable, CaseIterable {
        /// Consent was not asked (no patient data, or a view it does not govern).
        case notApplicable = "not-applicable"
        /// Consent permitted the request.
        case permitted
        /// A consent filter removed what Consents deny from a search's results.
        case filtered
        /// Consent refused the request.
        case denied
        /// A denial was overridden by break-glass (ETREAT).
        case overridden
    }
}
