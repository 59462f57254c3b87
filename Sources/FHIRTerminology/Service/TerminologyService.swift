public import FHIRModel
import Foundation
import Synchronization
import UCUM

/// The terminology operations over a ``TerminologyRegistry``: lookup, validate-code, expand,
/// subsumes and translate. Safe to share between threads.
///
/// ```swift
/// let terminology = try TerminologyService.loadDefault()
/// let result = terminology.validateCode(CodeValidationRequest(system: "http://hl7.org/fhir/sid/icd-10-cm", code: "E11.9"))
/// result.outcome    // .valid
/// ```
public final class TerminologyService: Sendable {
    /// The registry of code systems, value sets and concept maps.
    public let registry: TerminologyRegistry

    /// A service over `registry`.
    public init(registry: TerminologyRegistry) {
        self.registry = registry
    }

    private static let defaults = Mutex<[String: TerminologyService]>([:])

    /// The shipped terminology, loaded lazily (locating the folder reads nothing but the
    /// manifest's existence); cached process-wide per directory.
    public static func loadDefault(explicitDirectory: String? = nil) throws(TerminologyError) -> TerminologyService {
        let directory = try TerminologyLocator(explicitDirectory: explicitDirectory).locate()
        return defaults.withLock { cache in
            if let existing = cache[directory.path] { return existing }
            let service = TerminologyService(registry: TerminologyRegistry(directory: directory))
            cache[directory.path] = service
            return service
        }
    }

    /// Adds a CodeSystem, ValueSet or ConceptMap (see ``TerminologyRegistry/register(_:)``).
    public func register(_ resource: JSONValue) throws(TerminologyError) {
        try registry.register(resource)
    }

    /// A service that also knows `resources` (CodeSystems, ValueSets, ConceptMaps), for one
    /// request, leaving this service's registry unchanged.
    public func adding(_ resources: [JSONValue]) throws(TerminologyError) -> TerminologyService {
        let overlay = registry.overlay()
        for resource in resources { try overlay.register(resource) }
        return TerminologyService(registry: overlay)
    }

    // MARK: Lookup

    /// The concept `code` of `system`; nil when the system or the code is unknown (or the system
    /// is not shipped). `version` is accepted and not used to choose between versions.
    public func lookup(system: String, code: String, version: String? = nil) -> ConceptLookup? {
        switch registry.codeSystem(system) {
        case .index(let index):
            guard let position = index.position(of: code) else { return nil }
            let concept = index.concepts[position]
            return ConceptLookup(
                system: index.url, version: index.version, name: index.name, code: concept.code, display: concept.display,
                definition: concept.definition, designations: concept.designations, properties: concept.properties,
                parents: index.parents[position].map { index.concepts[$0].code },
                children: index.children[position].map { index.concepts[$0].code },
                isAbstract: concept.isAbstract
            )
        case .ucum:
            let ucum = UCUMSystem.shared
            guard ucum.validate(code) == nil else { return nil }
            var properties: [ConceptProperty] = []
            if let canonical = try? ucum.canonical(code) {
                properties.append(ConceptProperty(code: "canonical", type: "string", value: .string(canonical.text)))
            }
            return ConceptLookup(system: KnownSystems.ucum, version: nil, name: "UCUM", code: code, display: try? ucum.displayName(code), properties: properties)
        case .notShipped, nil:
            return nil
        }
    }

    /// The display of `code` in `system`, as ``lookup(system:code:version:)`` would give it
    /// without the rest of the concept; nil when the system or code is unknown.
    public func display(system: String, code: String) -> String? {
        switch registry.codeSystem(system) {
        case .index(let index):
            return index.position(of: code).flatMap { index.concepts[$0].display }
        case .ucum:
            let ucum = UCUMSystem.shared
            guard ucum.validate(code) == nil else { return nil }
            return try? ucum.displayName(code)
        case .notShipped, nil:
            return nil
        }
    }

    // MARK: Validate code

