import FHIRDefinitions
import Foundation
import FHIRDeidentify

/// One element a search parameter reaches, and what the profile does to it.
struct ReachedElement: Sendable, Hashable {
    /// The element's path from the searched type (`Patient.birthDate`), or the path of the
    /// enclosing element that decides it (`Patient.address` for `Patient.address.postalCode`).
    var path: String
    /// The datatype reached (`date`, `CodeableConcept`, `Reference`).
    var datatype: String
    /// What the profile does to it; ``DeidentificationMethod/drop`` when an enclosing element is removed.
    var method: DeidentificationMethod
}

/// Reads a search parameter's FHIRPath as the element paths it reaches and decides each by the
/// profile's rules, the way the engine decides the elements it serves: a path rule for the
/// element (also from `Resource`/`DomainResource`), else the datatype rule of its type or of the
/// nearest base type, else removed; a backbone element only by a path rule; an enclosing element
/// that is removed or changed decides everything below it.
///
/// Only plain paths are read: `Type.a.b`, with `.where(…)` filters, and `as T`, `.as(T)` or
/// `.ofType(T)` at the end. Anything else (other functions, constants, `extension('…')`) cannot
/// be told, and the policy refuses it.
struct ResearchElementReach: Sendable {
    /// The profile.
    let rules: DeidentificationRules
    /// The R4 types, for each element's datatype.
    let model: TypeModel
    private let pathRules: [String: DeidentificationMethod]
    private let datatypeRules: [String: DeidentificationMethod]

    /// The reach of the profile's rules over the types of `model`.
    init(rules: DeidentificationRules, model: TypeModel) {
        self.rules = rules
        self.model = model
        var paths: [String: DeidentificationMethod] = [:]
        var datatypes: [String: DeidentificationMethod] = [:]
        for rule in rules.rules {
            switch rule.selector {
            case .path(let path): paths[path] = rule.method
            case .datatype(let name): datatypes[name] = rule.method
            }
        }
        pathRules = paths
        datatypeRules = datatypes
    }

    /// The elements `expression` reaches on `resourceType`; nil when a branch is not a plain path
    /// or does not resolve.
    func elements(reachedBy expression: String, on resourceType: String) -> [ReachedElement]? {
        var reached: [ReachedElement] = []
        for branch in Self.branches(of: expression) {
            guard let path = ParsedPath(branch), let elements = elements(of: path, on: resourceType) else { return nil }
            reached += elements
        }
        return reached.isEmpty ? nil : reached
    }

    /// The method the profile gives a datatype by its own rule or its nearest base type's; drop when none.
    func method(ofDatatype name: String) -> DeidentificationMethod {
        for candidate in [name] + model.baseTypeNames(of: name) {
            if let method = datatypeRules[candidate] { return method }
        }
        return .drop
    }

    private func elements(of path: ParsedPath, on resourceType: String) -> [ReachedElement]? {
        guard let first = path.segments.first, first == resourceType || first == "Resource" || first == "DomainResource",
              path.segments.count >= 2 else { return nil }
        var segments = [resourceType]
        for (index, segment) in path.segments.dropFirst().enumerated() {
            segments.append(segment)
            let written = segments.joined(separator: ".")
            guard let resolved = model.resolve(path: written) else { return nil }
            let isLast = index == path.segments.count - 2
            let types = isLast && path.narrowedType != nil ? [path.narrowedType ?? ""] : resolved.types.map(\.code)
            if let method = pathMethod(of: resolved.element, narrowedTo: isLast ? path.narrowedType : nil) {
                if isLast { return types.map { ReachedElement(path: written, datatype: $0, method: method) } }
                if method != .keep { return [ReachedElement(path: written, datatype: types.first ?? "", method: method)] }
                continue
            }
            if types.isEmpty || types.contains("BackboneElement") || types.contains("Element") {
                return [ReachedElement(path: written, datatype: "BackboneElement", method: .drop)]
            }
            if isLast { return types.map { ReachedElement(path: written, datatype: $0, method: method(ofDatatype: $0)) } }
            for type in types where method(ofDatatype: type) != .keep {
                return [ReachedElement(path: written, datatype: type, method: method(ofDatatype: type))]
            }
        }
        return nil
    }

