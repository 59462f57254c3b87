import FHIRDefinitions

extension Evaluator {
    /// The System type names FHIRPath defines.
    static let systemTypeNames: Set<String> = ["Boolean", "String", "Integer", "Long", "Decimal", "Date", "DateTime", "Time", "Quantity"]

    /// `is`, `as` and `ofType` over a collection.
    func typeOperation(_ op: TypeOperator, _ type: TypeSpecifier, _ items: [FHIRPathValue], at position: Int) throws -> [FHIRPathValue] {
        try checkKnown(type, at: position)
        switch op {
        case .ofType:
            return items.filter { matches($0, type) }
        case .is:
            guard let item = items.first else { return [] }
            guard items.count == 1 else { throw FHIRPathError.execution("'is' needs a single item, found \(items.count)", at: position) }
            return [.boolean(matches(item, type))]
        case .as:
            guard let item = items.first else { return [] }
            guard items.count == 1 else { throw FHIRPathError.execution("'as' needs a single item, found \(items.count)", at: position) }
            return matches(item, type) ? [item] : []
        }
    }

    private func checkKnown(_ type: TypeSpecifier, at position: Int) throws {
        guard let model = navigator.model else { return }
        switch type.namespace {
        case "System":
            return
        case "FHIR":
            guard model.type(named: type.name) != nil else { throw FHIRPathError.execution("unknown type FHIR.\(type.name)", at: position) }
        case nil:
            guard model.type(named: type.name) != nil || Self.systemTypeNames.contains(type.name) else {
                throw FHIRPathError.execution("unknown type \(type.name)", at: position)
            }
        default:
            throw FHIRPathError.execution("unknown type namespace \(type.namespace ?? "")", at: position)
        }
    }

    /// Whether an item is of the named type or derives from it.
    func matches(_ item: FHIRPathValue, _ type: TypeSpecifier) -> Bool {
        if case .element(let element) = item {
            guard type.namespace != "System" else { return false }
            if element.typeName == type.name { return true }
            return navigator.model?.isType(element.typeName, derivedFrom: type.name) ?? false
        }
        guard type.namespace != "FHIR" else { return false }
        let systemName: String = switch item {
        case .boolean: "Boolean"
        case .integer: "Integer"
        case .decimal: "Decimal"
        case .string: "String"
        case .date: "Date"
        case .dateTime: "DateTime"
        case .time: "Time"
        case .quantity: "Quantity"
        case .element: ""
        }
        return systemName == type.name
    }
}
