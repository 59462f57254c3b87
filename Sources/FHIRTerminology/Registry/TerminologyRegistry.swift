public import FHIRModel
public import Foundation
import Synchronization

/// Every code system, value set and concept map the terminology service can use, by canonical
/// URL: the shipped folder (read lazily, one resource at a time) and resources registered at run
/// time, which take precedence (a later registration replaces an earlier one).
///
/// Lookups ignore a `|version` suffix; each definition keeps its own version.
///
/// ```swift
/// let registry = TerminologyRegistry(directory: try TerminologyLocator().locate())
/// registry.codeSystem("http://hl7.org/fhir/administrative-gender")?.index?.concept("male")?.display
/// ```
public final class TerminologyRegistry: Sendable {
    /// The shipped folder, or nil for a registry of registered resources only.
    public let directory: URL?
    /// The registry this one adds to, for an overlay (see ``overlay()``).
    public let base: TerminologyRegistry?

    private struct State {
        var manifest: TerminologyManifest?
        var manifestError: TerminologyError?
        var codeSystems: [String: CodeSystemSource] = [:]
        var valueSets: [String: ValueSetDefinition] = [:]
        var conceptMaps: [String: ConceptMapDefinition] = [:]
        var shippedCodeSystems: [String: CodeSystemSource] = [:]
        var shippedValueSets: [String: ValueSetDefinition] = [:]
        var shippedConceptMaps: [String: ConceptMapDefinition] = [:]
        var missing: Set<String> = []
        var allConceptMapsLoaded = false
        var registrations = 0
    }

    private let state = Mutex(State())

    /// A registry over the shipped folder at `directory` (nil: registered resources only).
    /// Nothing is read until the first lookup.
    public init(directory: URL?) {
        self.directory = directory
        self.base = nil
    }

    private init(base: TerminologyRegistry) {
        self.directory = nil
        self.base = base
    }

    /// A registry whose registrations sit on top of this one's without changing it: for a
    /// request that brings its own resources (an instance-level operation on a stored ValueSet).
    public func overlay() -> TerminologyRegistry {
        TerminologyRegistry(base: self)
    }

    /// How many registrations this registry and the ones under it have taken: a cache of answers
    /// is still good while the revision it was filled at is the current one.
    public var revision: Int {
        state.withLock { $0.registrations } + (base?.revision ?? 0)
    }

    /// Adds a CodeSystem, ValueSet or ConceptMap, replacing one with the same URL. Supplements
    /// are accepted and ignored.
    public func register(_ resource: JSONValue) throws(TerminologyError) {
        switch resource["resourceType"]?.stringValue {
        case "CodeSystem":
            if resource["content"]?.stringValue == CodeSystemContent.supplement.rawValue { return }
            let index = try CodeSystemIndex(codeSystem: resource)
            state.withLock { $0.codeSystems[index.url] = .index(index); $0.registrations += 1 }
        case "ValueSet":
            let valueSet = try ValueSetDefinition(valueSet: resource)
            guard let url = valueSet.url else { throw TerminologyError(.invalid, "A ValueSet needs a url to be registered") }
            state.withLock { $0.valueSets[url] = valueSet; $0.registrations += 1 }
        case "ConceptMap":
            let map = try ConceptMapDefinition(conceptMap: resource)
            guard let url = map.url else { throw TerminologyError(.invalid, "A ConceptMap needs a url to be registered") }
            state.withLock { $0.conceptMaps[url] = map; $0.registrations += 1 }
        default:
            throw TerminologyError(.invalid, "Only CodeSystem, ValueSet and ConceptMap resources can be registered, not \(resource["resourceType"]?.stringValue ?? "a JSON \(resource.kindName)")")
        }
    }

    /// The code system at `url` (a `|version` is ignored): registered, shipped, built in, or
    /// known but not shipped; nil when unknown.
    public func codeSystem(_ url: String) -> CodeSystemSource? {
        let url = CanonicalReference(url).url
        if let found = state.withLock({ $0.codeSystems[url] ?? $0.shippedCodeSystems[url] }) { return found }
        if let base { return base.codeSystem(url) }
        if url == KnownSystems.ucum { return .ucum }
        if let loaded = loadShippedCodeSystem(url) { return loaded }
        if let name = KnownSystems.notShipped[url] { return .notShipped(name) }
        return nil
    }

