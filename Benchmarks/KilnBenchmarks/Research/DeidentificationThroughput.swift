import FHIRDefinitions
import FHIRDeidentify
import FHIRTerminology
import Foundation

/// The in-process half of the research benchmark: a typical Patient and a typical Observation
/// de-identified under Safe Harbor and under expert determination, each on one task for a
/// number of seconds, with the engine, pseudonymizer and displays the server would use.
struct DeidentificationThroughput: Sendable {
    /// The profiles measured, in order.
    static let profiles = ["safe-harbor", "expert-determination"]

    /// Seconds each loop runs.
    let seconds: Double
    /// Where progress goes.
    let output: BenchmarkOutput

    /// Every profile × resource loop, in order.
    func measure() throws -> [DeidentificationFigures] {
        let loader = DeidentificationRulesLoader()
        let model = try DefinitionsCatalog.loadDefault().typeModel
        let displays = BenchmarkDisplays(terminology: try TerminologyService.loadDefault())
        let sample = DeidentificationSample()
        guard let secret = PseudonymSecret(bytes: (0..<PseudonymSecret.minimumByteCount).map { _ in UInt8.random(in: .min ... .max) }) else {
            throw BenchmarkError.nothingToDo("Could not make a pseudonym secret")
        }
        let pseudonymizer = sample.pseudonymizer(secret: secret)
        var figures: [DeidentificationFigures] = []
        for name in Self.profiles {
            let rules = try loader.load(named: name)
            let engine = DeidentificationEngine(rules: rules, types: model, pseudonymizer: pseudonymizer, displays: displays)
            var context = DeidentificationContext(referenceDate: Date())
            if let days = rules.dateShiftDays {
                context.dateShiftDays = pseudonymizer.dateShiftDays(patientInternalKey: DeidentificationSample.patientRowID, maximumDays: days)
            }
            for (type, resource) in sample.resources {
                let loop = DeidentificationLoop(engine: engine, context: context, resource: resource, resourceType: type)
                let measured = try loop.run(seconds: seconds)
                let perSecond = ReportTable.grouped(Int(measured.resourcesPerSecond.rounded()))
                let each = String(format: "%.1f", measured.microsecondsPerResource)
                output.line("  \(name) \(type): \(perSecond) resources/s on one task, \(each) µs each (\(measured.inputBytes) → \(measured.outputBytes) bytes)")
                figures.append(measured)
            }
        }
        return figures
    }
}
