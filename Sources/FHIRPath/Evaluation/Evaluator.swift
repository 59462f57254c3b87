import FHIRDefinitions
import FHIRModel
import Foundation

/// Walks an ``ExpressionNode`` tree over a collection. One evaluator serves one evaluation.
struct Evaluator {
    let environment: FHIRPathEnvironment
    let navigator: ModelNavigator
    let strict: Bool
    /// `%context`: the collection the evaluation started from.
    let context: [FHIRPathValue]
    /// `%resource`: the resource that holds the context.
    let resource: [FHIRPathValue]
    /// `%rootResource`: the outermost resource (a Bundle, or the resource itself).
    let rootResource: [FHIRPathValue]
    /// The instant of this evaluation, the same for every `now()` in it.
    let now: Date

    /// `$this`, `$index` and `$total` of the innermost iteration.
    struct Iteration {
        var this: [FHIRPathValue]
        var index: Int?
        var total: [FHIRPathValue]?
    }

    func evaluate(_ node: ExpressionNode, _ input: [FHIRPathValue], _ iteration: Iteration) throws -> [FHIRPathValue] {
        switch node {
        case .empty:
            return []
        case .literal(let value):
            return [value]
        case .this:
            return iteration.this
        case .index:
            return iteration.index.map { [.integer($0)] } ?? []
        case .total:
            return iteration.total ?? []
        case .variable(let name, let position):
            return try variable(name, at: position)
        case .member(let base, let name, let position):
            let items = try base.map { try evaluate($0, input, iteration) } ?? input
            return try member(name, of: items, isPathStart: base == nil, at: position)
        case .call(let base, let function, let arguments, let position):
            let items = try base.map { try evaluate($0, input, iteration) } ?? input
            do {
                return try call(function, on: items, arguments: arguments, iteration: iteration)
            } catch let error as FHIRPathError where error.position == nil {
                throw FHIRPathError(error.kind, "\(function.rawValue)(): \(error.message)", at: position)
            }
        case .typeOperation(let base, let op, let type, let position):
            let items = try base.map { try evaluate($0, input, iteration) } ?? input
            return try typeOperation(op, type, items, at: position)
        case .indexer(let base, let subscriptNode, let position):
            let items = try evaluate(base, input, iteration)
            let indices = try evaluate(subscriptNode, iteration.this, iteration)
            guard let first = indices.first else { return [] }
            guard indices.count == 1, case .integer(let offset) = first.systemValue else {
                throw FHIRPathError.execution("an index must be a single integer", at: position)
            }
            return offset >= 0 && offset < items.count ? [items[offset]] : []
        case .negate(let operand, let position):
            return try negate(try evaluate(operand, input, iteration), at: position)
        case .plus(let operand, let position):
            let value = try evaluate(operand, input, iteration)
            guard value.count <= 1 else { throw FHIRPathError.execution("unary + needs a single number", at: position) }
            return value
        case .binary(let op, let left, let right, let position):
            do {
                return try binary(op, left, right, input, iteration)
            } catch let error as FHIRPathError where error.position == nil {
                throw FHIRPathError(error.kind, "operator '\(op.rawValue)': \(error.message)", at: position)
            }
        }
    }

    private func negate(_ operand: [FHIRPathValue], at position: Int) throws -> [FHIRPathValue] {
        guard let item = operand.first else { return [] }
        guard operand.count == 1 else { throw FHIRPathError.execution("unary - needs a single number, found \(operand.count) items", at: position) }
        switch item.systemValue {
        case .integer(let value): return [.integer(-value)]
        case .decimal(let value): return [.decimal(-value)]
        case .quantity(var quantity):
            quantity.value = -quantity.value
            return [.quantity(quantity)]
        default:
            throw FHIRPathError.execution("unary - needs a number or quantity, found \(item.typeName)", at: position)
        }
    }

    private func variable(_ name: String, at position: Int) throws -> [FHIRPathValue] {
        if let value = environment.variables[name] { return value }
        switch name {
        case "context": return context
        case "resource": return resource
        case "rootResource": return rootResource
        case "ucum": return [.string("http://unitsofmeasure.org")]
        case "sct": return [.string("http://snomed.info/sct")]
        case "loinc": return [.string("http://loinc.org")]
        default:
            if name.hasPrefix("vs-") { return [.string("http://hl7.org/fhir/ValueSet/" + name.dropFirst(3))] }
            if name.hasPrefix("ext-") { return [.string("http://hl7.org/fhir/StructureDefinition/" + name.dropFirst(4))] }
            throw FHIRPathError.execution("unknown variable %\(name)", at: position)
        }
    }

    /// The children `name` of every item; at the start of a path a type name selects the items of that type.
    private func member(_ name: String, of items: [FHIRPathValue], isPathStart: Bool, at position: Int) throws -> [FHIRPathValue] {
        var output: [FHIRPathValue] = []
        for item in items {
            guard case .element(let element) = item else { continue }
            if isPathStart, let first = name.first, first.isUppercase, element.isResource || element.scope == nil {
                if element.typeName == name || navigator.model?.isType(element.typeName, derivedFrom: name) == true {
                    output.append(item)
                    continue
                }
                if element.isResource, navigator.model?.type(named: name) != nil || navigator.model == nil {
                    if strict { throw FHIRPathError.semantic("'\(name)' does not match the context type \(element.typeName)", at: position) }
                    continue
                }
            }
            if navigator.children(of: element, named: name, into: &output) == .unknown, strict {
                throw FHIRPathError.semantic("'\(name)' is not an element of \(element.typeName)", at: position)
            }
        }
        return output
    }
}
