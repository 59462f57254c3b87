extension FunctionCall {
    /// single, first, last, tail, skip, take, intersect, exclude, union, combine.
    func subsetting(_ function: FunctionName) throws -> [FHIRPathValue] {
        switch function {
        case .single:
            guard input.count <= 1 else { throw FHIRPathError.execution("single() found \(input.count) items") }
            return input
        case .first:
            return input.first.map { [$0] } ?? []
        case .last:
            return input.last.map { [$0] } ?? []
        case .tail:
            return Array(input.dropFirst())
        case .skip:
            guard let count = try integerArgument(0) else { return input }
            return Array(input.dropFirst(max(0, count)))
        case .take:
            guard let count = try integerArgument(0) else { return [] }
            return Array(input.prefix(max(0, count)))
        case .intersect:
            let other = try argument(0)
            return Collections.distinct(input.filter { item in other.contains { comparer.itemEqual(item, $0) == true } }, comparer: comparer)
        case .exclude:
            let other = try argument(0)
            return input.filter { item in !other.contains { comparer.itemEqual(item, $0) == true } }
        case .union:
            return Collections.union(input, try argument(0), comparer: comparer)
        default:
            return input + (try argument(0))
        }
    }
}
