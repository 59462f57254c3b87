import FHIRPath

/// What the FHIRPath benchmark evaluates: the search parameter expressions of each benchmarked
/// type, parsed once, and every (expression, resource) pair of the same type.
struct FHIRPathWorkload: Sendable {
    /// One search parameter's expression for one resource type, compiled once.
    struct Expression: Sendable {
        /// The type whose branch of the expression this is.
        let resourceType: String
        /// The search parameter's code, such as `name` or `_id`.
        let code: String
        /// The expression text: the parameter's union branch for ``resourceType``.
        let text: String
        /// The parsed expression, shared by every evaluation and every worker.
        let compiled: FHIRPathExpression
    }

    /// An expression that Kiln did not parse, left out of the workload.
    struct ParseFailure: Sendable, Codable {
        /// The resource type.
        let resourceType: String
        /// The search parameter's code.
        let code: String
        /// The expression text.
        let expression: String
        /// Kiln's error.
        let message: String
    }

    /// One evaluation: indices into ``expressions`` and ``resources``.
    struct Pair: Sendable, Hashable {
        /// The expression's index.
        let expression: Int
        /// The resource's index.
        let resource: Int
    }

    /// The benchmarked resource types, in order.
    let resourceTypes: [String]
    /// Every expression that parsed.
    let expressions: [Expression]
    /// Every example resource.
    let resources: [ExampleResource]
    /// Every (expression, resource) pair of the same type.
    let pairs: [Pair]
    /// The expressions that did not parse.
    let parseFailures: [ParseFailure]
    /// Search parameters of the types that have no expression (such as `_text`), not evaluated.
    let parametersWithoutExpression: Int

    /// The number of pairs of one resource type.
    func pairCount(of resourceType: String) -> Int {
        pairs.count { expressions[$0.expression].resourceType == resourceType }
    }
}