    /// Whether `request.code` is a code of its system and, when a value set is given, in the
    /// value set, answered from the value set's compose without expanding it.
    public func validateCode(_ request: CodeValidationRequest) -> CodeValidationResult {
        let membership = ValueSetMembership(registry: registry)
        guard let valueSetURL = request.valueSet else {
            guard let system = request.system else {
                return CodeValidationResult(outcome: .cannotTell, message: "The code '\(request.code)' has no system and no value set to check it against")
            }
            return result(membership.codeSystemMembership(system: system, code: request.code), system: system, request: request, valueSet: nil)
        }
        guard let valueSet = registry.valueSet(valueSetURL) else {
            return CodeValidationResult(outcome: .cannotTell, message: "The value set \(valueSetURL) is not known to Kiln, so the code '\(request.code)' cannot be checked against it")
        }
        let system: String
        if let given = request.system {
            system = CanonicalReference(given).url
        } else {
            let systems = membership.systems(of: valueSet).sorted()
            let holding = systems.filter { membership.membership(system: $0, code: request.code, in: valueSet).isMember }
            if holding.count == 1 {
                system = holding[0]
            } else if holding.count > 1 {
                return CodeValidationResult(outcome: .cannotTell, message: "The code '\(request.code)' is in more than one system of the value set \(valueSetURL) (\(holding.joined(separator: ", "))); give the system")
            } else if systems.count == 1 {
                system = systems[0]
            } else {
                return CodeValidationResult(outcome: .cannotTell, message: "The code '\(request.code)' has no system and is not a code of the value set \(valueSetURL) in any one system; give the system")
            }
        }
        let inValueSet = membership.membership(system: system, code: request.code, in: valueSet)
        guard inValueSet.isMember else { return result(inValueSet, system: system, request: request, valueSet: valueSet) }
        let inSystem = membership.codeSystemMembership(system: system, code: request.code)
        switch inSystem {
        case .notMember:
            return result(inSystem, system: system, request: request, valueSet: valueSet)
        case .member, .unknown:
            // A code listed by the value set counts even when its system is not shipped.
            return result(.member, system: system, request: request, valueSet: valueSet)
        }
    }

    private func result(_ membership: Membership, system: String, request: CodeValidationRequest, valueSet: ValueSetDefinition?) -> CodeValidationResult {
        switch membership {
        case .notMember(let message):
            return CodeValidationResult(outcome: .invalid, message: message, display: lookup(system: system, code: request.code)?.display)
        case .unknown(let message):
            return CodeValidationResult(outcome: .cannotTell, message: message)
        case .member:
            let concept = lookup(system: system, code: request.code)
            let listed = valueSet.flatMap { Self.listedConcept(request.code, system: system, in: $0) }
            let display = concept?.display ?? listed?.display
            var known = [concept?.display, listed?.display].compactMap { $0 }
            known += (concept?.designations ?? []).map(\.value) + (listed?.designations ?? []).map(\.value)
            guard let given = request.display, !known.isEmpty else {
                return CodeValidationResult(outcome: .valid, display: display)
            }
            let normalized = Self.normalize(given)
            if known.contains(where: { Self.normalize($0) == normalized }) {
                return CodeValidationResult(outcome: .valid, display: display)
            }
            return CodeValidationResult(
                outcome: .valid,
                message: "The display '\(given)' is not a display of the code '\(request.code)' from \(system); it should be '\(display ?? known[0])'",
                display: display, displayIsWrong: true
            )
        }
    }

    private static func listedConcept(_ code: String, system: String, in valueSet: ValueSetDefinition) -> ValueSetDefinition.ListedConcept? {
        for set in valueSet.include where set.system.map({ CanonicalReference($0).url }) == system {
            if let found = set.concepts.first(where: { $0.code == code }) { return found }
        }
        return nil
    }

