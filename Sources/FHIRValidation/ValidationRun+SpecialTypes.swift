import FHIRDefinitions
import FHIRModel
import Foundation

extension ValidationRun {
    /// The checks particular to some datatypes: extensions against their definitions, references
    /// against their targets, Coding and Quantity codes against their systems.
    func validateSpecialType(_ object: JSONObject, typeName: String, element: StructureElement, path: String, modelPath: String) {
        switch typeName {
        case "Extension":
            validateExtension(object, element: element, path: path, modelPath: modelPath)
        case "Reference":
            validateReference(object, element: element, path: path)
        case "Coding":
            checkCodingInSystem(object, path: path)
        case "Quantity":
            checkQuantityUnit(object, path: path)
        case "Attachment":
            checkAttachmentSize(object, path: path)
        default:
            break
        }
    }

    /// An extension: its URL must be known (warning otherwise), allowed where it is used, and its
    /// content valid against its definition. Slices of a profile that name the definition are
    /// validated through the slice; this covers the others.
    private func validateExtension(_ object: JSONObject, element: StructureElement, path: String, modelPath: String) {
        guard let url = object["url"]?.stringValue else { return }
        let isModifier = element.name == "modifierExtension"
        if element.types.contains(where: { !$0.profiles.isEmpty }) { return }
        // Inside a complex extension, child extensions are identified by a relative URL.
        if !url.contains(":") { return }
        guard let definition = self.definition(url: url), !definition.snapshot.isEmpty else {
            if Self.isCrossVersionExtension(url) {
                report(.information, .informational, "The cross-version extension '\(url)' is recognised by its URL; its content was not validated", at: path)
                return
            }
            // Kiln's policy: what it does not know is a warning, never an error.
            if isModifier {
                report(.warning, .structure, "The modifier extension '\(url)' is not known: it may change the meaning of this element, and its content was not validated", at: path)
            } else {
                report(.warning, .structure, "The extension '\(url)' is not known; its content was not validated", at: path)
            }
            return
        }
        guard definition.type == "Extension" else {
            report(.error, .structure, "The URL '\(url)' names a \(definition.type) definition, not an extension", at: path)
            return
        }
        checkExtensionContext(definition, modelPath: modelPath, path: path)
        guard !activeProfiles.contains(definition.url) else { return }
        activeProfiles.append(definition.url)
        defer { activeProfiles.removeLast() }
        validateAgainstRoot(object, definition: definition, path: path, modelPath: modelPath)
    }

    /// Whether `url` names one of the extensions that stand for an element of another FHIR
    /// version (`http://hl7.org/fhir/5.0/StructureDefinition/extension-…`).
    static func isCrossVersionExtension(_ url: String) -> Bool {
        guard url.hasPrefix("http://hl7.org/fhir/"), let range = url.range(of: "/StructureDefinition/extension-") else { return false }
        let version = url[url.index(url.startIndex, offsetBy: 20)..<range.lowerBound]
        return version.count == 3 && version.dropFirst().first == "." && version.first?.isNumber == true
    }

    /// An Attachment's stated size must match its data.
    private func checkAttachmentSize(_ object: JSONObject, path: String) {
        guard let data = object["data"]?.stringValue, let sizeValue = object["size"]?.numberValue, let size = Int(sizeValue.text) else { return }
        guard let decoded = Data(base64Encoded: data, options: .ignoreUnknownCharacters) else { return }
        if decoded.count != size {
            report(.error, .structure, "The stated attachment size \(size) does not match the size of its data, \(decoded.count) bytes", at: "\(path).size")
        }
    }

    /// Whether the extension may be used on the element at `modelPath` (such as `Patient.extension`).
    private func checkExtensionContext(_ definition: StructureDefinition, modelPath: String, path: String) {
        guard !definition.contexts.isEmpty else { return }
        // The host is the element holding `extension`: `Patient` for `Patient.extension`.
        var hostPath = modelPath
        if let dot = hostPath.lastIndex(of: ".") { hostPath = String(hostPath[..<dot]) }
        let hostType = hostTypes(of: hostPath)
        for context in definition.contexts {
            switch context.kind {
            case .fhirpath, .extension:
                // Contexts given as FHIRPath or as another extension are not checked.
                return
            case .element:
                let expression = context.expression
                if expression == "Element" || expression == "Base" || expression == hostPath { return }
                if hostType.contains(expression) { return }
                if expression.hasSuffix(".extension") || expression.hasSuffix(".modifierExtension") {
                    if String(expression.dropLast(expression.hasSuffix(".extension") ? 10 : 18)) == hostPath { return }
                }
                // A resource-level extension may name the abstract bases.
                if (expression == "Resource" || expression == "DomainResource") && !hostPath.contains(".") { return }
            }
        }
        let allowed = definition.contexts.map(\.expression).joined(separator: ", ")
        report(.error, .structure, "The extension '\(definition.url)' is not allowed on \(hostPath) (its contexts are: \(allowed))", at: path)
    }

