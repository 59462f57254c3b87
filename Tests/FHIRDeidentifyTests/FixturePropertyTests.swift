import FHIRDefinitions
import FHIRDeidentify
import FHIRModel
import Foundation
import KilnFixtures
import Testing

/// The allowlist as a property, over every resource of a served type among the R4
/// specification's examples and the synthetic US Core sample: after Safe Harbor, no string of
/// the input survives unless it sits where only codes, code systems, units, states and
/// countries and allowed extension URLs do.
@Suite("Safe Harbor over the fixture resources")
struct FixturePropertyTests {
    typealias F = DeidentifyFixtures

    /// The elements whose strings may pass as they are, besides every element of type `code`.
    static let allowedElements: Set<String> = [
        "Coding.system", "Coding.version", "Quantity.system", "Quantity.unit", "Extension.url", "Address.state", "Address.country",
        "Reference.type", "SampledData.data",
    ]

    /// Every resource of a served type in the fixtures, with the file it came from.
    static func fixtureResources(served: Set<String>) throws -> [(source: String, resource: JSONValue)] {
        var resources: [(String, JSONValue)] = []
        let examples = Fixtures.url("examples/r4-spec")
        for name in try FileManager.default.contentsOfDirectory(atPath: examples.path).sorted() where name.hasSuffix(".json") {
            let data = try Data(contentsOf: examples.appendingPathComponent(name))
            let resource = try JSONParser().parse([UInt8](data))
            if let type = resource["resourceType"]?.stringValue, served.contains(type) { resources.append((name, resource)) }
        }
        for file in ["carebundle/Patient.ndjson", "carebundle/Observation.ndjson"] {
            let text = try String(contentsOf: Fixtures.url(file), encoding: .utf8)
            for (index, line) in text.split(separator: "\n").enumerated() {
                resources.append(("\(file):\(index + 1)", try JSONParser().parse(String(line))))
            }
        }
        return resources
    }

    @Test("No input string survives outside the allowlisted elements")
    func noIdentifyingStringSurvives() throws {
        let model = try DefinitionsCatalog.loadDefault().typeModel
        let engine = try F.engine()
        let resources = try Self.fixtureResources(served: Set(engine.rules.resourceTypes))
        #expect(resources.count > 150, "too few fixture resources to mean anything: \(resources.count)")
        var checked = 0
        var leaks: [String] = []
        for (source, resource) in resources {
            let result = Result { () throws(DeidentificationRefusal) in
                try engine.deidentify(resource, context: DeidentificationContext(referenceDate: F.now))
            }
            guard case .success(let output) = result else {
                if case .failure(.unknownModifierExtension) = result { continue }
                Issue.record("\(source) was refused: \(result)")
                continue
            }
            checked += 1
            let type = output.resourceType
            let inputs = Set(F.strings(in: resource).map(\.value))
            for (path, value) in F.strings(in: output.json) where path != "resourceType" && inputs.contains(value) {
                guard let resolved = model.resolve(path: type + "." + path), Self.mayPass(value, at: resolved) else {
                    leaks.append("\(source): \(type).\(path) = \(value)")
                    continue
                }
            }
        }
        #expect(checked > 150)
        #expect(leaks.isEmpty, "\(leaks.count) strings survived:\n\(leaks.prefix(40).joined(separator: "\n"))")
    }

    @Test("Every element of the output is an R4 element, and every output is labelled")
    func outputIsWellFormed() throws {
        let model = try DefinitionsCatalog.loadDefault().typeModel
        let engine = try F.engine()
        var unknown: [String] = []
        for (source, resource) in try Self.fixtureResources(served: Set(engine.rules.resourceTypes)) {
            guard let output = try? engine.deidentify(resource, context: DeidentificationContext(referenceDate: F.now)) else { continue }
            #expect(output.json["meta"]?["security"] != nil, "\(source) has no labels")
            for (path, _) in F.strings(in: output.json) where path != "resourceType" && model.resolve(path: output.resourceType + "." + path) == nil {
                unknown.append("\(source): \(path)")
            }
        }
        #expect(unknown.isEmpty, "\(unknown.prefix(20).joined(separator: "\n"))")
    }

    /// Whether an input string may stand at this element of the output: a code or a time of day,
    /// an allowed element, or a date that was a year (or the start of one) already.
    static func mayPass(_ value: String, at resolved: ResolvedElement) -> Bool {
        let type = resolved.types.count == 1 ? resolved.types[0].typeName : ""
        if type == "code" || type == "time" || allowedElements.contains(basePath(resolved.element.path)) { return true }
        let isYear = value.count == 4 || (value.count == 20 && value.hasSuffix("-01-01T00:00:00Z"))
        return ["date", "dateTime", "instant"].contains(type) && isYear
    }

    /// `Age.unit` and the other Quantity specializations read as `Quantity.unit`.
    static func basePath(_ path: String) -> String {
        for type in ["Age.", "Duration.", "Count.", "Distance.", "MoneyQuantity.", "SimpleQuantity."] where path.hasPrefix(type) {
            return "Quantity." + path.dropFirst(type.count)
        }
        return path
    }
}
