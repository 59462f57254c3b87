extension AuditEventFacts {
    /// The server that answered and recorded the event.
    public struct Server: Sendable, Hashable {
        /// Its name.
        public var name: String
        /// Its FHIR base URL.
        public var baseURL: String

        /// A server; the name defaults to "Kiln".
        public init(name: String = "Kiln", baseURL: String) {
            self.name = name
            self.baseURL = baseURL
        }
    }
}
