import FHIRDeidentify
import FHIRTerminology

/// Coding displays from the shipped terminology, as the server gives them to its engines.
struct BenchmarkDisplays: TerminologyDisplays {
    /// The terminology service.
    let terminology: TerminologyService

    /// The code system's display of `code`, if the terminology knows it.
    func display(system: String, code: String) -> String? {
        terminology.display(system: system, code: code)
    }
}
