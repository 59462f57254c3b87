extension SearchParameterDefinition {
    /// The part of ``expression`` that applies to `resourceType`.
    ///
    /// A parameter shared by several resource types has one union branch per type
    /// (`AllergyIntolerance.patient | CarePlan.subject.where(resolve() is Patient) | …`); this
    /// keeps the branches that start with `resourceType`, joined with ` | `. When no branch names
    /// the type (`Resource.id`, or InsurancePlan `name | alias`), the whole expression applies.
    public func expression(for resourceType: String) -> String? {
        guard let expression else { return nil }
        let branches = Self.unionBranches(of: expression)
        let matching = branches.filter { Self.leadingIdentifier(of: $0) == resourceType }
        return matching.isEmpty ? expression : matching.joined(separator: " | ")
    }

    /// The top-level `|` branches of a FHIRPath expression, trimmed; a `|` inside parentheses,
    /// brackets, strings or quoted identifiers does not split.
    static func unionBranches(of expression: String) -> [String] {
        var branches: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        var escaped = false
        for character in expression {
            if let open = quote {
                current.append(character)
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == open {
                    quote = nil
                }
                continue
            }
            switch character {
            case "'", "`": quote = character
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            case "|" where depth == 0:
                branches.append(current.trimmingSpaces())
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        branches.append(current.trimmingSpaces())
        return branches.filter { !$0.isEmpty }
    }

    /// The identifier a branch starts with, after any opening parentheses: `(Observation.value as Quantity)` gives `Observation`.
    static func leadingIdentifier(of branch: String) -> String {
        let start = branch.drop { $0 == "(" || $0 == " " }
        return String(start.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