    /// The value set at `url` (a `|version` is ignored); nil when unknown.
    public func valueSet(_ url: String) -> ValueSetDefinition? {
        let url = CanonicalReference(url).url
        if let found = state.withLock({ $0.valueSets[url] ?? $0.shippedValueSets[url] }) { return found }
        if let base { return base.valueSet(url) }
        guard let json = shippedResource("ValueSet", url), let valueSet = try? ValueSetDefinition(valueSet: json) else { return nil }
        state.withLock { $0.shippedValueSets[url] = valueSet }
        return valueSet
    }

    /// The concept map at `url` (a `|version` is ignored); nil when unknown.
    public func conceptMap(_ url: String) -> ConceptMapDefinition? {
        let url = CanonicalReference(url).url
        if let found = state.withLock({ $0.conceptMaps[url] ?? $0.shippedConceptMaps[url] }) { return found }
        if let base { return base.conceptMap(url) }
        guard let json = shippedResource("ConceptMap", url), let map = try? ConceptMapDefinition(conceptMap: json) else { return nil }
        state.withLock { $0.shippedConceptMaps[url] = map }
        return map
    }

    /// Every concept map, shipped and registered (registered ones replace shipped ones of the same URL).
    public func conceptMaps() -> [ConceptMapDefinition] {
        if let base {
            var merged: [String: ConceptMapDefinition] = [:]
            for map in base.conceptMaps() { if let url = map.url { merged[url] = map } }
            for (url, map) in state.withLock({ $0.conceptMaps }) { merged[url] = map }
            return merged.keys.sorted().compactMap { merged[$0] }
        }
        let loaded = state.withLock { $0.allConceptMapsLoaded }
        if !loaded, let manifest = manifest() {
            for url in (manifest.entries["ConceptMap"] ?? [:]).keys.sorted() { _ = conceptMap(url) }
            state.withLock { $0.allConceptMapsLoaded = true }
        }
        return state.withLock { state in
            var merged = state.shippedConceptMaps
            for (url, map) in state.conceptMaps { merged[url] = map }
            return merged.keys.sorted().compactMap { merged[$0] }
        }
    }

    /// The canonical URLs of the shipped resources of `resourceType`, sorted.
    public func shippedURLs(of resourceType: String) -> [String] {
        (manifest()?.entries[resourceType] ?? [:]).keys.sorted()
    }

    /// Why the shipped folder could not be used, when it could not.
    public var shippedError: TerminologyError? {
        _ = manifest()
        return state.withLock { $0.manifestError }
    }

    // MARK: Loading

    private func manifest() -> TerminologyManifest? {
        guard let directory else { return nil }
        let cached = state.withLock { ($0.manifest, $0.manifestError) }
        if let manifest = cached.0 { return manifest }
        if cached.1 != nil { return nil }
        do {
            let manifest = try TerminologyManifest.load(from: directory)
            state.withLock { $0.manifest = manifest }
            return manifest
        } catch {
            state.withLock { $0.manifestError = error }
            return nil
        }
    }

    private func shippedResource(_ type: String, _ url: String) -> JSONValue? {
        guard let directory, let manifest = manifest(), let entry = manifest.entries[type]?[url] else { return nil }
        guard let bytes = try? ShippedFiles.read(directory.appendingPathComponent(entry.file), offset: entry.offset, length: entry.length) else { return nil }
        return try? ShippedFiles.parse(bytes, name: "\(type) \(url)")
    }

    private func loadShippedCodeSystem(_ url: String) -> CodeSystemSource? {
        guard let directory, let manifest = manifest() else { return nil }
        if state.withLock({ $0.missing.contains(url) }) { return nil }
        var source: CodeSystemSource?
        if url == KnownSystems.icd10CM, let builtin = manifest.builtins["icd-10-cm"] {
            if let bytes = try? ShippedFiles.read(directory.appendingPathComponent(builtin.file)),
               let index = try? ICD10CMLoader.load(bytes, version: builtin.version) {
                source = .index(index)
            }
        } else if url == KnownSystems.loinc, let builtin = manifest.builtins["loinc"] {
            if let json = try? ShippedFiles.readJSON(directory.appendingPathComponent(builtin.file)) {
                source = .index(LOINCLoader.load(json, version: builtin.version))
            }
        } else if let json = shippedResource("CodeSystem", url), let index = try? CodeSystemIndex(codeSystem: json) {
            // The R4 package has placeholder CodeSystems (content not-present) for systems such as SNOMED CT.
            if index.content == .notPresent, let name = KnownSystems.notShipped[url] {
                source = .notShipped(name)
            } else {
                source = .index(index)
            }
        }
        state.withLock { state in
            if let source {
                state.shippedCodeSystems[url] = source
            } else {
                state.missing.insert(url)
            }
        }
        return source
    }
}
