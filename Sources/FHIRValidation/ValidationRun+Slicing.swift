import FHIRDefinitions
import Foundation
import FHIRModel
import FHIRTerminology

extension ValidationRun {
    /// Assigns each occurrence of a sliced element to a slice by the discriminators, checks each
    /// slice's cardinality, the slicing rules (closed, open at end) and order, and validates the
    /// occurrences against the slice they belong to.
    func validateSlices(_ items: [ElementItem], slicedElement: StructureElement, slices: [StructureElement], index: SnapshotIndex, modelPath: String) {
        let slicing = slicedElement.slicing ?? ElementSlicing(discriminators: [])
        var counts: [String: Int] = [:]
        var lastSlicePosition = -1
        var sawUnmatched = false
        for item in items {
            guard let position = slices.firstIndex(where: { matches(item, slice: $0, discriminators: slicing.discriminators, index: index, modelPath: modelPath) }) else {
                sawUnmatched = true
                if slicing.rules == .closed {
                    report(.error, .structure, "This element does not match any slice of \(slicedElement.path), and the slicing is closed" + Self.profileNote(index.definition), at: item.path)
                }
                continue
            }
            let slice = slices[position]
            counts[slice.id, default: 0] += 1
            if slicing.ordered && position < lastSlicePosition {
                report(.error, .structure, "The slice '\(slice.sliceName ?? slice.id)' is out of order: the slices of \(slicedElement.path) must appear in the order the profile defines" + Self.profileNote(index.definition), at: item.path)
            }
            if slicing.rules == .openAtEnd && sawUnmatched {
                report(.error, .structure, "The slice '\(slice.sliceName ?? slice.id)' comes after content that matches no slice, but the slicing is open at the end only" + Self.profileNote(index.definition), at: item.path)
            }
            lastSlicePosition = max(lastSlicePosition, position)
            validateItem(item, element: slice, index: index, modelPath: modelPath)
        }
        let path = items.first.map { Self.withoutIndex($0.path) } ?? modelPath
        for slice in slices {
            checkCardinality(slice, count: counts[slice.id] ?? 0, path: path, definition: index.definition, sliceName: slice.sliceName ?? slice.id)
        }
    }

    /// Whether one occurrence belongs to a slice.
    private func matches(_ item: ElementItem, slice: StructureElement, discriminators: [SlicingDiscriminator], index: SnapshotIndex, modelPath: String) -> Bool {
        if discriminators.isEmpty {
            // Type slices of a choice (`value[x]:valueQuantity`) are told apart by type.
            if slice.isChoice || slice.path.hasSuffix("[x]") {
                return slice.types.contains { $0.typeName == item.typeName }
            }
            return conformsTrial(item, element: slice, index: index, modelPath: modelPath)
        }
        for discriminator in discriminators {
            guard matches(item, slice: slice, discriminator: discriminator, index: index, modelPath: modelPath) else { return false }
        }
        return true
    }

    private func matches(_ item: ElementItem, slice: StructureElement, discriminator: SlicingDiscriminator, index: SnapshotIndex, modelPath: String) -> Bool {
        let steps = DiscriminatorPath.steps(discriminator.path)
        let actual = DiscriminatorPath.values(of: item, steps: steps, bundle: bundleStack.last)
        let target = discriminatorElement(slice: slice, steps: steps, index: index)
        switch discriminator.kind {
        case .value, .pattern:
            if let expected = target.fixed {
                return actual.contains { FixedValueMatcher.equals($0.value, expected) }
            }
            if let expected = target.pattern {
                return actual.contains { FixedValueMatcher.matches($0.value, pattern: expected) }
            }
            if let binding = target.binding, let valueSet = binding.valueSet, validator.terminology != nil {
                return actual.contains { value in
                    let codes: [TerminologyCoding]
                    if let coding = Self.givenCode(coding: value.value) { codes = [coding] }
                    else if let codings = value.value["coding"]?.arrayValue { codes = codings.compactMap(Self.givenCode(coding:)) }
                    else if let text = value.value.stringValue { codes = [TerminologyCoding(system: nil, code: text)] }
                    else { codes = [] }
                    return codes.contains { checkCode($0.code, system: $0.system, display: nil, valueSet: valueSet)?.outcome == .valid }
                }
            }
            return conformsTrial(item, element: slice, index: index, modelPath: modelPath)
        case .exists:
            let mustExist = (target.element?.min ?? 0) > 0
            let mustNotExist = target.element?.max == "0"
            if mustExist { return !actual.isEmpty }
            if mustNotExist { return actual.isEmpty }
            return true
        case .type:
            guard let types = target.element?.types, !types.isEmpty else { return true }
            return actual.contains { value in types.contains { $0.typeName == value.typeName } }
        case .profile:
            let profiles = target.element?.types.flatMap { $0.profiles + $0.targetProfiles } ?? []
            guard !profiles.isEmpty else { return true }
            return actual.contains { value in
                profiles.contains { validator.conforms(value.value, typeName: isResource(value.typeName) ? nil : value.typeName, toProfile: $0) }
            }
        case .position:
            return false
        }
    }

    /// Whether the occurrence validates against the slice without errors, tried in a scratch run.
    private func conformsTrial(_ item: ElementItem, element: StructureElement, index: SnapshotIndex, modelPath: String) -> Bool {
        let trial = ValidationRun(validator: validator, options: options)
        trial.resourceStack = resourceStack
        trial.bundleStack = bundleStack
        trial.activeProfiles = activeProfiles
        trial.memo = memo
        trial.validateItem(item, element: element, index: index, modelPath: modelPath)
        return !trial.issues.contains { $0.severity == .error || $0.severity == .fatal }
    }

