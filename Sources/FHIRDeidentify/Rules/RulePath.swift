/// The simplified FHIRPath a rule names elements with: dotted element names from a resource
/// type, `Resource`, `DomainResource` or a datatype.
///
/// A choice element is named by its stem (every type: `Observation.value`, also written
/// `Observation.value[x]`) or with its type (`Observation.valueQuantity`, also written
/// `Observation.value.ofType(Quantity)`). Nothing else of FHIRPath is accepted: a rule is a
/// place in a resource, not a query.
///
/// ```swift
/// RulePath.normalize("Observation.value.ofType(Quantity)")  // "Observation.valueQuantity"
/// RulePath.normalize("Observation.value[x]")                // "Observation.value"
/// RulePath.normalize("Patient.name.where(use = 'official')") // nil
/// ```
public enum RulePath {
    /// The path in its one stored form, or nil when it is not a simplified path.
    public static func normalize(_ text: String) -> String? {
        var segments: [String] = []
        // `ofType(FHIR.Quantity)` names the same type as `ofType(Quantity)`; its dot is no path step.
        let unqualified = text.replacing("ofType(FHIR.", with: "ofType(")
        for part in unqualified.split(separator: ".", omittingEmptySubsequences: false) {
            let segment = String(part)
            if segment.hasPrefix("ofType("), segment.hasSuffix(")") {
                let type = String(segment.dropFirst("ofType(".count).dropLast())
                guard segments.count > 1, isName(type), let last = segments.popLast(), let first = type.first else { return nil }
                segments.append(last + first.uppercased() + type.dropFirst())
                continue
            }
            let name = segment.hasSuffix("[x]") ? String(segment.dropLast(3)) : segment
            guard isName(name) else { return nil }
            segments.append(name)
        }
        guard segments.count >= 2 else { return nil }
        return segments.joined(separator: ".")
    }

    /// Whether `text` is an element or type name: a letter, then letters, digits or `_`.
    static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCIILetter else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" }
    }
}

extension Unicode.Scalar {
    /// Whether this is `A`–`Z` or `a`–`z`.
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
