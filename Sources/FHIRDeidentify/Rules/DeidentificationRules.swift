/// A de-identification profile: which resource types the research view serves and the rules
/// that decide every element of them. It is an allowlist: an element that no rule keeps is
/// dropped, so an element, extension or datatype the rules do not know never passes.
///
/// Kiln ships three, in `fhir-profiles/deidentification` (read them with
/// ``DeidentificationRulesLoader``): `safe-harbor` (HIPAA Safe Harbor, the default),
/// `expert-determination` (Safe Harbor with dates shifted per patient instead of cut to the
/// year) and `limited-data-set` (dates and 5-digit ZIP codes kept).
///
/// ```swift
/// let rules = try DeidentificationRulesLoader().load(named: "safe-harbor")
/// rules.serves("Observation")   // true
/// rules.maximumAge              // 89
/// ```
public struct DeidentificationRules: Sendable, Hashable {
    /// A coded concept named by system and code, such as LOINC 30525-0 (Age).
    public struct Code: Sendable, Hashable {
        /// The code system's URI.
        public var system: String
        /// The code.
        public var code: String

        /// A code of a system.
        public init(system: String, code: String) {
            self.system = system
            self.code = code
        }
    }

    /// The profile's name, which is its file's name: `safe-harbor`.
    public var name: String
    /// The profile's version; a changed rule changes it, so that output can say which rules made it.
    public var version: String
    /// What the profile is, for people.
    public var title: String
    /// The resource types served, sorted. Never one of ``DeidentificationEngine/neverServedTypes``.
    public var resourceTypes: [String]
    /// The rules, in file order (an inheriting profile's own rules replace its base's).
    public var rules: [DeidentificationRule]
    /// The extensions that may pass, by URL; every other extension is dropped. The extensions
    /// nested in one that passes pass too, their values decided by the rules.
    public var extensionURLs: [String]
    /// The greatest age shown as it is: older ages become "90 or over", and a date that shows
    /// an age above it (one more than this many years before the reference date) is removed.
    /// Nil shows every age and date (the limited data set).
    public var maximumAge: Int?
    /// The Observation codes whose `valueQuantity` is an age, such as LOINC 30525-0.
    public var ageObservationCodes: [Code]
    /// The three-digit ZIP prefixes of fewer than 20,000 people, written `000` instead.
    public var restrictedZIP3: [String]
    /// The greatest number of days a date moves under ``DeidentificationMethod/dateShift``.
    public var dateShiftDays: Int?

    /// A profile.
    public init(name: String, version: String, title: String, resourceTypes: [String], rules: [DeidentificationRule],
                extensionURLs: [String] = [], maximumAge: Int? = nil, ageObservationCodes: [Code] = [],
                restrictedZIP3: [String] = [], dateShiftDays: Int? = nil) {
        self.name = name
        self.version = version
        self.title = title
        self.resourceTypes = resourceTypes.sorted()
        self.rules = rules
        self.extensionURLs = extensionURLs
        self.maximumAge = maximumAge
        self.ageObservationCodes = ageObservationCodes
        self.restrictedZIP3 = restrictedZIP3
        self.dateShiftDays = dateShiftDays
    }

    /// Whether the profile serves resources of `resourceType`.
    public func serves(_ resourceType: String) -> Bool {
        resourceTypes.contains(resourceType) && !DeidentificationEngine.neverServedTypes.contains(resourceType)
    }

    /// What is wrong with the profile, if anything: a never-served type listed, a method where
    /// it cannot work (``DeidentificationMethod/pseudonymize`` other than on `Resource.id` and
    /// the Reference datatype; ``DeidentificationMethod/dateShift`` without ``dateShiftDays``),
    /// a path or datatype named twice.
    public func problems() -> [String] {
        var problems: [String] = []
        for type in resourceTypes where DeidentificationEngine.neverServedTypes.contains(type) {
            problems.append("\(type) is never served de-identified; remove it from resourceTypes")
        }
        var seen: Set<DeidentificationRule.Selector> = []
        for rule in rules {
            if !seen.insert(rule.selector).inserted {
                problems.append("\(rule.selector.text) has more than one rule")
            }
            switch (rule.method, rule.selector) {
            case (.pseudonymize, .datatype("Reference")), (.pseudonymize, .path("Resource.id")):
                break
            case (.pseudonymize, _):
                problems.append("\(rule.selector.text): pseudonymize works on Resource.id and the Reference datatype only")
            case (.dateShift, _) where (dateShiftDays ?? 0) <= 0:
                problems.append("\(rule.selector.text): date-shift needs dateShiftDays, a number of days above 0")
            case (.generalize(.age(let width)), _) where width < 1:
                problems.append("\(rule.selector.text): an age band is at least 1 year wide")
            default:
                break
            }
        }
        if let maximumAge, maximumAge < 1 { problems.append("maximumAge must be above 0") }
        return problems
    }
}

extension DeidentificationRule.Selector {
    /// The path, or `datatype NAME`, for messages.
    var text: String {
        switch self {
        case .path(let path): path
        case .datatype(let name): "datatype \(name)"
        }
    }
}
