extension AuditEventFacts {
    /// The view of the data a request used.
    public enum View: Sendable, Hashable {
        /// The identifiable clinical view.
        case clinical
        /// The de-identified research view of one project; its releases are disclosures.
        case research(project: String)
        /// The authorization server's endpoints.
        case authorization
        /// Kiln's administration endpoints.
        case administration
        /// The server itself (start, stop, internal jobs).
        case system

        /// The view's name as records carry it.
        var code: String {
            switch self {
            case .clinical: "clinical"
            case .research: "research"
            case .authorization: "authorization"
            case .administration: "administration"
            case .system: "system"
            }
        }
    }
}
