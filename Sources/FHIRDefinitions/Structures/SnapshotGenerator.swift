/// Generates a profile's snapshot from its differential and its base definition's snapshot, as
/// the FHIR specification describes (ElementDefinition and "Profiling" pages).
///
/// The base snapshot is walked as a tree; each differential element, in order, is matched to its
/// base element by id: by name (`Observation.status`), by a renamed choice
/// (`Observation.valueQuantity` constrains `Observation.value[x]`: the choice itself when the
/// differential narrows its types to one, otherwise a type slice `value[x]:valueQuantity`), or by
/// slice (`Patient.extension:race`, created after the sliced element's existing slices with a
/// copy of its children). Below an element whose children the base does not list
/// (`Observation.code.coding.system`, `Patient.extension:race.url`) the element's type is
/// unfolded from its definition, or from the type's profile (an extension definition), or from
/// the element a `contentReference` names. The matched element then takes the differential's
/// cardinality, types, fixed and pattern values, binding, slicing, limits, flags and short text;
/// the differential's constraints are added to the base's.
///
/// ```swift
/// let generator = SnapshotGenerator { url in registry.definition(url: url) }
/// let complete = try generator.generate(for: differentialOnlyProfile)
/// ```
public struct SnapshotGenerator {
    /// Finds a definition by canonical URL (possibly `url|version`): base definitions, datatypes
    /// and the profiles of types being unfolded.
    public let resolve: (String) -> StructureDefinition?

    /// A generator that finds definitions with `resolve`.
    public init(resolve: @escaping (String) -> StructureDefinition?) {
        self.resolve = resolve
    }

    /// The definition with its snapshot generated from its differential and its base; the
    /// differential is kept.
    ///
    /// Throws ``DefinitionsError`` (`.notFound`) when the base definition cannot be resolved or
    /// has no snapshot, and (`.malformed`) when a differential element matches nothing in the
    /// base or is not a constraint; the message names the element.
    public func generate(for profile: StructureDefinition) throws(DefinitionsError) -> StructureDefinition {
        guard profile.derivation != .specialization else {
            throw DefinitionsError(.malformed, "\(profile.url): snapshots are generated for constraints only; a specialization must come with its snapshot")
        }
        guard let baseURL = profile.baseDefinition else {
            throw DefinitionsError(.malformed, "\(profile.url) has no baseDefinition to generate its snapshot from")
        }
        guard let base = resolve(baseURL), !base.snapshot.isEmpty else {
            throw DefinitionsError(.notFound, "\(profile.url): the base definition \(baseURL) is unknown or has no snapshot")
        }
        var result = profile
        result.snapshot = try snapshot(differential: profile.differential, base: base, profileURL: profile.url)
        return result
    }

    /// The snapshot that applies `differential` to `base`'s snapshot; `profileURL` names the
    /// profile in errors.
    public func snapshot(differential: [StructureElement], base: StructureDefinition, profileURL: String) throws(DefinitionsError) -> [StructureElement] {
        guard var root = SnapshotNode.tree(of: base.snapshot) else {
            throw DefinitionsError(.notFound, "\(profileURL): the base definition \(base.url) has no snapshot")
        }
        let context = SnapshotContext(profileURL: profileURL, baseTree: root, resolve: resolve)
        for element in differential {
            let segments = SnapshotSegment.segments(of: element.id)
            guard let first = segments.first, first.name == root.segmentName else {
                throw context.notFound(element, detail: "its root is not \(root.segmentName)")
            }
            try context.apply(element, segments: segments[1...], to: &root)
        }
        return root.flattened
    }
}

/// One step of an element id: a name with an optional slice (`extension:race`).
struct SnapshotSegment: Sendable, Hashable {
    var name: String
    var sliceName: String?

    /// The steps of an element id such as `Observation.component:systolic.value[x]`.
    static func segments(of id: String) -> [SnapshotSegment] {
        var segments: [SnapshotSegment] = []
        var current = ""
        var bracketDepth = 0
        // A slice name may hold dots inside brackets only; split on the others.
        for character in id {
            if character == "[" { bracketDepth += 1 }
            if character == "]" { bracketDepth -= 1 }
            if character == "." && bracketDepth == 0 {
                segments.append(segment(current))
                current = ""
            } else {
                current.append(character)
            }
        }
        segments.append(segment(current))
        return segments
    }

    private static func segment(_ text: String) -> SnapshotSegment {
        guard let colon = text.firstIndex(of: ":") else { return SnapshotSegment(name: text) }
        return SnapshotSegment(name: String(text[..<colon]), sliceName: String(text[text.index(after: colon)...]))
    }
}
