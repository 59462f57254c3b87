import FHIRModel

/// One example resource of the workload: its JSON, its type, and where it was read from, so that
/// the fhirpathpy side can read the very same bytes.
struct ExampleResource: Sendable {
    /// The file it was read from.
    let file: String
    /// Its 1-based line in an NDJSON file; nil for a file holding one resource.
    let line: Int?
    /// `resourceType`.
    let resourceType: String
    /// The resource.
    let json: JSONValue

    /// A short name for reports: the file name, with `:line` for an NDJSON line.
    var label: String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return line.map { "\(name):\($0)" } ?? name
    }
}
