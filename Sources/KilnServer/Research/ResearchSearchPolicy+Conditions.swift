import FHIRDefinitions
import FHIRDeidentify
import FHIRSearch

extension ResearchSearchPolicy {
    /// The datatypes a token search may reach.
    static let tokenDatatypes: Set<String> = ["code", "Coding", "CodeableConcept", "boolean"]
    /// The datatypes a quantity search may reach.
    static let quantityDatatypes: Set<String> = ["Quantity", "SimpleQuantity", "MoneyQuantity", "Age", "Duration", "Distance", "Count", "Money", "Range", "SampledData"]
    /// The datatypes a number search may reach.
    static let numberDatatypes: Set<String> = ["integer", "decimal", "positiveInt", "unsignedInt"]
    /// The datatypes a date search may reach.
    static let dateDatatypes: Set<String> = ["date", "dateTime", "instant", "Period", "Timing"]
    /// The token modifiers that match codes only: `:text` (free text) and `:of-type` (identifiers) are not among them.
    static let tokenModifiers: Set<String> = ["not", "in", "not-in", "above", "below"]
    /// The datatypes that identify, refused whatever a profile says of them, with why.
    static let identifyingDatatypes: [String: String] = [
        "Identifier": "identifiers are removed", "ContactPoint": "telecom is removed", "HumanName": "names are removed",
        "Address": "addresses are reduced to state and ZIP3",
    ]

    /// Checks the condition `name` with `values` on `resourceType`; the pseudonyms its values
    /// carry for a reference parameter, nil when the values pass unchanged. `chained` is set for
    /// the parameter at the end of a chain or `_has`, whose values cannot be translated;
    /// `referenceYear` nil checks the parameter without values.
    func condition(_ name: ResearchConditionName, values: [String], on resourceType: String, chained: Bool, referenceYear: Int?) throws(ParameterRefusal) -> [ResearchPseudonym]? {
        switch name {
        case .chain(let code, let targetType, let then):
            if case .reverseChain = then { throw ParameterRefusal("_has inside a chain is not accepted") }
            let parameter = try known(code, on: resourceType)
            guard parameter.type == .reference else { throw ParameterRefusal("\(code) of \(resourceType) is not a reference; only references chain") }
            try checkReach(parameter, on: resourceType, datatypes: ["Reference"], method: .pseudonymize)
            for target in try chainTargets(of: parameter, named: targetType, next: then.leadingCode) {
                _ = try condition(then, values: values, on: target, chained: true, referenceYear: referenceYear)
            }
            return nil
        case .reverseChain(let sourceType, let code, let then):
            guard servedTypes.contains(sourceType) else { throw ParameterRefusal("the research view does not serve \(sourceType)") }
            let parameter = try known(code, on: sourceType)
            guard parameter.type == .reference, parameter.targets.isEmpty || parameter.targets.contains(resourceType) else {
                throw ParameterRefusal("\(code) of \(sourceType) does not refer to \(resourceType)")
            }
            try checkReach(parameter, on: sourceType, datatypes: ["Reference"], method: .pseudonymize)
            _ = try condition(then, values: values, on: sourceType, chained: true, referenceYear: referenceYear)
            return nil
        case .parameter(let code, let modifier):
            return try parameterCondition(code, modifier: modifier, values: values, on: resourceType, chained: chained, referenceYear: referenceYear)
        }
    }

