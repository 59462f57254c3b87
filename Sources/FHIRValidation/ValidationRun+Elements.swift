import FHIRDefinitions
import FHIRModel

/// One occurrence of an element in the instance: the JSON value (nil for a primitive that has
/// only extensions) and the primitive's `_name` companion.
struct ElementItem {
    var value: JSONValue?
    var companion: JSONObject?
    /// The JSON property name it came from (`valueQuantity` for `value[x]`).
    var propertyName: String
    /// The FHIR type the property name selects.
    var typeName: String
    /// The FHIRPath of this occurrence, with its index when the element repeats.
    var path: String
}

extension ValidationRun {
    /// Validates the members of a complex value against `element`'s children, taken from this
    /// snapshot when it defines them, otherwise from the element's type (or type profile).
    func validateObject(
        _ object: JSONObject,
        element: StructureElement,
        index: SnapshotIndex,
        path: String,
        modelPath: String,
        typeName: String,
        isResourceRoot: Bool = false
    ) {
        var definingIndex = index
        var definingElement = element
        if !index.hasChildren(element.id) {
            if let reference = element.contentReference, let target = index.element(referencedBy: reference) {
                definingElement = target
            } else if let typeDefinition = definitionForChildren(of: element, typeName: typeName) {
                definingIndex = self.index(of: typeDefinition)
                guard let root = definingIndex.root else { return }
                definingElement = root
                if typeDefinition.url != "http://hl7.org/fhir/StructureDefinition/\(typeName)", typeDefinition.derivation == .constraint {
                    // A type profile: its root constraints apply here too.
                    checkElementRules(.object(object), element: root, typeName: typeName, path: path)
                }
            } else {
                return
            }
        }
        let children = definingIndex.children(of: definingElement.id)
        if children.isEmpty {
            if !object.isEmpty && definingIndex.definition.kind != .primitiveType {
                report(.error, .structure, "The element has properties but its definition allows none", at: path)
            }
            return
        }
        if object.isEmpty && !isResourceRoot {
            report(.error, .invalid, "An object must have properties (ele-1: all FHIR elements must have a @value or children)", at: path)
        }

        // Which child each property belongs to.
        var propertiesByChild: [String: [String]] = [:]
        for (key, _) in object {
            if isResourceRoot && key == "resourceType" { continue }
            let name = key.hasPrefix("_") ? String(key.dropFirst()) : key
            guard let child = definingIndex.child(of: definingElement.id, propertyName: name) else {
                report(.error, .structure, "Unrecognized property '\(key)'", at: "\(path).\(key)")
                continue
            }
            if key.hasPrefix("_") {
                let type = Self.selectedType(of: child, propertyName: name)
                if let type, !PrimitiveFormat.isPrimitive(type) {
                    report(.error, .structure, "The property '\(key)' is only allowed for primitive values, and '\(name)' is a \(type)", at: "\(path).\(key)")
                    continue
                }
            }
            if !propertiesByChild[child.id, default: []].contains(name) {
                propertiesByChild[child.id, default: []].append(name)
            }
        }

        for child in children {
            let names = propertiesByChild[child.id] ?? []
            if names.count > 1 {
                report(.error, .structure, "Only one of \(names.map { "'\($0)'" }.joined(separator: ", ")) may be present: they are choices of '\(child.name)[x]'", at: "\(path).\(names[0])")
            }
            var items: [ElementItem] = []
            for name in names {
                items += collectItems(object, propertyName: name, element: child, path: path)
            }
            checkCardinality(child, count: items.count, path: "\(path).\(child.name)", definition: definingIndex.definition)
            guard !items.isEmpty else { continue }
            let childModelPath = modelPath + "." + child.name
            for item in items {
                // The model path names the chosen type of a choice (`Observation.valueQuantity`).
                validateItem(item, element: child, index: definingIndex, modelPath: child.isChoice ? modelPath + "." + item.propertyName : childModelPath)
            }
            let slices = definingIndex.slices(of: child.id)
            if !slices.isEmpty || child.slicing != nil {
                validateSlices(items, slicedElement: child, slices: slices, index: definingIndex, modelPath: childModelPath)
            }
        }
    }

