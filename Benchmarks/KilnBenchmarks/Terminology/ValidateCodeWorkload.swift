import FHIRTerminology

/// The codes the validate-code benchmark checks: ICD-10-CM codes against the code system and an
/// ICD-10-CM value set, a LOINC code, administrative gender against its value set, and invalid codes.
struct ValidateCodeWorkload: Sendable {
    /// The requests, for the in-process loop.
    let requests: [CodeValidationRequest]

    /// The value set over ICD-10-CM diabetes codes that the workload registers (in process) or
    /// stores (over HTTP).
    static let diabetesValueSet = "http://example.org/ValueSet/bench-diabetes"

    /// The workload.
    init() {
        let icd = KnownSystems.icd10CM
        let gender = "http://hl7.org/fhir/administrative-gender"
        requests = [
            CodeValidationRequest(system: icd, code: "E11.9"),
            CodeValidationRequest(system: icd, code: "I10", display: "Essential (primary) hypertension"),
            CodeValidationRequest(system: icd, code: "J45.909"),
            CodeValidationRequest(system: icd, code: "E11.65", valueSet: Self.diabetesValueSet),
            CodeValidationRequest(system: icd, code: "I10", valueSet: Self.diabetesValueSet),
            CodeValidationRequest(system: icd, code: "Q99.99"),
            CodeValidationRequest(system: KnownSystems.loinc, code: "2345-7"),
            CodeValidationRequest(system: gender, code: "female", valueSet: "http://hl7.org/fhir/ValueSet/administrative-gender"),
            CodeValidationRequest(system: gender, code: "woman", valueSet: "http://hl7.org/fhir/ValueSet/administrative-gender"),
            CodeValidationRequest(system: KnownSystems.snomedCT, code: "44054006"),
        ]
    }

    /// The ValueSet the workload validates against.
    static let diabetesValueSetJSON = """
        {"resourceType":"ValueSet","url":"\(diabetesValueSet)","status":"active","compose":{"include":[{"system":"\(KnownSystems.icd10CM)","filter":[{"property":"concept","op":"is-a","value":"E11"}]}]}}
        """

    /// The request paths (relative to the FHIR base) of `$validate-code` over HTTP.
    var paths: [String] {
        requests.map { request in
            var query: [String] = []
            if let system = request.system { query.append("system=\(Self.escape(system))") }
            query.append("code=\(Self.escape(request.code))")
            if let display = request.display { query.append("display=\(Self.escape(display))") }
            if let valueSet = request.valueSet {
                query.append("url=\(Self.escape(valueSet))")
                return "ValueSet/$validate-code?" + query.joined(separator: "&")
            }
            if let system = request.system { query.append("url=\(Self.escape(system))") }
            return "CodeSystem/$validate-code?" + query.joined(separator: "&")
        }
    }

    private static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", "-", ".", "_", "~", ":", "/": result.unicodeScalars.append(scalar)
            default: for byte in String(scalar).utf8 { result += "%" + String(byte, radix: 16, uppercase: true).leftPadded() }
            }
        }
        return result
    }
}

extension String {
    fileprivate func leftPadded() -> String { count == 1 ? "0" + self : self }
}
