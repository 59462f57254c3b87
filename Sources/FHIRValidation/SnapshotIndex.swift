import Foundation
import FHIRDefinitions

/// A StructureDefinition's snapshot indexed for walking an instance: each element's direct
/// children and its slices, by element id.
///
/// Ids carry slice names (`Observation.category:VSCat.coding`), so children of a slice are
/// told apart from children of the sliced element even though their paths are the same.
final class SnapshotIndex: Sendable {
    /// The definition indexed.
    let definition: StructureDefinition
    private let indexByID: [String: Int]
    private let childrenByID: [String: [Int]]
    private let slicesByID: [String: [Int]]
    private let childByName: [String: [String: Int]]
    private let choiceChildren: [String: [(stem: String, index: Int)]]

    init(_ definition: StructureDefinition) {
        self.definition = definition
        var indexByID: [String: Int] = [:]
        var childrenByID: [String: [Int]] = [:]
        var slicesByID: [String: [Int]] = [:]
        for (index, element) in definition.snapshot.enumerated() {
            let id = element.id
            if indexByID[id] == nil { indexByID[id] = index }
            guard let (parent, isSlice) = Self.parent(of: id, path: element.path) else { continue }
            if isSlice { slicesByID[parent, default: []].append(index) }
            else { childrenByID[parent, default: []].append(index) }
        }
        var childByName: [String: [String: Int]] = [:]
        var choiceChildren: [String: [(stem: String, index: Int)]] = [:]
        for (parent, indices) in childrenByID {
            for index in indices {
                let element = definition.snapshot[index]
                if element.isChoice { choiceChildren[parent, default: []].append((element.name, index)) }
                else if childByName[parent]?[element.name] == nil { childByName[parent, default: [:]][element.name] = index }
            }
        }
        self.indexByID = indexByID
        self.childrenByID = childrenByID
        self.slicesByID = slicesByID
        self.childByName = childByName
        self.choiceChildren = choiceChildren
    }

    /// The child of `parentID` that the JSON property `name` belongs to: by name, or a choice
    /// whose stem starts the name (`valueQuantity` → `value[x]`); the caller checks the type.
    func child(of parentID: String, propertyName name: String) -> StructureElement? {
        if let index = childByName[parentID]?[name] { return definition.snapshot[index] }
        for (stem, index) in choiceChildren[parentID] ?? [] where name.hasPrefix(stem) {
            let element = definition.snapshot[index]
            if ValidationRun.selectedType(of: element, propertyName: name) != nil { return element }
        }
        return nil
    }

    /// The root element.
    var root: StructureElement? { definition.snapshot.first }

    /// The element with this id.
    func element(id: String) -> StructureElement? {
        indexByID[id].map { definition.snapshot[$0] }
    }

    /// The elements directly inside the element `id`, not counting slices.
    func children(of id: String) -> [StructureElement] {
        (childrenByID[id] ?? []).map { definition.snapshot[$0] }
    }

    /// Whether the element `id` has children in this snapshot.
    func hasChildren(_ id: String) -> Bool {
        childrenByID[id] != nil
    }

    /// The slices of the element `id`, in definition order.
    func slices(of id: String) -> [StructureElement] {
        (slicesByID[id] ?? []).map { definition.snapshot[$0] }
    }

    /// The element a `contentReference` (`#Questionnaire.item`) points at: the first element with that path.
    func element(referencedBy reference: String) -> StructureElement? {
        let path = reference.split(separator: "#").last.map(String.init) ?? reference
        if let element = element(id: path) { return element }
        return definition.snapshot.first { $0.path == path }
    }

    /// The id of the element holding `id` and whether `id` is a slice of it:
    /// `A.b.c` → (`A.b`, false); `A.b:s` → (`A.b`, true); `A.b:s/t` → (`A.b:s`, true).
    ///
    /// The element's path guides the split, so slice names may contain dots or colons.
    static func parent(of id: String, path: String) -> (String, Bool)? {
        let names = path.split(separator: ".", omittingEmptySubsequences: false)
        guard names.count > 1 else { return nil }
        var position = id.startIndex
        var lastSegmentStart = id.startIndex
        var sliceStart: String.Index?
        for (number, name) in names.enumerated() {
            if number > 0 {
                guard position < id.endIndex, id[position] == "." else { return fallbackParent(of: id) }
                lastSegmentStart = position
                position = id.index(after: position)
            }
            guard id[position...].hasPrefix(name) else { return fallbackParent(of: id) }
            position = id.index(position, offsetBy: name.count)
            sliceStart = nil
            if position < id.endIndex, id[position] == ":" {
                sliceStart = position
                if number + 1 < names.count, let next = id[position...].range(of: "." + names[number + 1]) {
                    position = next.lowerBound
                } else {
                    position = id.endIndex
                }
            }
        }
        if let sliceStart {
            let sliceName = id[id.index(after: sliceStart)...]
            if let slash = sliceName.lastIndex(of: "/") { return (String(id[..<slash]), true) }
            return (String(id[..<sliceStart]), true)
        }
        return (String(id[..<lastSegmentStart]), false)
    }

    private static func fallbackParent(of id: String) -> (String, Bool)? {
        guard let lastDot = id.lastIndex(of: ".") else { return nil }
        let segment = id[id.index(after: lastDot)...]
        if let colon = segment.firstIndex(of: ":") { return (String(id[..<colon]), true) }
        return (String(id[..<lastDot]), false)
    }
}
