public import FHIRModel
public import Foundation
import Synchronization

/// The StructureDefinitions Kiln knows: the compiled R4 definitions, the shipped US Core and
/// Kiln profiles, any StructureDefinition file dropped into `fhir-profiles/`, and definitions
/// registered at run time (POSTed, or given with `--definitions`).
///
/// Nothing is read until the first question; then the folder's indexes are read and the
/// dropped-in files listed, and each definition's file is parsed the first time that definition
/// is asked for. Definitions that come without a snapshot get one generated
/// (``SnapshotGenerator``) when they are first asked for or registered. Readers on many threads
/// share one registry: each lookup holds the lock only for a dictionary access.
///
/// ```swift
/// let registry = try StructureDefinitionRegistry.loadDefault()
/// registry.definition(forType: "Patient")?.snapshot.count
/// registry.definition(url: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient|6.1.0")
/// let scoped = registry.makeScopedCopy()     // registrations here do not reach `registry`
/// try scoped.register(json: supportingProfile)
/// ```
public final class StructureDefinitionRegistry: Sendable {
    /// The canonical URL prefix of the base FHIR types.
    public static let coreURLPrefix = "http://hl7.org/fhir/StructureDefinition/"

    /// Where a known definition comes from.
    enum Origin: Sendable {
        /// A compiled file, read when first asked for.
        case file(URL)
        /// A parsed definition that may still need its snapshot.
        case parsed(StructureDefinition)
    }

    /// One known definition.
    struct Entry: Sendable {
        var summary: StructureSummary
        var origin: Origin
    }

    /// What the lock guards.
    struct State: Sendable {
        /// Whether the directory has been read.
        var isCatalogued = false
        /// Every entry ever added, by its number; a registration adds a new one.
        var entries: [Int: Entry] = [:]
        /// The current entry number for each URL.
        var byURL: [String: Int] = [:]
        /// The entry number for each `url|version`.
        var byVersionedURL: [String: Int] = [:]
        /// Definitions read (and given snapshots), by entry number.
        var loaded: [Int: StructureDefinition] = [:]
        /// Files that could not be read or definitions whose snapshot could not be generated.
        var problems: [DefinitionsError] = []
    }

    /// The `fhir-profiles` folder read, if any.
    public let directory: URL?
    /// The registry asked for definitions this one does not hold.
    let parent: StructureDefinitionRegistry?
    let state = Mutex(State())

    /// A registry over the `fhir-profiles` folder `directory` (compiled folders with an
    /// `index.json`, and StructureDefinition files anywhere below it). Reads nothing yet.
    public convenience init(directory: URL) {
        self.init(directory: directory, parent: nil)
    }

    /// An empty registry, filled by ``register(_:)``.
    public convenience init() {
        self.init(directory: nil, parent: nil)
    }

    init(directory: URL?, parent: StructureDefinitionRegistry?) {
        self.directory = directory
        self.parent = parent
    }

    /// A registry that answers from this one but keeps its own registrations: a validation run
    /// adds its supporting definitions there without changing the shared registry.
    public func makeScopedCopy() -> StructureDefinitionRegistry {
        StructureDefinitionRegistry(directory: nil, parent: self)
    }

    /// The definition with this canonical URL, optionally `url|version`; nil when unknown or
    /// when its snapshot cannot be generated (see ``problems``).
    public func definition(url: String) -> StructureDefinition? {
        definition(url: url, visiting: [])
    }

    /// The base definition of a FHIR type: `Patient` gives `http://hl7.org/fhir/StructureDefinition/Patient`.
    public func definition(forType typeName: String) -> StructureDefinition? {
        definition(url: Self.coreURLPrefix + typeName)
    }

    /// What is known about every definition, without reading them; a later registration of a
    /// URL hides the earlier one.
    public var summaries: [StructureSummary] {
        var result = parent?.summaries ?? []
        let local = withCatalogue { state in
            state.byURL.values.sorted().compactMap { state.entries[$0]?.summary }
        }
        let localURLs = Set(local.map(\.url))
        result.removeAll { localURLs.contains($0.url) }
        return result + local
    }