    private func parameterCondition(_ code: String, modifier: String?, values: [String], on resourceType: String, chained: Bool, referenceYear: Int?) throws(ParameterRefusal) -> [ResearchPseudonym]? {
        if let reason = Self.refusedParameters[code] { throw ParameterRefusal(reason) }
        if code.hasPrefix("address-") || code.hasSuffix("-identifier") { throw ParameterRefusal(code.hasPrefix("address-") ? "addresses are reduced to state and ZIP3" : "identifiers are removed") }
        if code == "_id" {
            throw ParameterRefusal(chained ? "_id at the end of a chain would need its pseudonyms translated" : "_id takes no modifier")
        }
        let parameter = try known(code, on: resourceType)
        if modifier == "missing" {
            try checkMissing(parameter, on: resourceType)
            return nil
        }
        switch parameter.type {
        case .token:
            if let modifier, !Self.tokenModifiers.contains(modifier) { throw Self.modifierRefusal(modifier, parameter) }
            try checkReach(parameter, on: resourceType, datatypes: Self.tokenDatatypes, method: .keep)
        case .quantity, .number:
            if let modifier { throw Self.modifierRefusal(modifier, parameter) }
            try checkReach(parameter, on: resourceType, datatypes: parameter.type == .number ? Self.numberDatatypes : Self.quantityDatatypes, method: .keep)
        case .date:
            if let modifier { throw Self.modifierRefusal(modifier, parameter) }
            let precision = try datePrecision(of: parameter, on: resourceType)
            if let referenceYear { for value in values { try checkDate(value, precision: precision, referenceYear: referenceYear) } }
        case .composite:
            if let modifier { throw Self.modifierRefusal(modifier, parameter) }
            try checkComposite(parameter, values: values, on: resourceType, referenceYear: referenceYear)
        case .reference:
            if chained { throw ParameterRefusal("a reference at the end of a chain would need its pseudonyms translated") }
            var typeModifier: String?
            if let modifier {
                guard registry.catalog.typeModel.isResourceType(modifier) else { throw Self.modifierRefusal(modifier, parameter) }
                guard servedTypes.contains(modifier) else { throw ParameterRefusal("the research view does not serve \(modifier)") }
                typeModifier = modifier
            }
            try checkReach(parameter, on: resourceType, datatypes: ["Reference"], method: .pseudonymize)
            return try values.map { (value) throws(ParameterRefusal) in try pseudonym(in: value, of: parameter, typeModifier: typeModifier) }
        case .string:
            throw ParameterRefusal("string search reaches names, addresses and free text, which are removed")
        case .uri:
            throw ParameterRefusal("URLs are removed")
        case .special:
            throw ParameterRefusal("special parameters are not served")
        }
        return nil
    }

    /// The supported parameter `code` of `resourceType`; refused when the registry does not know it.
    func known(_ code: String, on resourceType: String) throws(ParameterRefusal) -> SupportedSearchParameter {
        guard let parameter = registry.parameter(named: code, for: resourceType) else {
            throw ParameterRefusal("not a search parameter of \(resourceType) that the view knows")
        }
        return parameter
    }

    /// The elements `parameter` reaches on `resourceType`; refused unless each is of one of
    /// `datatypes`, is not an identifying datatype, and the profile treats it with `method`.
    func checkReach(_ parameter: SupportedSearchParameter, on resourceType: String, datatypes: Set<String>, method: DeidentificationMethod) throws(ParameterRefusal) {
        for element in try reached(parameter, on: resourceType) {
            if let reason = Self.identifyingDatatypes[element.datatype] { throw ParameterRefusal(reason) }
            if element.method != method {
                throw ParameterRefusal(element.method == .drop ? "\(element.path) is removed" : "\(element.path) is generalized")
            }
            guard datatypes.contains(element.datatype) else {
                throw ParameterRefusal("\(element.path) is a \(element.datatype), which the view does not search")
            }
        }
    }

    /// The elements a parameter reaches; refused when its path cannot be read.
    private func reached(_ parameter: SupportedSearchParameter, on resourceType: String) throws(ParameterRefusal) -> [ReachedElement] {
        let expression = parameter.code == "_lastUpdated" ? "\(resourceType).meta.lastUpdated" : parameter.expression
        guard let expression, let elements = reach.elements(reachedBy: expression, on: resourceType) else {
            throw ParameterRefusal("its path cannot be checked against the profile")
        }
        return elements
    }

