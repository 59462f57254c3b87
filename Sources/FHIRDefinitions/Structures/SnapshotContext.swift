/// One snapshot generation in progress: matches differential elements to the tree of the base
/// snapshot, creating slices and unfolding types on the way (see ``SnapshotGenerator``).
struct SnapshotContext {
    /// The profile whose snapshot is generated, for messages.
    let profileURL: String
    /// The base snapshot as it was, for `contentReference` targets.
    let baseTree: SnapshotNode
    /// Finds definitions by canonical URL.
    let resolve: (String) -> StructureDefinition?

    /// Applies `element` to the node `segments` lead to from `node`.
    func apply(_ element: StructureElement, segments: ArraySlice<SnapshotSegment>, to node: inout SnapshotNode) throws(DefinitionsError) {
        guard let segment = segments.first else {
            merge(element, into: &node.element)
            return
        }
        let rest = segments.dropFirst()
        if node.children.isEmpty { try unfold(&node, for: element) }
        if let index = node.children.firstIndex(where: { $0.segmentName == segment.name }) {
            guard let sliceName = segment.sliceName else {
                try apply(element, segments: rest, to: &node.children[index])
                return
            }
            try apply(element, slice: sliceName, segments: rest, of: &node.children[index])
            return
        }
        guard let (index, typeCode) = Self.choice(named: segment.name, in: node.children) else {
            throw notFound(element, detail: "\(node.element.id) has no element \(segment.name)")
        }
        if let sliceName = segment.sliceName {
            throw notFound(element, detail: "a renamed choice (\(segment.name)) cannot be sliced as \(sliceName); slice \(node.children[index].segmentName) instead")
        }
        let choice = node.children[index]
        if choice.slices.contains(where: { $0.element.sliceName == segment.name }) {
            try apply(element, slice: segment.name, segments: rest, of: &node.children[index])
        } else if choice.element.types.count == 1 || (rest.isEmpty && !element.types.isEmpty) || choice.element.id.contains(":") {
            // The choice itself is narrowed to this type when the differential says so, when it
            // has that type only, or inside a slice (as the IG publisher does); a type slice
            // is made otherwise.
            node.children[index].element.types = choice.element.types.filter { $0.code == typeCode }
            try apply(element, segments: rest, to: &node.children[index])
        } else {
            try apply(element, slice: segment.name, segments: rest, of: &node.children[index])
        }
    }

    /// Applies `element` below the slice `sliceName` of `sliced`, creating the slice after the
    /// existing ones when it is new. A reslice (`a/b`) is a slice of the slice `a`.
    private func apply(_ element: StructureElement, slice sliceName: String, segments: ArraySlice<SnapshotSegment>, of sliced: inout SnapshotNode) throws(DefinitionsError) {
        if sliced.element.sliceName == nil, let slash = sliceName.lastIndex(of: "/") {
            let parentName = String(sliceName[..<slash])
            guard let parent = sliced.slices.firstIndex(where: { $0.element.sliceName == parentName }) else {
                throw notFound(element, detail: "\(sliced.element.id) has no slice \(parentName) to reslice")
            }
            try apply(element, slice: sliceName, segments: segments, of: &sliced.slices[parent])
            return
        }
        if let index = sliced.slices.firstIndex(where: { $0.element.sliceName == sliceName }) {
            try apply(element, segments: segments, to: &sliced.slices[index])
            return
        }
        var slice = makeSlice(named: sliceName, of: &sliced)
        try apply(element, segments: segments, to: &slice)
        sliced.slices.append(slice)
    }