    private static func normalize(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    // MARK: Expand

    /// Expands the value set at `valueSetURL` (a `|version` is ignored).
    public func expand(valueSetURL: String, options: ExpansionOptions) throws(TerminologyError) -> ValueSetExpansion {
        guard let valueSet = registry.valueSet(valueSetURL) else {
            throw TerminologyError(.notFound, "The value set \(valueSetURL) is not known to Kiln")
        }
        return try ValueSetExpander(registry: registry, options: options).expand(valueSet)
    }

    /// Expands a ValueSet resource given in full.
    public func expand(valueSet: JSONValue, options: ExpansionOptions) throws(TerminologyError) -> ValueSetExpansion {
        try ValueSetExpander(registry: registry, options: options).expand(ValueSetDefinition(valueSet: valueSet))
    }

    // MARK: Subsumes

    /// How `codeA` and `codeB` of `system` relate in its hierarchy.
    public func subsumes(system: String, codeA: String, codeB: String) throws(TerminologyError) -> SubsumptionOutcome {
        let index: CodeSystemIndex
        switch registry.codeSystem(system) {
        case .index(let found): index = found
        case .notShipped(let name): throw TerminologyError(.notSupported, "\(name) (\(system)) is not shipped with Kiln, so subsumption cannot be tested")
        case .ucum: throw TerminologyError(.notSupported, "UCUM has no hierarchy to test subsumption in")
        case nil: throw TerminologyError(.notFound, "The code system \(system) is not known to Kiln")
        }
        guard let a = index.position(of: codeA) else { throw TerminologyError(.notFound, "'\(codeA)' is not a code of \(system) that Kiln knows") }
        guard let b = index.position(of: codeB) else { throw TerminologyError(.notFound, "'\(codeB)' is not a code of \(system) that Kiln knows") }
        if a == b { return .equivalent }
        if index.isDescendant(b, of: a) { return .subsumes }
        if index.isDescendant(a, of: b) { return .subsumedBy }
        return .notSubsumed
    }

    // MARK: Translate

    /// The translations of a code by one concept map or by every map with a group from its system.
    public func translate(_ request: TranslationRequest) throws(TerminologyError) -> [TranslationMatch] {
        let maps: [ConceptMapDefinition]
        if let url = request.conceptMap {
            guard let map = registry.conceptMap(url) else { throw TerminologyError(.notFound, "The concept map \(url) is not known to Kiln") }
            maps = [map]
        } else {
            maps = registry.conceptMaps()
        }
        var matches: [TranslationMatch] = []
        for map in maps {
            for group in map.groups {
                matches += request.reverse ? Self.reverseMatches(request, group, map) : Self.matches(request, group, map)
            }
        }
        return matches
    }

    private static func matches(_ request: TranslationRequest, _ group: ConceptMapDefinition.Group, _ map: ConceptMapDefinition) -> [TranslationMatch] {
        guard group.source.map({ CanonicalReference($0).url }) == request.system else { return [] }
        if let target = request.targetSystem, group.target.map({ CanonicalReference($0).url }) != target { return [] }
        let elements = group.elements.filter { $0.code == request.code }
        if elements.isEmpty, let unmapped = group.unmapped {
            switch unmapped.mode {
            case "provided":
                return [TranslationMatch(equivalence: "equal", concept: TerminologyCoding(system: group.target, code: request.code), source: map.url)]
            case "fixed":
                guard let code = unmapped.code else { return [] }
                return [TranslationMatch(equivalence: "equivalent", concept: TerminologyCoding(system: group.target, code: code, display: unmapped.display), source: map.url)]
            default:
                return []
            }
        }
        return elements.flatMap { element in
            element.targets.map { target in
                TranslationMatch(
                    equivalence: target.equivalence,
                    concept: target.code.map { TerminologyCoding(system: group.target, code: $0, display: target.display) },
                    source: map.url
                )
            }
        }
    }

    private static func reverseMatches(_ request: TranslationRequest, _ group: ConceptMapDefinition.Group, _ map: ConceptMapDefinition) -> [TranslationMatch] {
        guard group.target.map({ CanonicalReference($0).url }) == request.system else { return [] }
        if let target = request.targetSystem, group.source.map({ CanonicalReference($0).url }) != target { return [] }
        var result: [TranslationMatch] = []
        for element in group.elements {
            guard let code = element.code else { continue }
            for target in element.targets where target.code == request.code {
                result.append(TranslationMatch(
                    equivalence: reversed(target.equivalence),
                    concept: TerminologyCoding(system: group.source, code: code, display: element.display),
                    source: map.url
                ))
            }
        }
        return result
    }

    /// The equivalence seen from the other side of the map.
    private static func reversed(_ equivalence: String) -> String {
        switch equivalence {
        case "wider": "narrower"
        case "narrower": "wider"
        case "subsumes": "specializes"
        case "specializes": "subsumes"
        default: equivalence
        }
    }
}