    /// What the slice requires at the discriminator path: the element there (in the slice or in
    /// its type's profile) and its fixed or pattern value.
    private func discriminatorElement(slice: StructureElement, steps: [DiscriminatorPath.Step], index: SnapshotIndex) -> DiscriminatorTarget {
        var current = slice
        var currentIndex = index
        for step in steps {
            switch step {
            case .this, .resolve:
                continue
            case .ofType:
                continue
            case .extension(let url):
                // The slice of `extension` whose profile is `url`.
                let extensions = currentIndex.children(of: current.id).first { $0.name == "extension" }
                if let extensions, let match = currentIndex.slices(of: extensions.id).first(where: { $0.types.contains { $0.profiles.contains(url) } }) {
                    current = match
                } else {
                    return DiscriminatorTarget(element: nil, fixed: .string(url), pattern: nil, binding: nil)
                }
            case .name(let name):
                if let child = currentIndex.children(of: current.id).first(where: { $0.name == name }) {
                    current = child
                    continue
                }
                // The children are in the type's profile (an extension slice's `url` or `value[x]`).
                if name == "url", let profile = current.types.first(where: { $0.typeName == "Extension" })?.profiles.first {
                    return DiscriminatorTarget(element: nil, fixed: .string(profile), pattern: nil, binding: nil)
                }
                guard let typeName = current.types.first?.typeName,
                      let definition = definitionForChildren(of: current, typeName: typeName) else {
                    return DiscriminatorTarget(element: nil, fixed: nil, pattern: nil, binding: nil)
                }
                currentIndex = self.index(of: definition)
                guard let root = currentIndex.root, let child = currentIndex.children(of: root.id).first(where: { $0.name == name }) else {
                    return DiscriminatorTarget(element: nil, fixed: nil, pattern: nil, binding: nil)
                }
                current = child
            }
        }
        return DiscriminatorTarget(element: current, fixed: current.fixed?.value, pattern: current.pattern?.value, binding: current.binding)
    }

    static func withoutIndex(_ path: String) -> String {
        guard path.hasSuffix("]"), let open = path.lastIndex(of: "[") else { return path }
        return String(path[..<open])
    }
}

/// What a slice says about the element its discriminator points at.
struct DiscriminatorTarget {
    var element: StructureElement?
    var fixed: JSONValue?
    var pattern: JSONValue?
    var binding: StructureBinding?
}

/// The restricted FHIRPath of slicing discriminators: names, `$this`, `extension('url')`,
/// `resolve()` and `ofType(T)`.
enum DiscriminatorPath {
    enum Step: Equatable {
        case this
        case name(String)
        case `extension`(String)
        case resolve
        case ofType(String)
    }

    struct Value {
        var value: JSONValue
        var typeName: String
    }

    static func steps(_ path: String) -> [Step] {
        var steps: [Step] = []
        var rest = Substring(path)
        while !rest.isEmpty {
            var segment: Substring
            if rest.hasPrefix("extension(") || rest.hasPrefix("ofType(") {
                guard let close = rest.firstIndex(of: ")") else { break }
                segment = rest[...close]
                rest = rest[rest.index(after: close)...]
            } else if let dot = rest.firstIndex(of: ".") {
                segment = rest[..<dot]
                rest = rest[dot...]
            } else {
                segment = rest
                rest = ""
            }
            if rest.hasPrefix(".") { rest = rest.dropFirst() }
            switch segment {
            case "$this": steps.append(.this)
            case "resolve()": steps.append(.resolve)
            default:
                if segment.hasPrefix("extension(") {
                    let inner = segment.dropFirst(10).dropLast().trimmingCharacters(in: ["'", "\""])
                    steps.append(.extension(inner))
                } else if segment.hasPrefix("ofType(") {
                    steps.append(.ofType(String(segment.dropFirst(7).dropLast())))
                } else {
                    steps.append(.name(String(segment)))
                }
            }
        }
        return steps
    }

    /// The values at the path in an occurrence: arrays flattened, choice properties found by stem.
    static func values(of item: ElementItem, steps: [Step], bundle: [String: JSONValue]?) -> [Value] {
        var current: [Value] = item.value.map { [Value(value: $0, typeName: item.typeName)] } ?? []
        for step in steps {
            var next: [Value] = []
            for value in current {
                switch step {
                case .this:
                    next.append(value)
                case .resolve:
                    if let reference = value.value["reference"]?.stringValue, let target = bundle?[reference] {
                        next.append(Value(value: target, typeName: target["resourceType"]?.stringValue ?? "Resource"))
                    }
                case .ofType(let type):
                    if value.typeName == type { next.append(value) }
                case .extension(let url):
                    for item in value.value["extension"]?.arrayValue ?? [] where item["url"]?.stringValue == url {
                        next.append(Value(value: item, typeName: "Extension"))
                    }
                case .name(let name):
                    guard let object = value.value.objectValue else { continue }
                    if let member = object[name] {
                        for element in member.arrayValue ?? [member] {
                            next.append(Value(value: element, typeName: element["resourceType"]?.stringValue ?? value.typeName))
                        }
                    } else {
                        for (key, member) in object where key.hasPrefix(name) && key.count > name.count {
                            let suffix = key.dropFirst(name.count)
                            guard let first = suffix.first, first.isUppercase else { continue }
                            let typeName = PrimitiveFormat.isPrimitive(first.lowercased() + suffix.dropFirst()) ? first.lowercased() + suffix.dropFirst() : String(suffix)
                            for element in member.arrayValue ?? [member] { next.append(Value(value: element, typeName: typeName)) }
                        }
                    }
                }
            }
            current = next
        }
        if steps.isEmpty || steps == [.this] {
            return current.map { value in
                if let type = value.value["resourceType"]?.stringValue { return Value(value: value.value, typeName: type) }
                return value
            }
        }
        return current
    }
}
