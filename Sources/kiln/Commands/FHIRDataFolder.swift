import ArgumentParser
import Foundation

/// Where the compilers and benchmarks find the public FHIR sources they read (the R4 and US Core
/// packages, the terminology sources, the sample data): the path their flag names or, without
/// the flag, the matching place in the folder `KILN_FHIR_DATA` names. Kiln never looks beside
/// the checkout on its own.
enum FHIRDataFolder {
    /// The environment variable naming a fhir-data folder.
    static let variable = "KILN_FHIR_DATA"

    /// The help text a source flag's default gives.
    static func defaultHelp(_ relativePath: String) -> String {
        relativePath.isEmpty ? "default: $\(variable)" : "default: $\(variable)/\(relativePath)"
    }

    /// `explicit` when given; else `$KILN_FHIR_DATA/relativePath`; else a usage error naming
    /// `flag` and the variable.
    static func resolve(_ explicit: String?, _ relativePath: String, flag: String) throws -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        guard let root = ProcessInfo.processInfo.environment[variable], !root.isEmpty else {
            throw ValidationError("Name the source with \(flag) PATH, or set \(variable) to a fhir-data folder (one holding \(relativePath.isEmpty ? "r4-core/, us-core/ and terminology/" : relativePath)).")
        }
        return relativePath.isEmpty ? root : URL(fileURLWithPath: root).appendingPathComponent(relativePath).path
    }
}