    /// The precision the profile keeps of the dates a date parameter reaches; refused when one is removed or replaced.
    func datePrecision(of parameter: SupportedSearchParameter, on resourceType: String) throws(ParameterRefusal) -> ResearchDatePrecision {
        var precision = ResearchDatePrecision.full
        for element in try reached(parameter, on: resourceType) {
            guard Self.dateDatatypes.contains(element.datatype) else {
                throw ParameterRefusal("\(element.path) is a \(element.datatype), which the view does not search")
            }
            var method = element.method
            if method == .keep, element.datatype == "Period" || element.datatype == "Timing" { method = reach.method(ofDatatype: "dateTime") }
            guard let kept = ResearchDatePrecision(method) else { throw ParameterRefusal("\(element.path) is removed") }
            precision = precision.coarsened(by: kept)
        }
        return precision
    }

    /// `:missing`: only where presence tells nothing the view hides — tokens, quantities and
    /// numbers it keeps, and dates when every date is served as it is.
    private func checkMissing(_ parameter: SupportedSearchParameter, on resourceType: String) throws(ParameterRefusal) {
        switch parameter.type {
        case .token: try checkReach(parameter, on: resourceType, datatypes: Self.tokenDatatypes, method: .keep)
        case .quantity: try checkReach(parameter, on: resourceType, datatypes: Self.quantityDatatypes, method: .keep)
        case .number: try checkReach(parameter, on: resourceType, datatypes: Self.numberDatatypes, method: .keep)
        case .date:
            guard try datePrecision(of: parameter, on: resourceType) == .full, rules.maximumAge == nil else {
                throw ParameterRefusal(":missing on a date would tell which dates were removed")
            }
        default:
            throw ParameterRefusal(":missing is accepted only on token, quantity, number and kept date parameters")
        }
    }

    /// A composite: each component checked as its own parameter, date parts of the values at the kept precision.
    private func checkComposite(_ parameter: SupportedSearchParameter, values: [String], on resourceType: String, referenceYear: Int?) throws(ParameterRefusal) {
        guard !parameter.components.isEmpty else { throw ParameterRefusal("its components cannot be checked") }
        for (index, definition) in parameter.components.enumerated() {
            guard let expression = definition.expression(for: resourceType) else { throw ParameterRefusal("its components cannot be checked") }
            let component = SupportedSearchParameter(definition: definition, resourceType: resourceType, expression: expression, components: [])
            switch definition.type {
            case .token: try checkReach(component, on: resourceType, datatypes: Self.tokenDatatypes, method: .keep)
            case .quantity: try checkReach(component, on: resourceType, datatypes: Self.quantityDatatypes, method: .keep)
            case .number: try checkReach(component, on: resourceType, datatypes: Self.numberDatatypes, method: .keep)
            case .date:
                let precision = try datePrecision(of: component, on: resourceType)
                guard let referenceYear else { continue }
                for value in values {
                    let parts = value.split(separator: "$", omittingEmptySubsequences: false)
                    if parts.count > index { try checkDate(String(parts[index]), precision: precision, referenceYear: referenceYear) }
                }
            default:
                throw ParameterRefusal("its component \(definition.code) is a \(definition.type.rawValue) parameter, which the view does not search")
            }
        }
    }

    /// A date value at the precision the profile keeps, and not in the years the profile removes.
    func checkDate(_ value: String, precision: ResearchDatePrecision, referenceYear: Int) throws(ParameterRefusal) {
        var text = Substring(value)
        if let prefix = SearchComparator(rawValue: String(text.prefix(2))), text.count > 2 { text = text.dropFirst(prefix.rawValue.count) }
        let yearText = text.prefix(4)
        guard yearText.count == 4, yearText.allSatisfy(\.isASCIIDigit), let year = Int(yearText),
              text.dropFirst(4).allSatisfy({ $0.isASCIIDigit || "-T:.+Z".contains($0) }) else {
            throw ParameterRefusal("not a date", showsValue: true)
        }
        if text.count > 4, precision != .full { throw ParameterRefusal(precision.refusal(profile: profileName), showsValue: true) }
        if let maximumAge = rules.maximumAge, year < referenceYear - maximumAge {
            throw ParameterRefusal("\(profileName) removes dates more than \(maximumAge) years before \(referenceYear)", showsValue: true)
        }
    }

