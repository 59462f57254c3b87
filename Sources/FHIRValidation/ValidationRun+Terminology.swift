import FHIRDefinitions
import FHIRModel
import FHIRTerminology

extension ValidationRun {
    /// Checks a coded value against a required or extensible binding: required bindings give
    /// errors, extensible ones warnings; preferred and example bindings are not checked. When
    /// Kiln cannot tell (a system or value set it does not ship), it says so without an error.
    func checkBinding(_ value: JSONValue, typeName: String, binding: StructureBinding, path: String) {
        guard binding.strength == .required || binding.strength == .extensible,
              let valueSet = binding.valueSet, validator.terminology != nil else { return }
        let codes: [TerminologyCoding]
        switch typeName {
        case "code", "string", "uri":
            guard let text = value.stringValue else { return }
            codes = [TerminologyCoding(system: nil, code: text)]
        case "Coding":
            guard let coding = Self.givenCode(coding: value) else { return }
            codes = [coding]
        case "CodeableConcept":
            codes = (value["coding"]?.arrayValue ?? []).compactMap(Self.givenCode(coding:))
            if codes.isEmpty {
                if binding.strength == .required && value["text"] == nil {
                    report(.error, .codeInvalid, "No code provided, and a code is required from the value set '\(valueSet)'", at: path)
                }
                return
            }
        case "Quantity":
            guard let code = value["code"]?.stringValue else { return }
            codes = [TerminologyCoding(system: value["system"]?.stringValue, code: code)]
        default:
            return
        }
        var cannotTell: [String] = []
        var invalid: [String] = []
        for given in codes {
            guard let answer = checkCode(given.code, system: given.system, display: nil, valueSet: valueSet) else { return }
            switch answer.outcome {
            case .valid: return
            case .invalid: invalid.append(answer.message ?? "The code '\(given.code)' is not in the value set '\(valueSet)'")
            case .cannotTell: cannotTell.append(answer.message ?? "The value set '\(valueSet)' could not be checked")
            }
        }
        if !invalid.isEmpty && cannotTell.isEmpty {
            let described = codes.map { ($0.system.map { "\($0)#" } ?? "") + $0.code }.joined(separator: ", ")
            let message = codes.count == 1 ? invalid[0] : "None of the codes provided (\(described)) are in the value set '\(valueSet)'"
            if binding.strength == .required {
                report(.error, .codeInvalid, message, at: path)
            } else {
                report(.warning, .codeInvalid, message + " (the binding is extensible)", at: path)
            }
        } else if let first = cannotTell.first {
            report(binding.strength == .required ? .warning : .information, .notFound, first, at: path)
        }
    }

    /// Checks a Coding's code against its code system, when Kiln ships the system: an unknown
    /// code is an error, a display that differs from the concept's is a warning.
    func checkCodingInSystem(_ object: JSONObject, path: String) {
        guard options.checksBindings, validator.terminology != nil,
              let system = object["system"]?.stringValue, let code = object["code"]?.stringValue else { return }
        guard let answer = checkCode(code, system: system, display: object["display"]?.stringValue, valueSet: nil) else { return }
        switch answer.outcome {
        case .valid:
            if answer.displayIsWrong, let display = object["display"]?.stringValue {
                let expected = answer.display.map { ": the display of '\(code)' is '\($0)'" } ?? ""
                report(.warning, .codeInvalid, "Wrong display '\(display)' for \(system)#\(code)\(expected)", at: "\(path).display")
            }
        case .invalid:
            report(.error, .codeInvalid, answer.message ?? "Unknown code '\(code)' in the code system '\(system)'", at: "\(path).code")
        case .cannotTell:
            break
        }
    }

    /// Checks a Quantity's UCUM unit code.
    func checkQuantityUnit(_ object: JSONObject, path: String) {
        guard options.checksBindings, validator.terminology != nil,
              object["system"]?.stringValue == "http://unitsofmeasure.org", let code = object["code"]?.stringValue else { return }
        guard let answer = checkCode(code, system: "http://unitsofmeasure.org", display: nil, valueSet: nil) else { return }
        if answer.outcome == .invalid {
            report(.error, .codeInvalid, answer.message ?? "'\(code)' is not a valid UCUM unit", at: "\(path).code")
        }
    }

    static func givenCode(coding: JSONValue) -> TerminologyCoding? {
        guard let code = coding["code"]?.stringValue else { return nil }
        return TerminologyCoding(system: coding["system"]?.stringValue, code: code, display: coding["display"]?.stringValue)
    }
}
