import FHIRDefinitions
import FHIRModel
import FHIRTerminology
import FHIRPath

extension ValidationRun {
    /// Invariants Kiln checks natively rather than through FHIRPath, because they hold on every
    /// element and the walk already enforces them.
    static let nativelyChecked: Set<String> = ["ele-1"]

    /// Invariants whose expressions only look at `contained`, so they hold without it.
    static let containedOnly: Set<String> = ["dom-2", "dom-3", "dom-4", "dom-5"]

    /// Evaluates each constraint on `value`; a constraint that evaluates to false is reported at
    /// its own severity, one that cannot be evaluated as a warning.
    func checkInvariants(_ value: JSONValue, typeName: String, elementPath: String, constraints: [ElementConstraint], path: String, companion: JSONObject?) {
        // dom-2 … dom-5 are about contained resources: true when there are none.
        let hasContained = value["contained"] != nil
        for constraint in constraints {
            guard !Self.nativelyChecked.contains(constraint.key), let text = constraint.expression else { continue }
            if !hasContained && Self.containedOnly.contains(constraint.key) { continue }
            if constraint.isBestPractice && !options.reportsBestPractice { continue }
            switch validator.cache.invariant(text) {
            case .failed(let reason):
                report(.warning, .processing, "The invariant \(constraint.key) could not be compiled: \(reason)", at: path)
            case .compiled(let expression):
                do {
                    let evaluationType = Self.evaluationType(typeName: typeName, elementPath: elementPath, isResource: isResource(typeName))
                    let result: [FHIRPathValue]
                    if let resource = resourceStack.last, let root = resourceStack.first {
                        result = try expression.evaluate(element: value, typeName: evaluationType, resource: resource, rootResource: root, environment: environment)
                    } else {
                        result = try expression.evaluate(value, typeName: evaluationType, environment: environment)
                    }
                    if Self.isFalse(result) {
                        let severity: IssueSeverity = constraint.severity == .error && !constraint.isBestPractice ? .error : .warning
                        report(severity, .invariant, "Constraint failed: \(constraint.key): '\(constraint.human)'", at: path)
                    }
                } catch {
                    report(.warning, .processing, "The invariant \(constraint.key) could not be evaluated: \(error.message)", at: path)
                }
            }
        }
    }

    /// The type invariants see the value as: its type, or for a backbone element its path.
    static func evaluationType(typeName: String, elementPath: String, isResource: Bool) -> String? {
        if isResource { return nil }
        if (typeName == "BackboneElement" || typeName == "Element") && elementPath.contains(".") { return elementPath }
        return typeName
    }

    /// Whether an invariant's result means "violated": exactly `false`. Empty results pass.
    static func isFalse(_ result: [FHIRPathValue]) -> Bool {
        guard result.count == 1 else { return false }
        if case .boolean(false) = result[0].systemValue { return true }
        return false
    }
}

/// Answers FHIRPath's memberOf() with a ``CodeChecker``.
struct MemberOfAdapter: TerminologyProvider {
    let checker: any CodeChecker

    func isMember(_ coded: FHIRPathValue, ofValueSet url: String) throws -> Bool {
        let codes: [TerminologyCoding]
        switch coded.typeName {
        case "Coding":
            codes = ValidationRun.givenCode(coding: coded.jsonValue).map { [$0] } ?? []
        case "CodeableConcept":
            codes = (coded.jsonValue["coding"]?.arrayValue ?? []).compactMap(ValidationRun.givenCode(coding:))
        default:
            guard let text = coded.jsonValue.stringValue else { return false }
            codes = [TerminologyCoding(system: nil, code: text)]
        }
        return codes.contains { checker.check(code: $0.code, system: $0.system, display: nil, valueSet: url).outcome == .valid }
    }
}

/// Answers FHIRPath's conformsTo() with a ``Validator``.
struct ConformsToAdapter: ProfileValidator {
    let validator: Validator

    func conforms(_ value: FHIRPathValue, toProfile url: String) throws -> Bool {
        let typeName = value.typeName
        return validator.conforms(value.jsonValue, typeName: validator.isResource(typeName) ? nil : typeName, toProfile: url)
    }
}