    /// Every definition, read and with snapshots; costly on the full R4 set, meant for listings.
    public var allDefinitions: [StructureDefinition] {
        summaries.compactMap { definition(url: $0.url) }
    }

    /// The profiles (constraints) whose type is `type`, such as every Observation profile.
    public func profiles(constraining type: String) -> [StructureDefinition] {
        summaries.filter { $0.isProfile && $0.type == type }.compactMap { definition(url: $0.url) }
    }

    /// Files that could not be read and definitions whose snapshot could not be generated, so
    /// far; lookups of those definitions answer nil.
    public var problems: [DefinitionsError] {
        (parent?.problems ?? []) + withCatalogue { $0.problems }
    }

    /// Adds a definition, replacing any earlier one with the same URL (and version). Generates
    /// the snapshot when the definition has none; throws when that fails.
    public func register(_ definition: StructureDefinition) throws(DefinitionsError) {
        var complete = definition
        if complete.snapshot.isEmpty {
            complete = try SnapshotGenerator { self.definition(url: $0, visiting: [definition.url]) }.generate(for: definition)
        }
        let ready = complete
        withCatalogue { state in
            let number = Self.add(Entry(summary: StructureSummary(ready), origin: .parsed(ready)), to: &state)
            state.loaded[number] = ready
        }
    }

    /// Reads a StructureDefinition resource and registers it (see ``register(_:)``).
    public func register(json: JSONValue) throws(DefinitionsError) {
        try register(StructureDefinition(json: json))
    }

    // MARK: - Lookup

    /// The lookup, with the URLs whose snapshots are being generated further up the stack so a
    /// definition deriving from itself fails instead of recursing forever.
    func definition(url reference: String, visiting: Set<String>) -> StructureDefinition? {
        let (url, version) = Self.split(reference)
        let found: (number: Int, entry: Entry, loaded: StructureDefinition?)? = withCatalogue { state in
            let number = version.flatMap { state.byVersionedURL["\(url)|\($0)"] } ?? state.byURL[url]
            guard let number, let entry = state.entries[number] else { return nil }
            if let version, let actual = entry.summary.version, actual != version { return nil }
            return (number, entry, state.loaded[number])
        }
        guard let found else { return parent?.definition(url: reference, visiting: visiting) }
        if let loaded = found.loaded { return loaded }
        guard !visiting.contains(url) else { return nil }
        do {
            let definition = try materialize(found.entry, visiting: visiting.union([url]))
            return withCatalogue { state in
                if let earlier = state.loaded[found.number] { return earlier }
                state.loaded[found.number] = definition
                return definition
            }
        } catch {
            withCatalogue { $0.problems.append(error) }
            return nil
        }
    }

    /// Reads an entry's file or generates its snapshot; runs outside the lock.
    private func materialize(_ entry: Entry, visiting: Set<String>) throws(DefinitionsError) -> StructureDefinition {
        let definition: StructureDefinition
        switch entry.origin {
        case .file(let file): definition = try StructureDefinition(json: DefinitionsFile.read(file))
        case .parsed(let parsed): definition = parsed
        }
        guard definition.snapshot.isEmpty else { return definition }
        return try SnapshotGenerator { self.definition(url: $0, visiting: visiting) }.generate(for: definition)
    }

    /// Runs `body` on the state after reading the directory's catalogue once.
    func withCatalogue<Result>(_ body: (inout State) -> Result) -> Result {
        state.withLock { state in
            if !state.isCatalogued {
                state.isCatalogued = true
                if let directory { Self.catalogue(directory, into: &state) }
            }
            return body(&state)
        }
    }

    /// Adds an entry as the current one for its URL and version; returns its number.
    @discardableResult
    static func add(_ entry: Entry, to state: inout State) -> Int {
        let number = state.entries.count
        state.entries[number] = entry
        state.byURL[entry.summary.url] = number
        if let version = entry.summary.version { state.byVersionedURL["\(entry.summary.url)|\(version)"] = number }
        return number
    }

    /// `url|version` split at the bar.
    static func split(_ reference: String) -> (url: String, version: String?) {
        guard let bar = reference.firstIndex(of: "|") else { return (reference, nil) }
        return (String(reference[..<bar]), String(reference[reference.index(after: bar)...]))
    }
}