    /// The path rule that decides `element`: its own path, the choice narrowed to a type, or the
    /// same path from `Resource` or `DomainResource`.
    private func pathMethod(of element: ElementDefinition, narrowedTo type: String?) -> DeidentificationMethod? {
        let stem = element.path.hasSuffix("[x]") ? String(element.path.dropLast(3)) : element.path
        var candidates: [String] = []
        if let type, element.isChoice, let initial = type.first { candidates.append(stem + initial.uppercased() + type.dropFirst()) }
        candidates.append(stem)
        if let dot = stem.firstIndex(of: ".") {
            let rest = stem[dot...]
            candidates += ["DomainResource" + rest, "Resource" + rest]
        }
        return candidates.lazy.compactMap { pathRules[$0] }.first
    }

    /// The top-level `|` branches of an expression; a `|` inside parentheses or quotes does not split.
    static func branches(of expression: String) -> [String] {
        var branches: [String] = []
        var current = ""
        var depth = 0
        var quoted = false
        for character in expression {
            if character == "'" { quoted.toggle() }
            if !quoted {
                if character == "(" { depth += 1 }
                if character == ")" { depth -= 1 }
                if character == "|", depth == 0 {
                    branches.append(current)
                    current = ""
                    continue
                }
            }
            current.append(character)
        }
        branches.append(current)
        return branches.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// A plain path read from one branch of a search expression: its element names and the type an
/// `as`/`ofType` at the end narrows it to.
struct ParsedPath: Sendable, Hashable {
    /// `["Observation", "value"]`.
    var segments: [String]
    /// `Quantity` for `Observation.value as Quantity`.
    var narrowedType: String?

    /// The path of `branch`; nil when it is anything but a plain path with `where` filters and
    /// an ending type cast.
    init?(_ branch: String) {
        var scanner = Substring(branch)
        scanner = scanner.drop { $0 == "(" || $0 == " " }
        var segments: [String] = []
        var narrowed: String?
        while true {
            let name = scanner.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            guard !name.isEmpty else { return nil }
            scanner = scanner.dropFirst(name.count)
            if scanner.first == "(" {
                guard let arguments = Self.arguments(&scanner) else { return nil }
                switch name {
                case "where": break
                case "as", "ofType":
                    let type = arguments.hasPrefix("FHIR.") ? String(arguments.dropFirst(5)) : arguments
                    guard !type.isEmpty, type.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
                    narrowed = type
                default: return nil
                }
            } else {
                guard narrowed == nil else { return nil }
                segments.append(String(name))
            }
            if scanner.hasPrefix(" as ") {
                scanner = scanner.dropFirst(4)
                let type = scanner.prefix { $0.isLetter || $0.isNumber }
                guard !type.isEmpty else { return nil }
                narrowed = String(type)
                scanner = scanner.dropFirst(type.count)
            }
            if scanner.first == "." {
                guard narrowed == nil else { return nil }
                scanner = scanner.dropFirst()
                continue
            }
            guard scanner.allSatisfy({ $0 == ")" || $0 == " " }) else { return nil }
            break
        }
        self.segments = segments
        self.narrowedType = narrowed
    }

    /// The text between the parentheses that open `scanner`, which moves past the closing one; nil when they do not close.
    private static func arguments(_ scanner: inout Substring) -> String? {
        var depth = 0
        var quoted = false
        var index = scanner.startIndex
        while index < scanner.endIndex {
            let character = scanner[index]
            if character == "'" { quoted.toggle() }
            if !quoted, character == "(" { depth += 1 }
            if !quoted, character == ")" {
                depth -= 1
                if depth == 0 {
                    let inner = scanner[scanner.index(after: scanner.startIndex)..<index]
                    scanner = scanner[scanner.index(after: index)...]
                    return inner.trimmingCharacters(in: .whitespaces)
                }
            }
            index = scanner.index(after: index)
        }
        return nil
    }
}
