/// A snapshot as a tree while it is being generated: each element with its child elements and,
/// when it is sliced, its slices (each with its own children).
///
/// A snapshot lists an element, then its children, then its slices with theirs; ``flattened``
/// gives that order back.
struct SnapshotNode: Sendable {
    var element: StructureElement
    /// The element as the base had it, before the differential: what a new slice starts from.
    var original: StructureElement
    var children: [SnapshotNode] = []
    var slices: [SnapshotNode] = []

    init(element: StructureElement, children: [SnapshotNode] = [], slices: [SnapshotNode] = []) {
        self.element = element
        self.original = element
        self.children = children
        self.slices = slices
    }

    /// The tree of a snapshot (its first element is the root); nil for an empty list.
    static func tree(of elements: [StructureElement]) -> SnapshotNode? {
        guard !elements.isEmpty else { return nil }
        var position = 0
        return node(at: &position, in: elements)
    }

    private static func node(at position: inout Int, in elements: [StructureElement]) -> SnapshotNode {
        var node = SnapshotNode(element: elements[position])
        position += 1
        let childPrefix = node.element.path + "."
        while position < elements.count {
            let next = elements[position]
            if next.path.hasPrefix(childPrefix) && !next.path.dropFirst(childPrefix.count).contains(".") {
                node.children.append(Self.node(at: &position, in: elements))
            } else if next.path == node.element.path, let slice = next.sliceName, node.ownsSlice(named: slice) {
                node.slices.append(Self.node(at: &position, in: elements))
            } else {
                break
            }
        }
        return node
    }

    /// Whether a slice of this name belongs to this node: any slice for the sliced element, a
    /// reslice (`parent/child`) for a slice.
    private func ownsSlice(named slice: String) -> Bool {
        guard let own = element.sliceName else { return true }
        return slice.hasPrefix(own + "/")
    }

    /// The elements in snapshot order.
    var flattened: [StructureElement] {
        var result: [StructureElement] = []
        append(to: &result)
        return result
    }

    private func append(to result: inout [StructureElement]) {
        result.append(element)
        for child in children { child.append(to: &result) }
        for slice in slices { slice.append(to: &result) }
    }

    /// The last segment of the element's path, `[x]` kept: the name a differential refers to.
    var segmentName: String {
        element.path.split(separator: ".").last.map(String.init) ?? element.path
    }

    /// The tree moved to a new place: every id starting with `oldID` and path starting with
    /// `oldPath` gets `newID` and `newPath` instead.
    func rebased(fromID oldID: String, toID newID: String, fromPath oldPath: String, toPath newPath: String) -> SnapshotNode {
        var copy = self
        copy.element.id = Self.replacePrefix(oldID, with: newID, in: element.id)
        copy.element.path = Self.replacePrefix(oldPath, with: newPath, in: element.path)
        copy.original.id = copy.element.id
        copy.original.path = copy.element.path
        copy.children = children.map { $0.rebased(fromID: oldID, toID: newID, fromPath: oldPath, toPath: newPath) }
        copy.slices = slices.map { $0.rebased(fromID: oldID, toID: newID, fromPath: oldPath, toPath: newPath) }
        return copy
    }

    private static func replacePrefix(_ prefix: String, with replacement: String, in text: String) -> String {
        guard text.hasPrefix(prefix) else { return text }
        return replacement + text.dropFirst(prefix.count)
    }

    /// The node at `path` (no slices) below this one, this one included.
    func descendant(path: String) -> SnapshotNode? {
        if element.path == path { return self }
        guard path.hasPrefix(element.path + ".") else { return nil }
        for child in children {
            if let found = child.descendant(path: path) { return found }
        }
        return nil
    }
}
