/// The static checks of strict mode that need no data: order-dependent functions on the
/// unordered output of `children()` and `descendants()`.
enum StrictChecks {
    private static let ordered: Set<FunctionName> = [.first, .last, .tail, .skip, .take, .single]

    static func check(_ node: ExpressionNode) throws(FHIRPathError) {
        switch node {
        case .call(let base, let function, let arguments, let position):
            if ordered.contains(function), case .call(_, let inner, _, _)? = base, inner == .children || inner == .descendants {
                throw .semantic("\(function.rawValue)() depends on order, but \(inner.rawValue)() is unordered", at: position)
            }
            if let base { try check(base) }
            for argument in arguments { try check(argument) }
        case .member(let base?, _, _), .typeOperation(let base?, _, _, _), .negate(let base, _), .plus(let base, _):
            try check(base)
        case .indexer(let base, let index, _):
            try check(base)
            try check(index)
        case .binary(_, let left, let right, _):
            try check(left)
            try check(right)
        default:
            return
        }
    }
}