    /// The served types a chain through `parameter` continues on: the named one, or every
    /// target that has the next parameter; refused when one of them is not served.
    private func chainTargets(of parameter: SupportedSearchParameter, named targetType: String?, next: String?) throws(ParameterRefusal) -> [String] {
        if let targetType {
            guard servedTypes.contains(targetType) else { throw ParameterRefusal("the research view does not serve \(targetType)") }
            guard parameter.targets.isEmpty || parameter.targets.contains(targetType) else {
                throw ParameterRefusal("\(parameter.code) does not refer to \(targetType)")
            }
            return [targetType]
        }
        let candidates = parameter.targets.filter { target in next.map { registry.parameter(named: $0, for: target) != nil } ?? true }
        guard !candidates.isEmpty else { throw ParameterRefusal("\(parameter.code) reaches no type the chain continues on") }
        for target in candidates where !servedTypes.contains(target) {
            throw ParameterRefusal("\(parameter.code) may refer to \(target), which the view does not serve; name the type, such as \(parameter.code):\(servedTypes.first { candidates.contains($0) } ?? "Patient")")
        }
        return candidates
    }

    /// The pseudonym a reference value carries: `Type/PSEUDONYM`, or a bare `PSEUDONYM` whose
    /// type is the `:Type` modifier's or the parameter's one served target.
    private func pseudonym(in value: String, of parameter: SupportedSearchParameter, typeModifier: String?) throws(ParameterRefusal) -> ResearchPseudonym {
        if value.contains("://") || value.hasPrefix("urn:") || value.hasPrefix("#") {
            throw ParameterRefusal("the research view refers to resources only as Type/PSEUDONYM", showsValue: true)
        }
        let parts = value.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let type: String
        switch parts.count {
        case 1:
            let served = parameter.targets.filter(servedTypes.contains)
            if let typeModifier {
                type = typeModifier
            } else if served.count == 1, let only = served.first {
                type = only
            } else {
                throw ParameterRefusal("a bare pseudonym needs its type: write Type/PSEUDONYM", showsValue: true)
            }
        case 2:
            type = parts[0]
            guard servedTypes.contains(type) else { throw ParameterRefusal("the research view does not serve \(type)", showsValue: true) }
            if let typeModifier, typeModifier != type { throw ParameterRefusal("the value's type is not \(typeModifier)", showsValue: true) }
        default:
            throw ParameterRefusal("the research view refers to resources only as Type/PSEUDONYM", showsValue: true)
        }
        guard parameter.targets.isEmpty || parameter.targets.contains(type) else {
            throw ParameterRefusal("\(parameter.code) does not refer to \(type)", showsValue: true)
        }
        return ResearchPseudonym(resourceType: type, pseudonym: try Self.pseudonym(parts[parts.count - 1]))
    }

    /// `text` when it has the form of a pseudonym: 1 to 64 of `[A-Za-z0-9-.]`.
    static func pseudonym(_ text: String) throws(ParameterRefusal) -> String {
        guard (1...64).contains(text.count), text.allSatisfy({ $0.isASCIIDigit || $0.isASCIILetter || $0 == "-" || $0 == "." }) else {
            throw ParameterRefusal("not a pseudonym", showsValue: true)
        }
        return text
    }

    private static func modifierRefusal(_ modifier: String, _ parameter: SupportedSearchParameter) -> ParameterRefusal {
        switch modifier {
        case "text": ParameterRefusal(":text searches free text, which is removed")
        case "identifier", "of-type": ParameterRefusal("identifiers are removed")
        default: ParameterRefusal("the modifier :\(modifier) is not accepted on \(parameter.code)")
        }
    }
}

extension Character {
    /// `0`–`9`.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    /// `A`–`Z` or `a`–`z`.
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
