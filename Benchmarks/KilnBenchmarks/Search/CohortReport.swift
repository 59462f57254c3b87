import FHIRModel

/// The search benchmark's DiagnosticReports: a final laboratory report about a patient whose
/// `result`s are some of the patient's Observations.
enum CohortReport {
    private static let panels: [(code: String, display: String)] = [
        ("24323-8", "Comprehensive metabolic 2000 panel - Serum or Plasma"),
        ("58410-2", "CBC panel - Blood by Automated count"),
        ("57698-3", "Lipid panel with direct LDL - Serum or Plasma"),
    ]

    /// Report number `index` (its position among the patient's reports is `index` modulo the
    /// number of panels) about `subject`, with `results` (references) taken on day `day`.
    static func make(index: Int, subject: String, results: [String], day: Int) -> JSONValue {
        let panel = panels[index % panels.count]
        let resultReferences: [JSONValue] = results.map { ["reference": .string($0)] }
        return [
            "resourceType": "DiagnosticReport",
            "identifier": [[
                "system": "http://lab.example.org/fhir/sid/report",
                "value": .string("RPT-\(String(1_000_000_000 + index))"),
            ]],
            "status": "final",
            "category": [[
                "coding": [[
                    "system": "http://terminology.hl7.org/CodeSystem/v2-0074",
                    "code": "LAB",
                    "display": "Laboratory",
                ]],
            ]],
            "code": [
                "coding": [["system": "http://loinc.org", "code": .string(panel.code), "display": .string(panel.display)]],
                "text": .string(panel.display),
            ],
            "subject": ["reference": .string(subject)],
            "effectiveDateTime": .string(CohortDate.dateTime(day: day, hour: 7, minute: 30)),
            "issued": .string("\(CohortDate.date(day: day))T12:00:00.000Z"),
            "performer": [["display": "Example Hospital Laboratory"]],
            "result": .array(resultReferences),
            "conclusion": .string("\(results.count) results reported."),
        ]
    }
}
