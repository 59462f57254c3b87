import FHIRDefinitions
import FHIRModel

/// One resource de-identified: the walk over its members, deciding each by the rules and
/// recording the labels of what was done, or the reason to refuse the resource.
struct ResourceWalk {
    /// A place in the resource: the scope of the object's members, and whether it is inside an
    /// extension that may pass.
    struct Scope {
        var decisions: DecisionScope
        var inAllowedExtension: Bool
    }

    let tables: EngineTables
    let pseudonymizer: any Pseudonymizer
    let context: DeidentificationContext
    let resourceType: String
    let referenceYear: Int
    let isAgeObservation: Bool
    var labels = LabelSet()
    var refusal: DeidentificationRefusal?

    /// A walk of a resource of `resourceType`.
    init(tables: EngineTables, pseudonymizer: any Pseudonymizer, context: DeidentificationContext, resource: JSONObject, resourceType: String) {
        self.tables = tables
        self.pseudonymizer = pseudonymizer
        self.context = context
        self.resourceType = resourceType
        referenceYear = context.referenceYear
        var isAge = false
        if resourceType == "Observation", !tables.compiled.ageObservationCodes.isEmpty {
            for coding in resource["code"]?["coding"]?.arrayValue ?? [] {
                guard let system = coding["system"]?.stringValue, let code = coding["code"]?.stringValue else { continue }
                if tables.compiled.ageObservationCodes.contains(CompiledRules.Code(system: system, code: code)) { isAge = true }
            }
        }
        isAgeObservation = isAge
    }

    /// The scope at the start of the resource.
    func resourceScope() -> Scope {
        Scope(decisions: tables.rootScopes.scope(of: resourceType, isResource: true, model: tables.model), inAllowedExtension: false)
    }

    /// The scope at the start of a datatype entered.
    func scope(of type: String, inAllowedExtension: Bool) -> Scope {
        Scope(decisions: tables.rootScopes.scope(of: type, isResource: false, model: tables.model), inAllowedExtension: inAllowedExtension)
    }

    /// The object with every member decided by the rules; empty members left out.
    mutating func walk(_ object: JSONObject, in scope: Scope) -> JSONObject {
        var result = JSONObject(minimumCapacity: object.count)
        // Until a member is renamed (an age becoming a range), every key written is one of the
        // object's own, each once, so none needs looking for.
        var renamed = false
        for (key, value) in object {
            if scope.decisions.isResource, key == "resourceType" {
                result.appendNew(key, value)
                continue
            }
            guard let member = member(key, value, of: object, in: scope), !Self.isEmpty(member.value) else { continue }
            if member.key != key { renamed = true }
            if renamed { result[member.key] = member.value } else { result.appendNew(member.key, member.value) }
        }
        return result
    }

    /// One member decided: kept, changed (perhaps under another name) or removed (nil).
    private mutating func member(_ key: String, _ value: JSONValue, of parent: JSONObject, in scope: Scope) -> JSONObject.Member? {
        // `_name` members carry a primitive's id and extensions only; no rule keeps them.
        let ageValue = isAgeObservation && scope.decisions.isResource && key == "valueQuantity"
        guard key.utf8.first != UInt8(ascii: "_"), let decision = decision(for: key, in: scope.decisions, ageValue: ageValue) else {
            labels.insert(.redacted)
            return nil
        }
        switch decision.action {
        case .remove:
            labels.insert(.redacted)
            return nil
        case .extensions(let isModifier):
            return extensions(value, isModifier: isModifier, in: scope).map { (key: key, value: $0) }
        case .keepPrimitive:
            return keepPrimitive(value).map { (key: key, value: $0) }
        case .keepObject(let children):
            return keepObject(value, in: Scope(decisions: children, inAllowedExtension: scope.inAllowedExtension)).map { (key: key, value: $0) }
        case .apply(let method):
            if case .generalize(.age(let width)) = method {
                return age(value, key: key, decision: decision, bandWidth: width)
            }
            let place = Place(key: key, decision: decision, scope: scope, parent: parent)
            if case .array(let items) = value {
                var kept: [JSONValue] = []
                kept.reserveCapacity(items.count)
                for item in items {
                    if let applied = apply(method, to: item, at: place) { kept.append(applied) }
                }
                if kept.count < items.count { labels.insert(.redacted) }
                return kept.isEmpty ? nil : (key: key, value: .array(kept))
            }
            return apply(method, to: value, at: place).map { (key: key, value: $0) }
        }
    }

    /// A primitive member kept: the value itself, or the primitives of an array of them.
    private mutating func keepPrimitive(_ value: JSONValue) -> JSONValue? {
        if case .array(let items) = value {
            if items.allSatisfy(Self.isPrimitive) { return items.isEmpty ? nil : value }
            labels.insert(.redacted)
            let kept = items.filter(Self.isPrimitive)
            return kept.isEmpty ? nil : .array(kept)
        }
        guard Self.isPrimitive(value) else {
            labels.insert(.redacted)
            return nil
        }
        return value
    }

