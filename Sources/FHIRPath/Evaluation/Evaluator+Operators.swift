import Foundation

extension Evaluator {
    /// The Boolean a collection stands for: empty → nil, one Boolean → it, one other item → true.
    func singletonBoolean(_ items: [FHIRPathValue], _ what: String = "operand") throws -> Bool? {
        guard let item = items.first else { return nil }
        guard items.count == 1 else { throw FHIRPathError.execution("expected a single Boolean \(what), found \(items.count) items") }
        if case .boolean(let value) = item.systemValue { return value }
        if case .string(let text) = item.systemValue {
            switch text.lowercased() {
            case "true", "t", "yes", "y", "1", "1.0": return true
            case "false", "f", "no", "n", "0", "0.0": return false
            default: break
            }
        }
        return true
    }

    func binary(_ op: BinaryOperator, _ left: ExpressionNode, _ right: ExpressionNode, _ input: [FHIRPathValue], _ iteration: Iteration) throws -> [FHIRPathValue] {
        let lhs = try evaluate(left, input, iteration)
        switch op {
        case .and:
            let leftValue = try singletonBoolean(lhs)
            if leftValue == false { return [.boolean(false)] }
            let rightValue = try singletonBoolean(try evaluate(right, input, iteration))
            if rightValue == false { return [.boolean(false)] }
            guard let leftValue, let rightValue else { return [] }
            return [.boolean(leftValue && rightValue)]
        case .or:
            let leftValue = try singletonBoolean(lhs)
            if leftValue == true { return [.boolean(true)] }
            let rightValue = try singletonBoolean(try evaluate(right, input, iteration))
            if rightValue == true { return [.boolean(true)] }
            guard let leftValue, let rightValue else { return [] }
            return [.boolean(leftValue || rightValue)]
        case .xor:
            guard let leftValue = try singletonBoolean(lhs), let rightValue = try singletonBoolean(try evaluate(right, input, iteration)) else { return [] }
            return [.boolean(leftValue != rightValue)]
        case .implies:
            let leftValue = try singletonBoolean(lhs)
            if leftValue == false { return [.boolean(true)] }
            let rightValue = try singletonBoolean(try evaluate(right, input, iteration))
            if rightValue == true { return [.boolean(true)] }
            guard leftValue != nil, let rightValue else { return [] }
            return [.boolean(rightValue)]
        default:
            break
        }
        let rhs = try evaluate(right, input, iteration)
        switch op {
        case .union:
            return Collections.union(lhs, rhs, comparer: comparer)
        case .equal:
            return comparer.equal(lhs, rhs).map { [.boolean($0)] } ?? []
        case .notEqual:
            return comparer.equal(lhs, rhs).map { [.boolean(!$0)] } ?? []
        case .equivalent:
            return [.boolean(comparer.equivalent(lhs, rhs))]
        case .notEquivalent:
            return [.boolean(!comparer.equivalent(lhs, rhs))]
        case .in, .contains:
            let (element, collection) = op == .in ? (lhs, rhs) : (rhs, lhs)
            guard let item = element.first else { return [] }
            guard element.count == 1 else { throw FHIRPathError.execution("expected a single item, found \(element.count)") }
            return [.boolean(collection.contains { comparer.equal([item], [$0]) == true })]
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard let order = try comparer.compare(lhs, rhs) else { return [] }
            let result = switch op {
            case .less: order < 0
            case .lessOrEqual: order <= 0
            case .greater: order > 0
            default: order >= 0
            }
            return [.boolean(result)]
        case .concatenate:
            guard lhs.count <= 1, rhs.count <= 1 else { throw FHIRPathError.execution("& needs single strings") }
            return [.string(try concatenationText(lhs) + concatenationText(rhs))]
        default:
            guard let left = lhs.first, let right = rhs.first else { return [] }
            guard lhs.count == 1, rhs.count == 1 else { throw FHIRPathError.execution("arithmetic needs single operands") }
            return try Arithmetic(converter: environment.unitConverter).apply(op, left.systemValue, right.systemValue).map { [$0] } ?? []
        }
    }

    private func concatenationText(_ items: [FHIRPathValue]) throws -> String {
        guard let item = items.first else { return "" }
        guard case .string(let text) = item.systemValue else { throw FHIRPathError.execution("& needs strings, found \(item.typeName)") }
        return text
    }

    /// The equality and ordering rules with this evaluation's unit converter.
    var comparer: Comparer { Comparer(converter: environment.unitConverter) }
}
