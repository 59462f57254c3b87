import FHIRDefinitions
import Foundation
import FHIRTerminology

/// The code system of the `code` elements a token parameter indexes, which carry no system of
/// their own: when each such element has a required binding to a value set drawing on one code
/// system, that system (`Patient.gender` → `http://hl7.org/fhir/administrative-gender`), so that
/// `gender=http://hl7.org/fhir/administrative-gender|male` and `gender:in=…` match.
///
/// ```swift
/// let system = BoundCodeSystem.system(of: genderParameter, typeModel: model, terminology: terminology)
/// // "http://hl7.org/fhir/administrative-gender"
/// ```
enum BoundCodeSystem {
    /// The system of `parameter`'s `code` values, or nil when it has none, or when its
    /// expression is not a union of plain element paths (`Patient.gender | Person.gender`) or its
    /// code elements do not agree on one system.
    static func system(of parameter: SupportedSearchParameter, typeModel: TypeModel, terminology: TerminologyService) -> String? {
        guard parameter.type == .token, let expression = parameter.expression,
              let type = typeModel.type(named: parameter.resourceType) else { return nil }
        var found: String?
        for part in expression.split(separator: "|") {
            let path = part.trimmingCharacters(in: .whitespaces)
            guard isPlainPath(path, of: parameter.resourceType), let element = type.element(atPath: path) else { return nil }
            // Codings, CodeableConcepts and Identifiers carry their own systems.
            guard element.types.contains(where: { $0.code == "code" }) else { continue }
            guard element.types.count == 1, let binding = element.binding, binding.strength == .required,
                  let url = binding.valueSetURL, let system = singleSystem(ofValueSet: url, terminology: terminology) else { return nil }
            if let found, found != system { return nil }
            found = system
        }
        return found
    }

    /// Whether `path` is `Type.element(.element)*` of `resourceType`, without functions or casts.
    static func isPlainPath(_ path: String, of resourceType: String) -> Bool {
        guard path.hasPrefix(resourceType + ".") else { return false }
        return path.allSatisfy { $0 == "." || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }

    /// The one code system every code of the value set at `url` comes from; nil when it draws on
    /// several, on other value sets, or is unknown.
    static func singleSystem(ofValueSet url: String, terminology: TerminologyService) -> String? {
        guard let valueSet = terminology.registry.valueSet(url) else { return nil }
        let sets = valueSet.include + valueSet.exclude
        guard !valueSet.include.isEmpty, sets.allSatisfy({ $0.valueSets.isEmpty }) else { return nil }
        let systems = Set(sets.map(\.system))
        guard systems.count == 1, let system = systems.first ?? nil else { return nil }
        return system
    }
}