    /// An object member kept with each of its members decided in `scope`: one object, or the
    /// objects of an array of them.
    private mutating func keepObject(_ value: JSONValue, in scope: Scope) -> JSONValue? {
        if case .array(let items) = value {
            var kept: [JSONValue] = []
            kept.reserveCapacity(items.count)
            for item in items {
                if case .object(let object) = item { kept.append(.object(walk(object, in: scope))) }
            }
            if kept.count < items.count { labels.insert(.redacted) }
            return kept.isEmpty ? nil : .array(kept)
        }
        guard case .object(let object) = value else {
            labels.insert(.redacted)
            return nil
        }
        return .object(walk(object, in: scope))
    }

    /// The rules' decision for the member `key` of an object in `scope`: looked up, or made and
    /// recorded (an age value's, whose datatype the Observation's code decides, is made every time).
    private func decision(for key: String, in scope: DecisionScope, ageValue: Bool) -> MemberDecision? {
        if !ageValue, let recorded = scope.recorded(key) { return recorded }
        let path = scope.path + "." + key
        guard let resolved = tables.model.resolve(path: path) else {
            if !ageValue { scope.record(nil, for: key) }
            return nil
        }
        let element = resolved.element
        let kind = ElementKind(resolved, in: tables.model)
        let stemPath = scope.stemPath + "." + (element.isChoice ? element.name : key)
        let datatype = ageValue ? "Age" : kind.datatype
        let method = tables.compiled.method(path: path, stemPath: stemPath, root: scope.root, rootBases: scope.rootBases,
                                            datatype: datatype, datatypeBases: datatype.map(tables.model.baseTypeNames(of:)) ?? [])
        let children: DecisionScope?
        switch kind {
        case .backbone:
            children = DecisionScope(root: scope.root, rootBases: scope.rootBases, path: path, stemPath: stemPath, isResource: false)
        case .datatype(let name) where tables.model.isComplexType(name):
            children = tables.rootScopes.scope(of: name, isResource: false, model: tables.model)
        default:
            children = nil
        }
        let decision = MemberDecision(name: element.name, allowsRange: element.isChoice && element.types.contains { $0.code == "Range" },
                                      kind: kind, method: method, children: children,
                                      isPrimitive: kind.datatype.map(tables.model.isPrimitiveType) ?? false)
        if !ageValue { scope.record(decision, for: key) }
        return decision
    }

    /// Where a value sits, for applying a method to it.
    private struct Place {
        var key: String
        var decision: MemberDecision
        var scope: Scope
        var parent: JSONObject
        var kind: ElementKind { decision.kind }
    }

    /// One value with `method` applied; nil when it is removed.
    private mutating func apply(_ method: DeidentificationMethod, to value: JSONValue, at place: Place) -> JSONValue? {
        switch method {
        case .keep:
            // A primitive or an object is kept through its decision's action; what is left is a
            // resource inside a resource, or an element of no single datatype.
            labels.insert(.redacted)
            return nil
        case .drop:
            labels.insert(.redacted)
            return nil
        case .pseudonymize:
            return pseudonymize(value, at: place)
        case .generalize(.year):
            return date(value, kind: place.kind, shift: false)
        case .dateShift:
            return date(value, kind: place.kind, shift: true)
        case .generalize(.zip3), .generalize(.zip5):
            return address(value, zip5: method == .generalize(.zip5))
        case .generalize(.age):
            // Ages are decided per member (their name may change); an age in an array is removed.
            labels.insert(.redacted)
            return nil
        case .substitute(.value(let substitute)):
            labels.insert(.redacted)
            return substitute
        case .substitute(.terminologyDisplay):
            guard let system = place.parent["system"]?.stringValue, let code = place.parent["code"]?.stringValue,
                  let display = tables.displays.display(system: system, code: code) else {
                labels.insert(.redacted)
                return nil
            }
            return .string(display)
        }
    }

    /// The resource's id or a Reference, pseudonymized; anything else removed.
    private mutating func pseudonymize(_ value: JSONValue, at place: Place) -> JSONValue? {
        if place.scope.decisions.isResource, place.key == "id", let id = value.stringValue {
            guard let pseudonym = pseudonymizer.pseudonym(resourceType: resourceType, id: id) else {
                refusal = refusal ?? .noPseudonym(resourceType: resourceType, id: id)
                return nil
            }
            labels.insert(.pseudonymized)
            return .string(pseudonym)
        }
        if place.kind == .datatype("Reference"), let reference = value.objectValue,
           let pseudonymous = ReferencePseudonymization.pseudonymize(reference, pseudonymizer: pseudonymizer,
                                                                    isResourceType: tables.model.isResourceType) {
            labels.insert(.pseudonymized)
            if pseudonymous.count < reference.count { labels.insert(.redacted) }
            return .object(pseudonymous)
        }
        labels.insert(.redacted)
        return nil
    }

