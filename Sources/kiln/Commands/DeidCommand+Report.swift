import ArgumentParser
import FHIRAccess
import FHIRDeidentify
import FHIRStore
import Foundation
import Logging

extension DeidCommand {
    /// `kiln deid report`: the equivalence classes of the research population's quasi-identifiers.
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The equivalence classes of the research population's quasi-identifiers, the patients in classes smaller than k, and a histogram.",
            discussion: """
                The population is every Patient not deleted whose Consents do not deny research
                (HRESCH) in the research view; patients who hold no applicable Consent are in it
                (opt-out) unless --consent-default HRESCH=deny (opt-in). The quasi-identifiers are
                those the project's profile shows: birth year (90+ past 89), gender, ZIP3 and year
                of death under safe-harbor and expert-determination; the whole dates and 5-digit
                ZIP under limited-data-set.
                  kiln deid report --project cardio-2025 --k 20 --json
                """
        )

        /// The most classes the table lists; `--json` lists them all.
        static let maximumTableRows = 50
        /// The width of the longest histogram bar.
        static let barWidth = 40

        @OptionGroup var database: DatabaseOptions

        @Option(help: "The research project whose profile makes the quasi-identifiers.")
        var project: String = DefaultResearchProject.name

        @Option(name: .customLong("k"), help: "The smallest class size not flagged; default: the project's minimum cell size.")
        var k: Int?

        @Flag(help: "Print JSON instead of tables.")
        var json = false

        @Option(name: .customLong("consent-default"), help: "HRESCH=permit (the research view's default: opt-out) or HRESCH=deny (opt-in), as kiln serve takes it; other purposes do not change the research population.")
        var consentDefaults: [String] = []

        @Option(help: "The folder of the de-identification rules files; found automatically when omitted.")
        var rulesDirectory: String?

        func validate() throws {
            if let k, k < 1 { throw ValidationError("--k must be at least 1") }
            _ = try researchConsentPermits()
        }

        /// Whether a patient none of whose Consents applies is in the population.
        func researchConsentPermits() throws -> Bool {
            var defaults = ConsentDefaults.standard
            for setting in consentDefaults {
                do {
                    try defaults.apply(setting)
                } catch {
                    throw ValidationError(error.message)
                }
            }
            return defaults.permits(purpose: ResourceStore.researchPurpose, in: .research)
        }

        func run() async throws {
            let permits = try researchConsentPermits()
            let name = project, folder = rulesDirectory, requestedK = k
            let logger = Logger(label: "kiln.deid")
            let (report, record) = try await database.withDatabase(logger: logger) { client, _ in
                try await Migrator().migrate(client: client, logger: logger)
                guard let record = try await ResearchProjectStore(client: client, logger: logger).project(named: name) else {
                    throw CommandFailure(ResearchProjectError.projectNotFound(name).description)
                }
                let rules: DeidentificationRules
                do {
                    rules = try DeidentificationRulesLoader(explicitDirectory: folder).load(named: record.profile.rawValue)
                } catch {
                    throw CommandFailure(String(describing: error))
                }
                var tally = EquivalenceClassTally(identifiers: QuasiIdentifiers(rules: rules, referenceDate: Date()))
                try await ResourceStore(client: client, logger: logger).forEachResearchPatient(consentDefaultPermits: permits) { patient in
                    if let resource = try patient.json() { tally.add(resource) }
                }
                return (tally.report(k: requestedK ?? record.minimumCellSize), record)
            }
            if json {
                print(try AuthCommandSupport.json(DeidReportView(project: record.name, consentDefaultPermits: permits, report: report)))
            } else {
                print(Self.rendered(report, project: record.name, consentDefaultPermits: permits))
            }
        }

        /// The report for a terminal: a summary, the classes (smallest first) and the histogram.
        static func rendered(_ report: QuasiIdentifierReport, project: String, consentDefaultPermits: Bool) -> String {
            var lines = [
                "Project \(project), profile \(report.profile); research population: \(report.patients) patient\(report.patients == 1 ? "" : "s") "
                    + "(patients without an applicable Consent \(consentDefaultPermits ? "included: opt-out" : "excluded: opt-in"))",
                "Quasi-identifiers: \(report.dimensions.joined(separator: ", "))",
                "k = \(report.k): \(report.patientsBelowK) patient\(report.patientsBelowK == 1 ? "" : "s") in \(report.classesBelowK) of \(report.classes.count) classes smaller than k",
                "",
            ]
            let rows = report.classes.prefix(maximumTableRows).map { equivalenceClass in
                [equivalenceClass.key.birth, equivalenceClass.key.gender, equivalenceClass.key.zip, equivalenceClass.key.deceased,
                 String(equivalenceClass.size), equivalenceClass.size < report.k ? "< k" : ""]
            }
            lines.append(TextTable(header: ["BIRTH", "GENDER", "ZIP", "DECEASED", "PATIENTS", ""], rows: rows).rendered)
            if report.classes.count > maximumTableRows {
                lines.append("… \(report.classes.count - maximumTableRows) larger classes not listed (--json lists every class)")
            }
            lines.append("")
            let widest = report.histogram.map(\.classes).max() ?? 1
            let bars = report.histogram.map { bar in
                [String(bar.size), String(bar.classes), String(bar.patients),
                 String(repeating: "#", count: max(1, bar.classes * barWidth / max(1, widest)))]
            }
            lines.append(TextTable(header: ["CLASS SIZE", "CLASSES", "PATIENTS", ""], rows: bars).rendered)
            return lines.joined(separator: "\n")
        }
    }
}

/// `kiln deid report --json`: the report with the project and the consent default it was made with.
struct DeidReportView: Encodable {
    /// The project.
    var project: String
    /// Whether patients without an applicable Consent are in the population.
    var consentDefaultPermits: Bool
    /// The report.
    var report: QuasiIdentifierReport

    enum CodingKeys: String, CodingKey {
        case project, consentDefaultPermits = "consent_default_permits", report
    }
}
