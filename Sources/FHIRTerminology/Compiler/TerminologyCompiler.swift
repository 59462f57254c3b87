import FHIRModel
public import Foundation

/// Builds the shipped `terminology/` folder from the FHIR packages and terminology sources:
///
/// - `codesystems.ndjson`, `valuesets.ndjson`, `conceptmaps.ndjson`: every R4 core and US Core
///   6.1.0 CodeSystem, ValueSet and ConceptMap, one per line, trimmed to what terminology uses;
/// - `icd-10-cm.tsv`: ICD-10-CM as code, parent, kind, billable and display;
/// - `loinc.json`: the LOINC codes used in the sample data and the lab unit table;
/// - `lab-units.json`: lab analytes with UCUM units, conversion factors and molar masses;
/// - `manifest.json`: where each resource sits (file, byte offset and length), so loading is lazy.
public enum TerminologyCompiler {
    /// The packages read, relative to the source folder, and the label each gets in the manifest.
    static let packages: [(path: String, label: String)] = [
        ("r4-core/package", "hl7.fhir.r4.core 4.0.1"),
        ("us-core/6.1.0/package", "hl7.fhir.us.core 6.1.0"),
    ]
    /// Members that only document a resource; they are dropped at every depth.
    static let documentationMembers: Set<String> = [
        "text", "meta", "extension", "modifierExtension", "contact", "description", "purpose", "copyright",
        "jurisdiction", "useContext", "identifier", "publisher", "date", "comment", "comments", "mapping",
        "documentation", "experimental", "immutable", "lockedDate", "implicitRules",
    ]

    /// Compiles `source` (a fhir-data folder) into `output`; returns a summary line.
    public static func compile(source: URL, output: URL) throws(TerminologyError) -> String {
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw TerminologyError(.unavailable, "Could not create \(output.path): \(error.localizedDescription)")
        }
        var resources: [String: [(url: String, json: JSONValue)]] = [:]
        var positions: [String: [String: Int]] = [:]
        for package in packages {
            let directory = source.appendingPathComponent(package.path)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            guard !names.isEmpty else { throw TerminologyError(.unavailable, "No package found at \(directory.path)") }
            for name in names.sorted() where name.hasSuffix(".json") {
                guard let type = ["CodeSystem", "ValueSet", "ConceptMap"].first(where: { name.hasPrefix("\($0)-") }) else { continue }
                let json = try ShippedFiles.readJSON(directory.appendingPathComponent(name))
                guard json["resourceType"]?.stringValue == type, let url = json["url"]?.stringValue else { continue }
                let trimmed = trim(json)
                if let existing = positions[type]?[url] {
                    resources[type]?[existing] = (url, trimmed)
                } else {
                    positions[type, default: [:]][url] = resources[type, default: []].count
                    resources[type, default: []].append((url, trimmed))
                }
            }
        }
        var entries: [JSONValue] = []
        for (type, file) in [("CodeSystem", "codesystems.ndjson"), ("ValueSet", "valuesets.ndjson"), ("ConceptMap", "conceptmaps.ndjson")] {
            var bytes: [UInt8] = []
            for resource in resources[type] ?? [] {
                let offset = bytes.count
                JSONSerializer().write(resource.json, into: &bytes)
                var entry = JSONObject()
                entry["resourceType"] = .string(type)
                entry["url"] = .string(resource.url)
                if let version = resource.json["version"]?.stringValue { entry["version"] = .string(version) }
                entry["file"] = .string(file)
                entry["offset"] = .number(JSONNumber(offset))
                entry["length"] = .number(JSONNumber(bytes.count - offset))
                entries.append(.object(entry))
                bytes.append(UInt8(ascii: "\n"))
            }
            try write(bytes, to: output.appendingPathComponent(file))
        }
        let icdCount = try compileICD10CM(source: source, output: output)
        let analytes = compileLabUnits(try ShippedFiles.readJSON(source.appendingPathComponent("terminology/loinc/labunits-analytes.json")))
        try write(JSONSerializer(pretty: true).serialize(["analytes": .array(analytes.map(\.json))]), to: output.appendingPathComponent(LabUnitConverter.fileName))
        let loincCount = try compileLOINC(source: source, output: output, analytes: analytes)

