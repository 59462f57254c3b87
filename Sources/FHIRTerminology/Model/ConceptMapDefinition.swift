public import FHIRModel

/// A ConceptMap as `$translate` uses it.
public struct ConceptMapDefinition: Sendable {
    /// One `group`: mappings from one source system to one target system.
    public struct Group: Sendable {
        /// The source system.
        public var source: String?
        /// The target system.
        public var target: String?
        /// The mapped source codes.
        public var elements: [Element]
        /// What to do with a source code that has no element.
        public var unmapped: Unmapped?
    }

    /// One source code and its targets.
    public struct Element: Sendable {
        /// The source code.
        public var code: String?
        /// The source display.
        public var display: String?
        /// The targets.
        public var targets: [Target]
    }

    /// One target of an element.
    public struct Target: Sendable {
        /// The target code (absent for `unmatched`).
        public var code: String?
        /// The target display.
        public var display: String?
        /// The equivalence (`equivalent`, `wider`, `narrower`, `inexact`, `unmatched`, …).
        public var equivalence: String
        /// A comment on the mapping.
        public var comment: String?
    }

    /// `group.unmapped`.
    public struct Unmapped: Sendable {
        /// `provided`, `fixed` or `other-map`.
        public var mode: String
        /// The fixed code.
        public var code: String?
        /// The fixed display.
        public var display: String?
        /// The other map.
        public var url: String?
    }

    /// The canonical URL (without version).
    public var url: String?
    /// The version.
    public var version: String?
    /// The name.
    public var name: String?
    /// The source value set (`sourceUri`/`sourceCanonical`).
    public var sourceScope: String?
    /// The target value set.
    public var targetScope: String?
    /// The groups.
    public var groups: [Group]

    /// Reads a ConceptMap resource.
    public init(conceptMap resource: JSONValue) throws(TerminologyError) {
        guard resource["resourceType"]?.stringValue == "ConceptMap" else {
            throw TerminologyError(.invalid, "Expected a ConceptMap resource, not \(resource["resourceType"]?.stringValue ?? "a JSON \(resource.kindName)")")
        }
        url = resource["url"]?.stringValue.map { CanonicalReference($0).url }
        version = resource["version"]?.stringValue
        name = resource["name"]?.stringValue
        sourceScope = (resource["sourceUri"] ?? resource["sourceCanonical"])?.stringValue
        targetScope = (resource["targetUri"] ?? resource["targetCanonical"])?.stringValue
        groups = (resource["group"]?.arrayValue ?? []).map { group in
            let elements = (group["element"]?.arrayValue ?? []).map { element in
                Element(
                    code: element["code"]?.stringValue, display: element["display"]?.stringValue,
                    targets: (element["target"]?.arrayValue ?? []).map { target in
                        Target(
                            code: target["code"]?.stringValue, display: target["display"]?.stringValue,
                            equivalence: target["equivalence"]?.stringValue ?? "equivalent", comment: target["comment"]?.stringValue
                        )
                    }
                )
            }
            let unmapped = group["unmapped"].flatMap { json in
                json["mode"]?.stringValue.map { Unmapped(mode: $0, code: json["code"]?.stringValue, display: json["display"]?.stringValue, url: json["url"]?.stringValue) }
            }
            return Group(source: group["source"]?.stringValue, target: group["target"]?.stringValue, elements: elements, unmapped: unmapped)
        }
    }
}
