/// Why the FHIRPath benchmark could not run.
enum FHIRPathBenchmarkError: Error, CustomStringConvertible {
    /// The fhir-data folder (or its example folder) is missing.
    case examplesMissing(String)
    /// The definitions, examples or expressions gave nothing to evaluate.
    case emptyWorkload(String)

    /// A message for the console.
    var description: String {
        switch self {
        case .examplesMissing(let message), .emptyWorkload(let message):
            message
        }
    }
}
