/// The de-identification profile a research project's view applies, by the name of its rules
/// file in `fhir-profiles/deidentification`.
public enum ResearchProfile: String, Sendable, Hashable, CaseIterable, Codable {
    /// HIPAA Safe Harbor (45 CFR §164.514(b)(2)): the default.
    case safeHarbor = "safe-harbor"
    /// Expert determination (§164.514(b)(1)): Safe Harbor with dates shifted per patient.
    case expertDetermination = "expert-determination"
    /// The limited data set (§164.514(e)): dates and 5-digit ZIP codes kept, under a data use agreement.
    case limitedDataSet = "limited-data-set"
}
