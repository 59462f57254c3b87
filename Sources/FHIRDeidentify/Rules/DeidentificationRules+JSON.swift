public import FHIRModel

extension DeidentificationRules {
    /// The `format` a rules file declares.
    public static let fileFormat = "kiln-deidentification-rules"
    /// The `formatVersion` this code reads.
    public static let fileFormatVersion = 1

    /// The profile a rules document builds on (its `extends`), or nil.
    public static func baseName(of document: JSONValue) -> String? {
        document["extends"]?.stringValue
    }

    /// The profile a rules document states, over `base` when it `extends` one: the document's
    /// rules replace the base's rules of the same path or datatype and add the others; every
    /// other member it has replaces the base's.
    ///
    /// Throws when the document is not of the rules format, names a method, path or member
    /// this code does not know, or states a profile with ``problems()``.
    public init(document: JSONValue, base: DeidentificationRules? = nil) throws(DeidentificationRulesError) {
        let source = document["name"]?.stringValue ?? "rules"
        func fail(_ message: String) -> DeidentificationRulesError { DeidentificationRulesError(source: source, message: message) }
        guard let object = document.objectValue else { throw fail("a rules file is a JSON object") }
        guard object["format"]?.stringValue == Self.fileFormat else { throw fail("format must be \"\(Self.fileFormat)\"") }
        guard object["formatVersion"]?.numberValue?.intValue == Self.fileFormatVersion else {
            throw fail("formatVersion must be \(Self.fileFormatVersion); this Kiln reads no other")
        }
        for key in object.keys where !Self.documentMembers.contains(key) {
            throw fail("unknown member \"\(key)\"; a rules file has \(Self.documentMembers.sorted().joined(separator: ", "))")
        }
        if Self.baseName(of: document) != nil, base == nil { throw fail("it extends \(Self.baseName(of: document) ?? "") but no base was given") }
        guard let name = object["name"]?.stringValue, let version = object["version"]?.stringValue else {
            throw fail("name and version are required")
        }
        var rules = base ?? DeidentificationRules(name: name, version: version, title: "", resourceTypes: [], rules: [])
        rules.name = name
        rules.version = version
        rules.title = object["title"]?.stringValue ?? (base == nil ? name : rules.title)
        if let types = object["resourceTypes"] { rules.resourceTypes = try Self.strings(types, "resourceTypes", fail).sorted() }
        if let urls = object["extensions"] { rules.extensionURLs = try Self.strings(urls, "extensions", fail) }
        if let zips = object["restrictedZIP3"] { rules.restrictedZIP3 = try Self.strings(zips, "restrictedZIP3", fail) }
        if let age = object["maximumAge"] { rules.maximumAge = try Self.optionalInt(age, "maximumAge", fail) }
        if let days = object["dateShiftDays"] { rules.dateShiftDays = try Self.optionalInt(days, "dateShiftDays", fail) }
        if let codes = object["ageObservationCodes"] {
            rules.ageObservationCodes = try (codes.arrayValue ?? []).map { (value) throws(DeidentificationRulesError) in
                guard let system = value["system"]?.stringValue, let code = value["code"]?.stringValue else {
                    throw fail("each of ageObservationCodes has a system and a code")
                }
                return Code(system: system, code: code)
            }
        }
        for value in object["rules"]?.arrayValue ?? [] {
            let rule = try Self.rule(value, fail)
            if let index = rules.rules.firstIndex(where: { $0.selector == rule.selector }) {
                rules.rules[index] = rule
            } else {
                rules.rules.append(rule)
            }
        }
        if let problem = rules.problems().first { throw fail(problem) }
        self = rules
    }

    static let documentMembers: Set<String> = [
        "format", "formatVersion", "name", "version", "title", "description", "extends", "resourceTypes", "extensions",
        "restrictedZIP3", "maximumAge", "dateShiftDays", "ageObservationCodes", "rules",
    ]

    static let ruleMembers: Set<String> = ["path", "datatype", "method", "to", "bandWidth", "value", "from", "note"]

    private static func rule(_ value: JSONValue, _ fail: (String) -> DeidentificationRulesError) throws(DeidentificationRulesError) -> DeidentificationRule {
        guard let object = value.objectValue else { throw fail("each rule is a JSON object") }
        let selector: DeidentificationRule.Selector
        switch (object["path"]?.stringValue, object["datatype"]?.stringValue) {
        case (let path?, nil):
            guard let normalized = RulePath.normalize(path) else {
                throw fail("\(path) is not a simplified path (dotted names, [x] or ofType(Type) only)")
            }
            selector = .path(normalized)
        case (nil, let type?):
            guard RulePath.isName(type) else { throw fail("\(type) is not a datatype name") }
            selector = .datatype(type)
        default:
            throw fail("each rule names a path or a datatype, not both")
        }
        for key in object.keys where !ruleMembers.contains(key) {
            throw fail("\(selector.text): unknown member \"\(key)\" of a rule")
        }
        let note = object["note"]?.stringValue
        guard let methodName = object["method"]?.stringValue else { throw fail("\(selector.text): a rule needs a method") }
        let method: DeidentificationMethod
        switch methodName {
        case "keep": method = .keep
        case "drop": method = .drop
        case "pseudonymize": method = .pseudonymize
        case "date-shift": method = .dateShift
        case "generalize":
            switch object["to"]?.stringValue {
            case "year": method = .generalize(.year)
            case "zip3": method = .generalize(.zip3)
            case "zip5": method = .generalize(.zip5)
            case "age": method = .generalize(.age(bandWidth: object["bandWidth"]?.numberValue?.intValue ?? 1))
            default: throw fail("\(selector.text): generalize needs \"to\": year, zip3, zip5 or age")
            }
        case "substitute":
            if object["from"]?.stringValue == "terminology" {
                method = .substitute(.terminologyDisplay)
            } else if let value = object["value"] {
                method = .substitute(.value(value))
            } else {
                throw fail("\(selector.text): substitute needs a \"value\" or \"from\": \"terminology\"")
            }
        default:
            throw fail("\(selector.text): unknown method \(methodName); the methods are keep, drop, pseudonymize, generalize, date-shift and substitute")
        }
        return DeidentificationRule(selector, method, note: note)
    }

    private static func strings(_ value: JSONValue, _ member: String, _ fail: (String) -> DeidentificationRulesError) throws(DeidentificationRulesError) -> [String] {
        guard let array = value.arrayValue else { throw fail("\(member) is an array of strings") }
        var strings: [String] = []
        for element in array {
            guard let string = element.stringValue else { throw fail("\(member) is an array of strings") }
            strings.append(string)
        }
        return strings
    }

    private static func optionalInt(_ value: JSONValue, _ member: String, _ fail: (String) -> DeidentificationRulesError) throws(DeidentificationRulesError) -> Int? {
        if value == .null { return nil }
        guard let number = value.numberValue?.intValue else { throw fail("\(member) is a whole number or null") }
        return number
    }
}
