import FHIRModel
import Foundation

/// One set of resources to validate and the profile to validate them against (nil: the base
/// definitions only), such as "Synthea Observations against US Core".
struct ValidationWorkload: Sendable {
    /// What the workload is, for the report.
    let name: String
    /// The resources with the profile each is validated against.
    let items: [(resource: JSONValue, profile: String?)]
}

/// Reads the Synthea and carebundle samples and builds the base and US Core workloads.
struct ValidationWorkloadBuilder {
    /// The fhir-data folder.
    let dataDirectory: String
    /// The most resources read per file.
    let limit: Int

    static let usCorePatient = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient"
    static let usCoreLab = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-lab"
    static let usCoreVitalSigns = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-vital-signs"

    /// The workloads: for each source and type, base and US Core.
    func build() throws -> [ValidationWorkload] {
        var workloads: [ValidationWorkload] = []
        let sources = [("Synthea", "synthea/ndjson"), ("carebundle", "synthetic-carebundle/mixed-50-seed7")]
        for (source, folder) in sources {
            for type in ["Patient", "Observation"] {
                let resources = try read("\(dataDirectory)/\(folder)/\(type).ndjson")
                guard !resources.isEmpty else { continue }
                workloads.append(ValidationWorkload(name: "\(source) \(type) · base R4", items: resources.map { ($0, nil) }))
                let profiled = resources.compactMap { resource -> (JSONValue, String?)? in
                    guard let profile = Self.usCoreProfile(for: resource) else { return nil }
                    return (resource, profile)
                }
                if !profiled.isEmpty {
                    workloads.append(ValidationWorkload(name: "\(source) \(type) · US Core", items: profiled))
                }
            }
        }
        return workloads
    }

    /// The US Core profile a resource is validated against: us-core-patient for Patients,
    /// lab or vital signs by an Observation's category; nil for other Observations.
    static func usCoreProfile(for resource: JSONValue) -> String? {
        switch resource["resourceType"]?.stringValue {
        case "Patient":
            return usCorePatient
        case "Observation":
            let categories = (resource["category"]?.arrayValue ?? []).flatMap { $0["coding"]?.arrayValue ?? [] }.compactMap { $0["code"]?.stringValue }
            if categories.contains("laboratory") { return usCoreLab }
            if categories.contains("vital-signs") { return usCoreVitalSigns }
            return nil
        default:
            return nil
        }
    }

    private func read(_ path: String) throws -> [JSONValue] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BenchmarkError.nothingToDo("No sample data at \(path): pass --data with the fhir-data folder")
        }
        var resources: [JSONValue] = []
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            resources.append(try JSONParser().parse(Array(line)))
            if resources.count == limit { break }
        }
        return resources
    }
}