    /// A date, dateTime, instant or Period cut to its year or shifted; removed when it shows an
    /// age over the maximum, is not a date, or has no offset to shift by.
    private mutating func date(_ value: JSONValue, kind: ElementKind, shift: Bool) -> JSONValue? {
        guard let type = kind.datatype else {
            labels.insert(.redacted)
            return nil
        }
        if type == "Period", let period = value.objectValue {
            var result = JSONObject()
            for bound in ["start", "end"] {
                guard let text = period[bound] else { continue }
                result[bound] = date(text, kind: .datatype("dateTime"), shift: shift)
            }
            if result.count < period.count { labels.insert(.redacted) }
            return result.isEmpty ? nil : .object(result)
        }
        guard type == "date" || type == "dateTime" || type == "instant", let text = value.stringValue, let date = DateValue(text) else {
            labels.insert(.redacted)
            return nil
        }
        if let maximumAge = tables.rules.maximumAge, referenceYear - date.year > maximumAge {
            labels.insert(.redacted)
            return nil
        }
        if shift {
            guard let days = context.dateShiftDays, let moved = date.shifted(by: days) else {
                labels.insert(.redacted)
                return nil
            }
            labels.insert(.pseudonymized)
            return .string(moved)
        }
        let year = date.yearText(isInstant: type == "instant")
        if year != text { labels.insert(.aggregated) }
        return .string(year)
    }

    /// An Address kept to its state, country and ZIP3 (or ZIP5 and city).
    private mutating func address(_ value: JSONValue, zip5: Bool) -> JSONValue? {
        guard let address = value.objectValue,
              let general = AddressGeneralization.generalize(address, zip5: zip5, restrictedZIP3: tables.compiled.restrictedZIP3) else {
            labels.insert(.redacted)
            return nil
        }
        if general != address { labels.insert(.aggregated) }
        if general.count < address.count { labels.insert(.redacted) }
        return .object(general)
    }

    /// An age member made coarse; a band changes `onsetAge` into `onsetRange`.
    private mutating func age(_ value: JSONValue, key: String, decision: MemberDecision, bandWidth: Int) -> JSONObject.Member? {
        guard let quantity = value.objectValue else {
            labels.insert(.redacted)
            return nil
        }
        let rangeAllowed = decision.allowsRange
        switch AgeGeneralization.generalize(quantity, maximumAge: tables.rules.maximumAge, bandWidth: bandWidth, rangeAllowed: rangeAllowed) {
        case .unchanged(let kept):
            if kept.count < quantity.count { labels.insert(.redacted) }
            return (key: key, value: .object(kept))
        case .topCoded(let capped):
            labels.insert(.aggregated)
            return (key: key, value: .object(capped))
        case .band(let range):
            labels.insert(.aggregated)
            return (key: decision.name + "Range", value: .object(range))
        case .removed:
            labels.insert(.redacted)
            return nil
        }
    }

    /// Extensions kept only when their URL is allowed (or they are nested in one that is), each
    /// child decided by the rules; an extension left with no value is removed. A modifier
    /// extension that is not allowed refuses the resource.
    private mutating func extensions(_ value: JSONValue, isModifier: Bool, in scope: Scope) -> JSONValue? {
        let items = value.arrayValue ?? [value]
        var kept: [JSONValue] = []
        for item in items {
            guard let object = item.objectValue, let url = object["url"]?.stringValue else {
                labels.insert(.redacted)
                continue
            }
            let nested = scope.inAllowedExtension && !url.contains(":")
            guard nested || tables.compiled.extensionURLs.contains(url) else {
                if isModifier { refusal = refusal ?? .unknownModifierExtension(url: url) }
                labels.insert(.redacted)
                continue
            }
            var content = object
            content.removeValue(forKey: "url")
            let walked = walk(content, in: self.scope(of: "Extension", inAllowedExtension: true))
            guard walked.keys.contains(where: { $0.hasPrefix("value") || $0 == "extension" }) else {
                labels.insert(.redacted)
                continue
            }
            var result = JSONObject()
            result["url"] = .string(url)
            for member in walked { result[member.key] = member.value }
            kept.append(.object(result))
        }
        if kept.isEmpty { return nil }
        return value.arrayValue == nil ? kept[0] : .array(kept)
    }

    /// Whether a value is a JSON string, number or Boolean.
    static func isPrimitive(_ value: JSONValue) -> Bool {
        switch value {
        case .string, .number, .bool: true
        default: false
        }
    }

    /// Whether a value holds nothing: an empty object or array.
    static func isEmpty(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let object): object.isEmpty
        case .array(let array): array.isEmpty
        default: false
        }
    }
}
