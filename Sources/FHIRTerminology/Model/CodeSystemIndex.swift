/// A code system's concepts with their hierarchy, indexed by code: what CodeSystem resources,
/// ICD-10-CM and the LOINC subset become once loaded.
///
/// Immutable after construction, so one index is shared by every thread.
public final class CodeSystemIndex: Sendable {
    /// The canonical URL.
    public let url: String
    /// The version, if stated.
    public let version: String?
    /// The computer-friendly name.
    public let name: String?
    /// How much of the system the index holds.
    public let content: CodeSystemContent
    /// Whether codes differ by case (`CodeSystem.caseSensitive`; FHIR's default is false, but
    /// Kiln treats a missing value as true, as most systems are).
    public let caseSensitive: Bool
    /// The concepts, in the order they were defined.
    public let concepts: [CodeSystemConcept]
    /// For each concept, the indices of its parents.
    public let parents: [[Int]]
    /// For each concept, the indices of its children.
    public let children: [[Int]]
    /// Whether a code not in ``concepts`` can be told apart as invalid by its format alone
    /// (LOINC's check-digit form); nil when there is no such rule.
    let formatRule: (@Sendable (String) -> Bool)?

    private let positions: [String: Int]
    private let foldedPositions: [String: Int]

    /// An index over `concepts`; `parents` holds parent indices per concept (children are derived).
    public convenience init(
        url: String, version: String?, name: String?, content: CodeSystemContent, caseSensitive: Bool,
        concepts: [CodeSystemConcept], parents: [[Int]], formatRule: (@Sendable (String) -> Bool)? = nil
    ) {
        self.init(url: url, version: version, name: name, content: content, caseSensitive: caseSensitive, concepts: concepts, parents: parents, positions: nil, formatRule: formatRule)
    }

    /// An index whose code positions the caller has already computed (first position per code).
    init(
        url: String, version: String?, name: String?, content: CodeSystemContent, caseSensitive: Bool,
        concepts: [CodeSystemConcept], parents: [[Int]], positions precomputed: [String: Int]?, formatRule: (@Sendable (String) -> Bool)? = nil
    ) {
        self.url = url
        self.version = version
        self.name = name
        self.content = content
        self.caseSensitive = caseSensitive
        self.concepts = concepts
        self.formatRule = formatRule
        if let precomputed {
            self.positions = precomputed
        } else {
            var positions: [String: Int] = [:]
            positions.reserveCapacity(concepts.count)
            for (index, concept) in concepts.enumerated() where positions[concept.code] == nil {
                positions[concept.code] = index
            }
            self.positions = positions
        }
        // Case-insensitive lookups try the code as given, upper-cased and lower-cased; only
        // mixed-case codes need a folded map of their own.
        var folded: [String: Int] = [:]
        if !caseSensitive {
            for (index, concept) in concepts.enumerated() where Self.isMixedCase(concept.code) {
                let key = concept.code.lowercased()
                if folded[key] == nil { folded[key] = index }
            }
        }
        self.foldedPositions = folded
        var parentLists = parents
        if parentLists.count < concepts.count { parentLists += Array(repeating: [], count: concepts.count - parentLists.count) }
        var childCounts = Array(repeating: 0, count: concepts.count)
        for (child, list) in parentLists.enumerated() {
            for parent in list where parent >= 0 && parent < concepts.count && parent != child { childCounts[parent] += 1 }
        }
        var childLists = childCounts.map { count -> [Int] in
            var list: [Int] = []
            if count > 0 { list.reserveCapacity(count) }
            return list
        }
        for (child, list) in parentLists.enumerated() {
            for parent in list where parent >= 0 && parent < concepts.count && parent != child {
                childLists[parent].append(child)
            }
        }
        self.parents = parentLists
        self.children = childLists
    }

    /// The number of concepts.
    public var count: Int { concepts.count }

    /// The position of `code`, honouring case sensitivity.
    public func position(of code: String) -> Int? {
        if let exact = positions[code] { return exact }
        guard !caseSensitive else { return nil }
        let lower = code.lowercased()
        return positions[code.uppercased()] ?? positions[lower] ?? foldedPositions[lower]
    }

    /// Whether `code` has both upper- and lower-case letters (or letters outside ASCII).
    private static func isMixedCase(_ code: String) -> Bool {
        var upper = false
        var lower = false
        for byte in code.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): upper = true
            case UInt8(ascii: "a")...UInt8(ascii: "z"): lower = true
            case 0x80...: return true
            default: break
            }
        }
        return upper && lower
    }

    /// The concept with `code`.
    public func concept(_ code: String) -> CodeSystemConcept? {
        position(of: code).map { concepts[$0] }
    }

    /// Whether `code` is a code of the system, is not, or cannot be told from what is shipped.
    func membership(of code: String) -> Membership {
        if position(of: code) != nil { return .member }
        if let formatRule, !formatRule(code) {
            return .notMember("'\(code)' is not a valid code of \(url): it does not have the code format of the system")
        }
        if content.isComplete { return .notMember("'\(code)' is not a code of \(url)") }
        return .unknown("'\(code)' is not among the codes of \(url) that Kiln ships (it holds \(content == .notPresent ? "none" : "only a \(content.rawValue)")), so it cannot be checked")
    }

    /// Whether the concept at `descendant` is the one at `ancestor` or below it.
    public func isA(_ descendant: Int, _ ancestor: Int) -> Bool {
        if descendant == ancestor { return true }
        return isDescendant(descendant, of: ancestor)
    }

    /// Whether the concept at `descendant` is strictly below the one at `ancestor`.
    public func isDescendant(_ descendant: Int, of ancestor: Int) -> Bool {
        var stack = parents[descendant]
        var seen = Set<Int>()
        while let next = stack.popLast() {
            if next == ancestor { return true }
            if seen.insert(next).inserted { stack += parents[next] }
        }
        return false
    }

    /// Every concept strictly below the one at `position`.
    public func descendants(of position: Int) -> [Int] {
        var result: [Int] = []
        var seen = Set<Int>([position])
        var stack = children[position]
        while let next = stack.popLast() {
            guard seen.insert(next).inserted else { continue }
            result.append(next)
            stack += children[next]
        }
        return result
    }

    /// Every concept strictly above the one at `position`.
    public func ancestors(of position: Int) -> [Int] {
        var result: [Int] = []
        var seen = Set<Int>([position])
        var stack = parents[position]
        while let next = stack.popLast() {
            guard seen.insert(next).inserted else { continue }
            result.append(next)
            stack += parents[next]
        }
        return result
    }
}