    /// The definition that gives the children of `element` when its own snapshot does not:
    /// the type's profile if it has one, otherwise the base definition of the type.
    func definitionForChildren(of element: StructureElement, typeName: String) -> StructureDefinition? {
        if let type = element.types.first(where: { $0.typeName == typeName }) ?? (element.types.count == 1 ? element.types.first : nil) {
            for profile in type.profiles {
                if let definition = self.definition(url: profile), !definition.snapshot.isEmpty { return definition }
            }
        }
        return self.definition(forType: typeName)
    }

    /// Reads the occurrences of one property (and its `_` companion), checking that the JSON
    /// shape (array or single value) matches the element's cardinality.
    private func collectItems(_ object: JSONObject, propertyName: String, element: StructureElement, path: String) -> [ElementItem] {
        guard var typeName = Self.selectedType(of: element, propertyName: propertyName) else { return [] }
        // R4 types a resource's id as string; its lexical rule is that of id.
        if propertyName == "id", element.base?.path == "Resource.id" || (element.base == nil && isResourcePath(element.path)) {
            typeName = "id"
        }
        let value = object[propertyName]
        let companion = object["_" + propertyName]
        let repeats = Self.repeats(element)
        let location = "\(path).\(propertyName)"
        var items: [ElementItem] = []
        if repeats {
            let values: [JSONValue]
            if let value {
                guard let array = value.arrayValue else {
                    report(.error, .structure, "The property '\(propertyName)' must be a JSON array, because the element can repeat", at: location)
                    return [ElementItem(value: value, companion: companion?.objectValue, propertyName: propertyName, typeName: typeName, path: "\(location)[0]")]
                }
                values = array
            } else {
                values = []
            }
            var companions: [JSONValue] = []
            if let companion {
                if let array = companion.arrayValue { companions = array }
                else { report(.error, .structure, "The property '_\(propertyName)' must be a JSON array, because the element can repeat", at: "\(path)._\(propertyName)") }
            }
            if value != nil && values.isEmpty {
                report(.error, .structure, "The array '\(propertyName)' is empty; leave the property out instead", at: location)
            }
            if !companions.isEmpty && !values.isEmpty && companions.count != values.count {
                report(.error, .structure, "The arrays '\(propertyName)' and '_\(propertyName)' must have the same length", at: location)
            }
            let count = max(values.count, companions.count)
            for position in 0..<count {
                let item = position < values.count ? values[position] : nil
                let extra = position < companions.count ? companions[position].objectValue : nil
                if (item == nil || item == .null) && extra == nil {
                    report(.error, .structure, "A null in '\(propertyName)' needs a matching object in '_\(propertyName)'", at: "\(location)[\(position)]")
                    continue
                }
                items.append(ElementItem(value: item == .null ? nil : item, companion: extra, propertyName: propertyName, typeName: typeName, path: "\(location)[\(position)]"))
            }
        } else {
            if value?.arrayValue != nil {
                report(.error, .structure, "The property '\(propertyName)' must not be an array, because the element cannot repeat", at: location)
                for (position, item) in (value?.arrayValue ?? []).enumerated() {
                    items.append(ElementItem(value: item, companion: nil, propertyName: propertyName, typeName: typeName, path: "\(location)[\(position)]"))
                }
                return items
            }
            if let companion, companion.objectValue == nil {
                report(.error, .structure, "The property '_\(propertyName)' must be an object", at: "\(path)._\(propertyName)")
            }
            if value == .null {
                report(.error, .structure, "The property '\(propertyName)' is null; leave it out instead", at: location)
                return []
            }
            if value != nil || companion?.objectValue != nil {
                items.append(ElementItem(value: value, companion: companion?.objectValue, propertyName: propertyName, typeName: typeName, path: location))
            }
        }
        return items
    }

    private func isResourcePath(_ path: String) -> Bool {
        guard let dot = path.firstIndex(of: "."), path[path.index(after: dot)...] == "id" else { return false }
        return isResource(String(path[..<dot]))
    }

    /// Reports occurrences outside the element's cardinality.
    func checkCardinality(_ element: StructureElement, count: Int, path: String, definition: StructureDefinition, sliceName: String? = nil) {
        let what = sliceName.map { "Slice '\($0)' of \(element.path)" } ?? element.path
        if let min = element.min, count < min {
            report(.error, .required, "\(what): minimum required = \(min), but only found \(count)" + Self.profileNote(definition), at: path)
        }
        if let maximum = element.maxCount, count > maximum {
            report(.error, .structure, "\(what): max allowed = \(maximum), but found \(count)" + Self.profileNote(definition), at: path)
        }
    }

