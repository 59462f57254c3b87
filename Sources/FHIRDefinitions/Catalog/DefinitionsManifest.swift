/// What a compiled definitions directory holds (`manifest.json`): versions, file names and counts.
public struct DefinitionsManifest: Sendable, Hashable {
    /// The compiled format this code reads and writes; a directory with another one is rejected.
    public static let currentFormatVersion = 1
    /// The manifest's file name, which also marks a directory as compiled definitions.
    public static let fileName = "manifest.json"
    /// The file of the type model.
    public static let typesFileName = "types.json"
    /// The file of the search parameters.
    public static let searchParametersFileName = "search-parameters.json"

    /// The version of the compiled format.
    public let formatVersion: Int
    /// The FHIR version of the definitions, `4.0.1` for R4.
    public let fhirVersion: String
    /// The package the definitions were compiled from, such as `hl7.fhir.r4.core#4.0.1`.
    public let package: String
    /// The compartment files, such as `compartment-patient.json`.
    public let compartmentFileNames: [String]
    /// How many of each kind of definition the files hold, by name (`types`, `searchParameters`, …).
    public let counts: [String: Int]

    /// A manifest with the given parts.
    public init(formatVersion: Int = DefinitionsManifest.currentFormatVersion, fhirVersion: String, package: String, compartmentFileNames: [String], counts: [String: Int]) {
        self.formatVersion = formatVersion
        self.fhirVersion = fhirVersion
        self.package = package
        self.compartmentFileNames = compartmentFileNames
        self.counts = counts
    }

    /// The file name of a compartment's definition: `Patient` gives `compartment-patient.json`.
    public static func compartmentFileName(for code: String) -> String {
        "compartment-\(code.lowercased()).json"
    }
}