    /// A new slice of `sliced`: a copy of it as the base had it, and of its children, under the
    /// slice's id; a type slice
    /// of a choice (`valueQuantity`) allows that type only. Gives `sliced` the usual slicing when
    /// it has none: by type for a choice, by `url` for extensions.
    private func makeSlice(named sliceName: String, of sliced: inout SnapshotNode) -> SnapshotNode {
        let ownName = sliceName.split(separator: "/").last.map(String.init) ?? sliceName
        let id = sliced.element.sliceName == nil ? "\(sliced.element.id):\(sliceName)" : "\(sliced.element.id)/\(ownName)"
        var element = sliced.original
        element.id = id
        element.sliceName = sliceName
        element.slicing = nil
        let typeSlice = sliced.element.isChoice ? Self.choiceType(of: sliced, named: sliceName) : nil
        if let typeSlice {
            element.types = sliced.element.types.filter { $0.code == typeSlice }
        }
        if sliced.element.slicing == nil {
            if typeSlice != nil {
                sliced.element.slicing = ElementSlicing(discriminators: [SlicingDiscriminator(kind: .type, path: "$this")])
            } else if sliced.segmentName == "extension" || sliced.segmentName == "modifierExtension" {
                sliced.element.slicing = ElementSlicing(discriminators: [SlicingDiscriminator(kind: .value, path: "url")])
            }
        }
        let children = sliced.children.map {
            $0.rebased(fromID: sliced.element.id, toID: id, fromPath: sliced.element.path, toPath: sliced.element.path)
        }
        return SnapshotNode(element: element, children: children)
    }

    /// Gives `node` the children its base does not list: those of the element its
    /// `contentReference` names, or those of its one type's definition (the type's profile when
    /// it has one, such as an extension definition).
    private func unfold(_ node: inout SnapshotNode, for element: StructureElement) throws(DefinitionsError) {
        let target = node.element
        if let reference = target.contentReferencePath {
            guard let referenced = baseTree.descendant(path: reference), !referenced.children.isEmpty else {
                throw notFound(element, detail: "\(target.id) refers to \(reference), which is not in the base")
            }
            node.children = referenced.children.map {
                $0.rebased(fromID: referenced.element.id, toID: target.id, fromPath: referenced.element.path, toPath: target.path)
            }
            return
        }
        let codes = Set(target.types.map(\.code))
        guard codes.count == 1, let type = target.types.first else {
            throw notFound(element, detail: "\(target.id) has \(codes.count) types; constrain it to one type before constraining its children")
        }
        let profiled = type.profiles.lazy.compactMap(resolve).first { !$0.snapshot.isEmpty }
        guard let definition = profiled ?? resolve(StructureDefinitionRegistry.coreURLPrefix + type.code),
              let tree = SnapshotNode.tree(of: definition.snapshot), !tree.children.isEmpty else {
            throw DefinitionsError(.notFound, "\(profileURL): cannot unfold \(target.id) for the differential element \(element.id): the definition of its type \(type.code) is unknown or has no elements")
        }
        node.children = tree.children.map {
            $0.rebased(fromID: tree.element.id, toID: target.id, fromPath: tree.element.path, toPath: target.path)
        }
    }

    /// The choice element (`value[x]`) among `children` that `name` (`valueQuantity`) renames,
    /// with the type code it names.
    static func choice(named name: String, in children: [SnapshotNode]) -> (index: Int, typeCode: String)? {
        for (index, child) in children.enumerated() where child.element.isChoice {
            if let code = choiceType(of: child, named: name) { return (index, code) }
        }
        return nil
    }

    /// The type of the choice `node` that `name` names (`valueQuantity` → `Quantity`), if any.
    static func choiceType(of node: SnapshotNode, named name: String) -> String? {
        let stem = String(node.segmentName.dropLast(3))
        guard name.hasPrefix(stem), name.count > stem.count else { return nil }
        let suffix = name.dropFirst(stem.count)
        return node.element.types.first { type in
            guard let first = type.code.first else { return false }
            return first.uppercased() + type.code.dropFirst() == suffix
        }?.code
    }

    /// The error for a differential element that matches nothing.
    func notFound(_ element: StructureElement, detail: String) -> DefinitionsError {
        DefinitionsError(.malformed, "\(profileURL): the differential element \(element.id) matches no element of the base: \(detail)")
    }
}