    static func profileNote(_ definition: StructureDefinition) -> String {
        definition.derivation == .constraint ? " (from \(definition.url))" : ""
    }

    /// Validates one occurrence: its type, value, fixed and pattern values, binding and invariants.
    func validateItem(_ item: ElementItem, element: StructureElement, index: SnapshotIndex, modelPath: String) {
        let typeName = item.typeName
        if element.isProhibited {
            report(.error, .structure, "The element \(element.path) is not allowed here" + Self.profileNote(index.definition), at: item.path)
        }
        if PrimitiveFormat.isPrimitive(typeName) {
            if let value = item.value {
                validatePrimitive(value, typeName: typeName, element: element, path: item.path)
            }
            if let companion = item.companion {
                validatePrimitiveExtensions(companion, typeName: typeName, path: item.path, modelPath: modelPath)
                if item.value == nil, options.checksBindings, let binding = element.binding, binding.strength == .required, validator.terminology != nil {
                    report(.error, .codeInvalid, "No code provided, and a code is required from the value set '\(binding.valueSet ?? "")'", at: item.path)
                }
            }
        } else if typeName == "Resource" || isResource(typeName) {
            guard let value = item.value else { return }
            let resourceType = value["resourceType"]?.stringValue ?? ""
            let candidates = element.types
                .filter { $0.typeName == resourceType || $0.typeName == "Resource" || $0.typeName == "DomainResource" }
                .flatMap(\.profiles)
            // Any one of the type's profiles suffices: validate against the first it conforms to.
            let chosen = candidates.count > 1 ? (candidates.first { validator.conforms(value, toProfile: $0) } ?? candidates[0]) : candidates.first
            validateResource(value, path: item.path, profiles: chosen.map { [$0] } ?? [], isTopLevel: false)
            return
        } else {
            guard let object = item.value?.objectValue else {
                report(.error, .structure, "The property '\(item.propertyName)' must be a JSON object (a \(typeName)), not \(item.value?.kindName ?? "nothing")", at: item.path)
                return
            }
            validateObject(object, element: element, index: index, path: item.path, modelPath: modelPath, typeName: typeName)
            validateSpecialType(object, typeName: typeName, element: element, path: item.path, modelPath: modelPath)
        }
        if let value = item.value {
            checkElementRules(value, element: element, typeName: typeName, path: item.path, companion: item.companion)
        }
    }

    /// Fixed, pattern, binding and invariants of `element` on one value.
    func checkElementRules(_ value: JSONValue, element: StructureElement, typeName: String, path: String, companion: JSONObject? = nil) {
        if let fixed = element.fixed, !FixedValueMatcher.equals(value, fixed.value) {
            report(.error, .value, "The value must be exactly \(FixedValueMatcher.describe(fixed.value)), but is \(FixedValueMatcher.describe(value))", at: path)
        }
        if let pattern = element.pattern, !FixedValueMatcher.matches(value, pattern: pattern.value) {
            report(.error, .value, "The value does not match the required pattern \(FixedValueMatcher.describe(pattern.value))", at: path)
        }
        if element.minValue != nil || element.maxValue != nil {
            checkLimits(value, typeName: typeName, element: element, path: path)
        }
        if options.checksBindings, let binding = element.binding {
            checkBinding(value, typeName: typeName, binding: binding, path: path)
        }
        if options.checksInvariants, !element.constraints.isEmpty {
            checkInvariants(value, typeName: typeName, elementPath: element.path, constraints: element.constraints, path: path, companion: companion)
        }
    }

    /// The type a property name selects for `element`: the choice suffix, or the only type.
    static func selectedType(of element: StructureElement, propertyName: String) -> String? {
        if !element.isChoice {
            if element.types.isEmpty { return element.contentReference != nil ? "BackboneElement" : "Element" }
            return element.types.count == 1 ? element.types[0].typeName : element.types.first?.typeName
        }
        let suffix = propertyName.dropFirst(element.name.count)
        guard let first = suffix.first, first.isUppercase else { return nil }
        for type in element.types {
            let name = type.typeName
            if name.prefix(1).uppercased() + name.dropFirst() == suffix { return name }
        }
        return nil
    }

    /// Whether the element is a JSON array: from the base cardinality, which profiles cannot change.
    static func repeats(_ element: StructureElement) -> Bool {
        let max = element.base?.max ?? element.max ?? "1"
        return max != "1" && max != "0"
    }
}