        var manifest = JSONObject()
        manifest["format"] = 1
        manifest["sources"] = .array(packages.map { .string($0.label) } + [
            "ICD-10-CM April 2026 (CDC/NCHS)", "LOINC codes of the Synthea and carebundle samples", "labunits 0.2.1 analytes",
        ])
        manifest["builtins"] = [
            "icd-10-cm": ["file": .string(ICD10CMLoader.fileName), "version": "2026-april", "count": .number(JSONNumber(icdCount))],
            "loinc": ["file": .string(LOINCLoader.fileName), "version": "subset", "count": .number(JSONNumber(loincCount))],
            "lab-units": ["file": .string(LabUnitConverter.fileName), "count": .number(JSONNumber(analytes.count))],
        ]
        manifest["resources"] = .array(entries)
        try write(JSONSerializer(pretty: false).serialize(.object(manifest)), to: output.appendingPathComponent(TerminologyManifest.fileName))
        let counts = ["CodeSystem", "ValueSet", "ConceptMap"].map { "\(resources[$0]?.count ?? 0) \($0)s" }.joined(separator: ", ")
        return "Wrote \(output.path): \(counts), \(icdCount) ICD-10-CM items, \(loincCount) LOINC codes, \(analytes.count) lab analytes"
    }

    /// A resource without its documentation members, at every depth.
    static func trim(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            var result = JSONObject()
            for (key, member) in object where !documentationMembers.contains(key) && !key.hasPrefix("_") {
                result[key] = trim(member)
            }
            return .object(result)
        case .array(let items):
            return .array(items.map(trim))
        default:
            return value
        }
    }

    private static func compileICD10CM(source: URL, output: URL) throws(TerminologyError) -> Int {
        let bytes = try ShippedFiles.read(source.appendingPathComponent("terminology/icd-10-cm/icd10cm-2026-april.csv"))
        let kinds = ["chapter": "C", "block": "B", "category": "c", "subcategory": "s", "extended_subcategory": "x"]
        var lines = "# ICD-10-CM April 2026: code, parent (^: the code less its last character and dot), kind (C chapter, B block, c category, s subcategory, x 7th character), billable, display\n"
        var count = 0
        for record in CSVReader.records(String(decoding: bytes, as: UTF8.self)) {
            guard let code = record["code"], !code.isEmpty else { continue }
            let display = (record["description"] ?? "").replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
            let parent = record["parent"] ?? ""
            let written = !parent.isEmpty && parent == ICD10CMLoader.parent(byForm: code) ? ICD10CMLoader.derivedParent : parent
            lines += "\(code)\t\(written)\t\(kinds[record["kind"] ?? ""] ?? "s")\t\(record["billable"] == "Y" ? "Y" : "N")\t\(display)\n"
            count += 1
        }
        try write(Array(lines.utf8), to: output.appendingPathComponent(ICD10CMLoader.fileName))
        return count
    }

    private static func compileLabUnits(_ json: JSONValue) -> [LabAnalyte] {
        (json.objectValue ?? JSONObject()).compactMap { code, item -> LabAnalyte? in
            guard let name = item["name"]?.stringValue, let factor = item["conversion_factor"]?.numberValue?.doubleValue else { return nil }
            let conventional = item["traditional_units"]?.stringValue.map(LabUnitConverter.ucumForm)
            let si = item["si_units"]?.stringValue.map(LabUnitConverter.ucumForm)
            let molarMass = conventional.flatMap { conventional in si.flatMap { LabUnitConverter.molarMass(conventional: conventional, si: $0, factor: factor) } }
            return LabAnalyte(loinc: code, name: name, conventionalUnit: conventional, siUnit: si, factor: factor, molarMass: molarMass)
        }.sorted { $0.loinc < $1.loinc }
    }

    private static func compileLOINC(source: URL, output: URL, analytes: [LabAnalyte]) throws(TerminologyError) -> Int {
        var codes: [String: (display: String, units: [String])] = [:]
        for file in ["loinc-codes-in-synthea-sample.csv", "loinc-codes-in-carebundle-sample.csv"] {
            let bytes = try ShippedFiles.read(source.appendingPathComponent("terminology/loinc/\(file)"))
            for record in CSVReader.records(String(decoding: bytes, as: UTF8.self)) {
                guard let code = record["loinc_code"], !code.isEmpty else { continue }
                var entry = codes[code] ?? (record["display_as_used"] ?? "", [])
                for unit in (record["ucum_units"] ?? "").split(separator: " ").map(String.init) where !unit.isEmpty && !entry.units.contains(unit) {
                    entry.units.append(unit)
                }
                codes[code] = entry
            }
        }
        for analyte in analytes {
            var entry = codes[analyte.loinc] ?? (analyte.name, [])
            for unit in [analyte.conventionalUnit, analyte.siUnit].compactMap({ $0 }) where !entry.units.contains(unit) { entry.units.append(unit) }
            codes[analyte.loinc] = entry
        }
        let items: [JSONValue] = codes.keys.sorted().compactMap { code in
            guard let entry = codes[code] else { return nil }
            return ["code": .string(code), "display": .string(entry.display), "units": .array(entry.units.map { .string($0) })]
        }
        try write(JSONSerializer(pretty: true).serialize(["codes": .array(items)]), to: output.appendingPathComponent(LOINCLoader.fileName))
        return items.count
    }

    private static func write(_ bytes: [UInt8], to url: URL) throws(TerminologyError) {
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw TerminologyError(.unavailable, "Could not write \(url.path): \(error.localizedDescription)")
        }
    }
}
