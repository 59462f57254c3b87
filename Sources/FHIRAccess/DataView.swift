/// Which of Kiln's two views of the data a request addresses.
public enum DataView: String, Sendable, Hashable {
    /// `/fhir`: identifiable data, as stored.
    case clinical
    /// `/research/fhir`: the same data, de-identified on the way out.
    case research
}
