extension FunctionCall {
    /// empty, exists, all, allTrue, anyTrue, allFalse, anyFalse, subsetOf, supersetOf, count, distinct, isDistinct, not.
    func existence(_ function: FunctionName) throws -> [FHIRPathValue] {
        switch function {
        case .empty:
            return [.boolean(input.isEmpty)]
        case .exists:
            guard !arguments.isEmpty else { return [.boolean(!input.isEmpty)] }
            for (position, item) in input.enumerated() where try evaluator.singletonBoolean(try argument(0, for: item, at: position), "criterion") == true {
                return [.boolean(true)]
            }
            return [.boolean(false)]
        case .all:
            for (position, item) in input.enumerated() where try evaluator.singletonBoolean(try argument(0, for: item, at: position), "criterion") != true {
                return [.boolean(false)]
            }
            return [.boolean(true)]
        case .allTrue, .anyTrue, .allFalse, .anyFalse:
            let values = try input.map { item -> Bool in
                guard case .boolean(let value) = item.systemValue else { throw FHIRPathError.execution("expected Booleans, found \(item.typeName)") }
                return value
            }
            switch function {
            case .allTrue: return [.boolean(values.allSatisfy { $0 })]
            case .anyTrue: return [.boolean(values.contains(true))]
            case .allFalse: return [.boolean(values.allSatisfy { !$0 })]
            default: return [.boolean(values.contains(false))]
            }
        case .subsetOf, .supersetOf:
            let other = try argument(0)
            let (subset, superset) = function == .subsetOf ? (input, other) : (other, input)
            return [.boolean(subset.allSatisfy { item in superset.contains { comparer.itemEqual(item, $0) == true } })]
        case .count:
            return [.integer(input.count)]
        case .distinct:
            return Collections.distinct(input, comparer: comparer)
        case .isDistinct:
            return [.boolean(Collections.distinct(input, comparer: comparer).count == input.count)]
        default:
            guard let value = try evaluator.singletonBoolean(input) else { return [] }
            return [.boolean(!value)]
        }
    }

    /// where, select, repeat, repeatAll, aggregate, sort, iif, defineVariable, trace.
    func iterating(_ function: FunctionName) throws -> [FHIRPathValue] {
        switch function {
        case .where:
            var output: [FHIRPathValue] = []
            for (position, item) in input.enumerated() where try evaluator.singletonBoolean(try argument(0, for: item, at: position), "criterion") == true {
                output.append(item)
            }
            return output
        case .select:
            var output: [FHIRPathValue] = []
            for (position, item) in input.enumerated() {
                output.append(contentsOf: try argument(0, for: item, at: position))
            }
            return output
        case .repeat, .repeatAll:
            var output: [FHIRPathValue] = []
            var queue = input
            var rounds = 0
            while !queue.isEmpty, rounds < Self.repeatLimit {
                rounds += 1
                var next: [FHIRPathValue] = []
                for (position, item) in queue.enumerated() {
                    for produced in try argument(0, for: item, at: position) {
                        if function == .repeat, output.contains(where: { comparer.itemEqual($0, produced) == true }) { continue }
                        output.append(produced)
                        next.append(produced)
                    }
                }
                queue = next
            }
            return output
        case .aggregate:
            var total = arguments.count > 1 ? try argument(1) : []
            for (position, item) in input.enumerated() {
                total = try argument(0, for: item, at: position, total: total)
            }
            return total
        case .sort:
            return try sorted()
        case .iif:
            guard input.count <= 1 else { throw FHIRPathError.execution("iif() needs at most one input item") }
            let criterion = try argument(0)
            guard criterion.count <= 1 else { throw FHIRPathError.semantic("iif() criterion must be a single Boolean") }
            if let first = criterion.first, case .boolean(let value) = first.systemValue {
                if value { return try argument(1) }
            } else if !criterion.isEmpty {
                throw FHIRPathError.semantic("iif() criterion must be a Boolean")
            }
            return arguments.count > 2 ? try argument(2) : []
        case .trace:
            let name = try stringArgument(0) ?? ""
            var traced = input
            if arguments.count > 1 {
                traced = []
                for (position, item) in input.enumerated() { traced += try argument(1, for: item, at: position) }
            }
            evaluator.environment.trace?(name, traced)
            return input
        default:
            throw FHIRPathError.execution("defineVariable() is not supported")
        }
    }

    /// The most rounds `repeat()` runs, so a cyclic projection cannot loop forever.
    static let repeatLimit = 10_000

    private func sorted() throws -> [FHIRPathValue] {
        var keyed: [(FHIRPathValue, [[FHIRPathValue]])] = []
        for (position, item) in input.enumerated() {
            var keys: [[FHIRPathValue]] = []
            for node in arguments {
                let key: ExpressionNode = if case .negate(let inner, _) = node { inner } else { node }
                keys.append(try evaluator.evaluate(key, [item], Evaluator.Iteration(this: [item], index: position, total: iteration.total)))
            }
            keyed.append((item, keys))
        }
        let descending = arguments.map { if case .negate = $0 { true } else { false } }
        var failure: (any Error)?
        let result = keyed.sorted { lhs, rhs in
            if arguments.isEmpty { return ((try? comparer.compareItems(lhs.0, rhs.0)) ?? 0) < 0 }
            for index in arguments.indices {
                var left = lhs.1[index]
                var right = rhs.1[index]
                if descending[index] { swap(&left, &right) }
                if left.isEmpty != right.isEmpty { return left.isEmpty }
                do {
                    if let order = try comparer.compare(left, right), order != 0 { return order < 0 }
                } catch {
                    failure = error
                }
            }
            return false
        }
        if let failure { throw failure }
        return result.map(\.0)
    }
}
