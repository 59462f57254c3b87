import FHIRDefinitions
import FHIRModel
import FHIRPath

/// One validation call: walks the instance, collects issues without duplicates.
///
/// A run is confined to the calling thread; the shared parts (definitions, caches) are Sendable.
final class ValidationRun {
    let validator: Validator
    let options: ValidationOptions
    private(set) var issues: [OperationOutcomeIssue] = []
    private var seen: Set<OperationOutcomeIssue> = []
    /// The resources being validated, innermost last: `%resource` for invariants and the
    /// container of `#id` references.
    var resourceStack: [JSONValue] = []
    /// The entries of the Bundles being validated, by fullUrl, innermost last.
    var bundleStack: [[String: JSONValue]] = []
    /// Profiles being checked, to stop a profile that (indirectly) requires itself.
    var activeProfiles: [String] = []
    /// Lookups remembered for this run and the trial runs it starts.
    var memo = RunMemo()

    /// The environment invariants run in, made once per run.
    lazy var environment: FHIRPathEnvironment = FHIRPathEnvironment(
        terminology: validator.terminology.map { MemberOfAdapter(checker: $0) },
        profileValidator: ConformsToAdapter(validator: validator),
        timeZoneOffsetSeconds: 0
    )

    init(validator: Validator, options: ValidationOptions) {
        self.validator = validator
        self.options = options
    }


    /// Records an issue unless the same one was recorded already.
    func report(_ severity: IssueSeverity, _ code: IssueType, _ message: String, at path: String) {
        let issue = OperationOutcomeIssue(severity: severity, code: code, diagnostics: message, expression: [path])
        if seen.insert(issue).inserted { issues.append(issue) }
    }

    /// Validates a resource against its base definition and its profiles.
    ///
    /// - Parameters:
    ///   - path: the FHIRPath of the resource inside the top-level one (`Bundle.entry[0].resource`); nil at the top.
    ///   - profiles: profiles asked for explicitly (unknown ones are errors).
    ///   - baseOnly: skip claimed profiles.
    ///   - onlyProfiles: validate against `profiles` only, not the base (for conformsTo).
    func validateResource(
        _ value: JSONValue,
        path: String?,
        profiles: [String],
        isTopLevel: Bool,
        baseOnly: Bool = false,
        onlyProfiles: Bool = false
    ) {
        let location = path ?? "$this"
        guard let object = value.objectValue else {
            report(.error, .structure, "A resource must be a JSON object, not \(value.kindName)", at: location)
            return
        }
        guard let resourceType = object["resourceType"]?.stringValue else {
            report(.error, .structure, "The JSON object has no 'resourceType' property, so it is not a resource", at: location)
            return
        }
        guard let base = self.definition(forType: resourceType), base.kind == .resource, !base.isAbstract else {
            report(.error, .structure, "'\(resourceType)' is not a resource type", at: path ?? resourceType)
            return
        }
        let here = path ?? resourceType
        resourceStack.append(value)
        defer { resourceStack.removeLast() }
        let isBundle = resourceType == "Bundle"
        if isBundle { bundleStack.append(BundleIndex.entries(of: object)) }
        defer { if isBundle { bundleStack.removeLast() } }

        if !onlyProfiles {
            validateAgainstRoot(object, definition: base, path: here, modelPath: resourceType)
        }
        var claimed: [String] = []
        if options.includesClaimedProfiles && !baseOnly {
            claimed = (object["meta"]?["profile"]?.arrayValue ?? []).compactMap(\.stringValue)
        }
        for url in claimed where !profiles.contains(url) {
            validateProfile(url, object: object, resourceType: resourceType, path: here, explicit: false)
        }
        for url in profiles {
            validateProfile(url, object: object, resourceType: resourceType, path: here, explicit: true)
        }
        if isBundle { validateBundleEntries(object, path: here) }
        if resourceType == "StructureDefinition" { checkSnapshotGeneration(value, path: here) }
    }

    /// A profile must be usable: its snapshot must follow from its differential and its base.
    private func checkSnapshotGeneration(_ value: JSONValue, path: String) {
        guard let definition = try? StructureDefinition(json: value), definition.derivation == .constraint,
              !definition.differential.isEmpty else { return }
        let generator = SnapshotGenerator { [self] url in self.definition(url: url) }
        do {
            _ = try generator.generate(for: definition)
        } catch {
            if error.kind == .notFound {
                report(.warning, .notFound, "The snapshot cannot be generated: \(error.message)", at: path)
            } else {
                report(.error, .invalid, "The snapshot cannot be generated from the differential: \(error.message)", at: path)
            }
        }
    }

    private func validateProfile(_ url: String, object: JSONObject, resourceType: String, path: String, explicit: Bool) {
        guard let profile = self.definition(url: url), !profile.snapshot.isEmpty else {
            if explicit {
                report(.error, .notFound, "The profile '\(url)' is not known to this server, so the resource cannot be validated against it", at: path)
            } else {
                report(.warning, .notFound, "The profile '\(url)' that the resource claims is not known; it was validated against the base definition only", at: path)
            }
            return
        }
        guard profile.type == resourceType || validator.isType(resourceType, derivedFrom: profile.type) else {
            report(.error, .structure, "The profile '\(url)' constrains \(profile.type), not \(resourceType)", at: path)
            return
        }
        guard !activeProfiles.contains(profile.url) else { return }
        activeProfiles.append(profile.url)
        defer { activeProfiles.removeLast() }
        validateAgainstRoot(object, definition: profile, path: path, modelPath: resourceType)
    }

    /// Validates an object against the root element of a definition (a resource or datatype).
    func validateAgainstRoot(_ object: JSONObject, definition: StructureDefinition, path: String, modelPath: String) {
        let index = self.index(of: definition)
        guard let root = index.root else { return }
        validateObject(object, element: root, index: index, path: path, modelPath: modelPath, typeName: definition.type, isResourceRoot: definition.kind == .resource)
        checkElementRules(.object(object), element: root, typeName: definition.type, path: path)
    }

    /// Validates a datatype value against a profile of that datatype.
    func validateDatatype(_ value: JSONValue, typeName: String, against profile: StructureDefinition, path: String) {
        guard let object = value.objectValue else {
            report(.error, .structure, "Expected a \(typeName) object", at: path)
            return
        }
        validateAgainstRoot(object, definition: profile, path: path, modelPath: typeName)
    }
}

/// The entries of a Bundle by fullUrl, and by `Type/id` for entries that have no URL form.
enum BundleIndex {
    static func entries(of bundle: JSONObject) -> [String: JSONValue] {
        var entries: [String: JSONValue] = [:]
        for entry in bundle["entry"]?.arrayValue ?? [] {
            guard let resource = entry["resource"] else { continue }
            if let fullUrl = entry["fullUrl"]?.stringValue { entries[fullUrl] = resource }
            if let type = resource["resourceType"]?.stringValue, let id = resource["id"]?.stringValue {
                entries["\(type)/\(id)"] = entries["\(type)/\(id)"] ?? resource
            }
        }
        return entries
    }
}

extension Validator {
    /// Whether `typeName` is `ancestor` or derives from it through base definitions.
    func isType(_ typeName: String, derivedFrom ancestor: String) -> Bool {
        var current: String? = typeName
        var steps = 0
        while let name = current, steps < 16 {
            if name == ancestor { return true }
            guard let base = definitions.definition(forType: name)?.baseDefinition else { return false }
            current = base.split(separator: "/").last.map(String.init)
            steps += 1
        }
        return false
    }
}