    /// The type names an element path has (and their base types), such as `Address` for `Patient.address`.
    private func hostTypes(of modelPath: String) -> Set<String> {
        let parts = modelPath.split(separator: ".").map(String.init)
        guard let first = parts.first else { return [] }
        var result: Set<String> = [first]
        guard parts.count > 1, let base = self.definition(forType: first) else {
            result.formUnion(ancestors(of: first))
            return result
        }
        // Walk the base definitions to find the element's type.
        var definition = base
        var path = first
        var typeName = first
        for part in parts.dropFirst() {
            path += "." + part
            let index = self.index(of: definition)
            var chosenType: String?
            var element = index.element(id: path) ?? definition.snapshot.first(where: { $0.path == path })
            if element == nil, let parent = index.element(id: String(path[..<(path.lastIndex(of: ".") ?? path.endIndex)])),
               let choice = index.child(of: parent.id, propertyName: part), choice.isChoice {
                element = choice
                chosenType = Self.selectedType(of: choice, propertyName: part)
                path = choice.path
            }
            guard let element else { return result }
            result.insert(path)
            if let chosenType, let next = self.definition(forType: chosenType) {
                definition = next
                path = chosenType
                typeName = chosenType
                continue
            }
            if index.hasChildren(element.id) {
                typeName = element.types.first?.typeName ?? "BackboneElement"
                result.insert(path)
                continue
            }
            guard let type = element.types.first?.typeName, let next = self.definition(forType: type) else { return result }
            definition = next
            path = type
            typeName = type
        }
        result.insert(typeName)
        result.insert(path)
        result.formUnion(ancestors(of: typeName))
        return result
    }

    private func ancestors(of typeName: String) -> [String] {
        var names: [String] = []
        var current = self.definition(forType: typeName)?.baseDefinition
        while let url = current, names.count < 8 {
            guard let definition = self.definition(url: url) else { break }
            names.append(definition.type)
            current = definition.baseDefinition
        }
        return names
    }

    /// A reference: its form, that `#id` resolves to a contained resource, and that the target's
    /// type is one the element allows.
    private func validateReference(_ object: JSONObject, element: StructureElement, path: String) {
        guard let reference = object["reference"]?.stringValue else { return }
        let allowedTypes = allowedTargetTypes(element)
        var targetType: String?
        if reference.hasPrefix("#") {
            let id = String(reference.dropFirst())
            if id.isEmpty { return }
            // A contained resource may point at its siblings: look in every enclosing resource.
            let target = resourceStack.reversed().lazy.compactMap { container in
                (container["contained"]?.arrayValue ?? []).first { $0["id"]?.stringValue == id }
            }.first
            guard let target else {
                report(.error, .structure, "The reference '\(reference)' does not resolve to a contained resource", at: "\(path).reference")
                return
            }
            targetType = target["resourceType"]?.stringValue
        } else if let resolved = bundleStack.last?[reference] {
            targetType = resolved["resourceType"]?.stringValue
        } else if reference.hasPrefix("urn:uuid:") || reference.hasPrefix("urn:oid:") {
            targetType = object["type"]?.stringValue
        } else {
            let parts = reference.split(separator: "/").map(String.init)
            if let historyIndex = parts.lastIndex(of: "_history"), historyIndex >= 2 {
                targetType = parts[historyIndex - 2]
            } else if parts.count >= 2 {
                targetType = parts[parts.count - 2]
            }
            if let bundle = bundleStack.last, parts.count >= 2, let resolved = bundle["\(parts[parts.count - 2])/\(parts[parts.count - 1])"] {
                targetType = resolved["resourceType"]?.stringValue
            }
            if let type = targetType, self.definition(forType: type)?.kind != .resource {
                if !reference.contains(":") {
                    report(.error, .structure, "The reference '\(reference)' is not a valid reference: '\(type)' is not a resource type", at: "\(path).reference")
                }
                targetType = nil
            }
        }
        if let declared = object["type"]?.stringValue, let targetType, declared != targetType {
            report(.error, .structure, "The reference's type is '\(declared)', but it points at a \(targetType)", at: "\(path).type")
        }
        guard let targetType, !allowedTypes.isEmpty, !allowedTypes.contains("Resource") else { return }
        if !allowedTypes.contains(targetType) {
            report(.error, .structure, "Invalid Resource target type. Found \(targetType), but expected one of (\(allowedTypes.sorted().joined(separator: ", ")))", at: "\(path).reference")
        }
    }

    /// The resource types a Reference element may point at, from its target profiles.
    private func allowedTargetTypes(_ element: StructureElement) -> Set<String> {
        var types: Set<String> = []
        for type in element.types where type.typeName == "Reference" {
            for profile in type.targetProfiles {
                if let definition = self.definition(url: profile) {
                    types.insert(definition.type)
                } else if profile.hasPrefix("http://hl7.org/fhir/StructureDefinition/"), let last = profile.split(separator: "/").last {
                    types.insert(String(last))
                } else {
                    // An unknown target profile: Kiln cannot tell which types it allows.
                    types.insert("Resource")
                }
            }
        }
        return types
    }
}
