import Foundation

/// One `compose.include.filter` made ready to test concepts of one code system.
struct ConceptFilter {
    let filter: ValueSetDefinition.Filter
    let index: CodeSystemIndex
    private let anchor: Int?
    private let values: Set<String>
    private let regex: Regex<AnyRegexOutput>?

    /// Prepares `filter` over `index`; throws for an unknown operator or a bad regex.
    init(_ filter: ValueSetDefinition.Filter, over index: CodeSystemIndex) throws(TerminologyError) {
        self.filter = filter
        self.index = index
        switch filter.op {
        case "is-a", "descendent-of", "is-not-a", "generalizes":
            anchor = index.position(of: filter.value)
            values = []
            regex = nil
        case "=", "exists":
            anchor = nil
            values = [filter.value]
            regex = nil
        case "in", "not-in":
            anchor = nil
            values = Set(filter.value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            regex = nil
        case "regex":
            anchor = nil
            values = []
            do {
                regex = try Regex(filter.value)
            } catch {
                throw TerminologyError(.invalid, "The regex filter '\(filter.value)' on \(index.url) is not a valid regular expression")
            }
        default:
            throw TerminologyError(.notSupported, "The filter operator '\(filter.op)' is not supported (use is-a, descendent-of, is-not-a, generalizes, =, in, not-in, regex or exists)")
        }
    }

    /// The concepts that can pass, when the filter narrows them cheaply (is-a, descendent-of,
    /// generalizes); nil when every concept must be tested.
    func candidates() -> [Int]? {
        switch filter.op {
        case "is-a":
            guard let anchor else { return [] }
            return [anchor] + index.descendants(of: anchor)
        case "descendent-of":
            guard let anchor else { return [] }
            return index.descendants(of: anchor)
        case "generalizes":
            guard let anchor else { return [] }
            return [anchor] + index.ancestors(of: anchor)
        default:
            return nil
        }
    }

    /// Whether the concept at `position` passes.
    func matches(_ position: Int) -> Bool {
        let concept = index.concepts[position]
        switch filter.op {
        case "is-a":
            guard let anchor else { return false }
            return index.isA(position, anchor)
        case "descendent-of":
            guard let anchor else { return false }
            return index.isDescendant(position, of: anchor)
        case "is-not-a":
            guard let anchor else { return true }
            return !index.isA(position, anchor)
        case "generalizes":
            guard let anchor else { return false }
            return index.isA(anchor, position)
        case "exists":
            let exists = !propertyTexts(of: position, concept).isEmpty
            return filter.value == "false" ? !exists : exists
        case "=":
            return propertyTexts(of: position, concept).contains(filter.value)
        case "in":
            return propertyTexts(of: position, concept).contains { values.contains($0) }
        case "not-in":
            return !propertyTexts(of: position, concept).contains { values.contains($0) }
        case "regex":
            guard let regex else { return false }
            return propertyTexts(of: position, concept).contains { text in (try? regex.wholeMatch(in: text)) != nil }
        default:
            return false
        }
    }

    /// The values the filter's property has for a concept: its code for `concept`/`code`, its
    /// display for `display`, its parents' codes for `parent`, otherwise that property's values.
    private func propertyTexts(of position: Int, _ concept: CodeSystemConcept) -> [String] {
        switch filter.property {
        case "concept", "code":
            return [concept.code]
        case "display":
            return concept.display.map { [$0] } ?? []
        case "parent":
            return index.parents[position].map { index.concepts[$0].code }
        case "child":
            return index.children[position].map { index.concepts[$0].code }
        default:
            return concept.properties.filter { $0.code == filter.property }.compactMap(\.textValue)
        }
    }
}
