/// A light sanity check of the two engines against each other: how many pairs give the same
/// number of results. It compares counts only, not values, and claims no conformance.
struct ResultAgreement: Sendable, Codable {
    /// The most differing expressions kept for the report.
    static let maximumReportedDifferences = 12

    /// An expression whose result counts differ on some resources.
    struct Difference: Sendable, Codable {
        /// The resource type.
        let resourceType: String
        /// The search parameter's code.
        let code: String
        /// The expression text.
        let expression: String
        /// Pairs of this expression whose counts differ.
        let pairs: Int
        /// The first resource where they differ.
        let firstResource: String
        /// Kiln's count on that resource.
        let kiln: Int
        /// fhirpathpy's count on that resource.
        let fhirpathpy: Int
    }

    /// Pairs both engines evaluated without error.
    let bothEvaluated: Int
    /// Of those, pairs with the same number of results.
    let sameCount: Int
    /// Pairs only Kiln evaluated (fhirpathpy raised an error).
    let onlyKiln: Int
    /// Pairs only fhirpathpy evaluated (Kiln raised an error).
    let onlyFhirpathpy: Int
    /// Expressions with differing counts, most differing pairs first, at most ``maximumReportedDifferences``.
    let differences: [Difference]
    /// All expressions with at least one differing pair.
    let differingExpressions: Int

    /// Compares the counts of every pair; `kiln` and `fhirpathpy` are in workload order.
    init(_ workload: FHIRPathWorkload, kiln: [Int?], fhirpathpy: [Int?]) {
        var both = 0
        var same = 0
        var onlyKiln = 0
        var onlyFhirpathpy = 0
        var byExpression: [Int: Difference] = [:]
        for (index, pair) in workload.pairs.enumerated() {
            let fhirpathpyCount = index < fhirpathpy.count ? fhirpathpy[index] : nil
            switch (kiln[index], fhirpathpyCount) {
            case (let kilnCount?, let otherCount?):
                both += 1
                if kilnCount == otherCount {
                    same += 1
                } else if let known = byExpression[pair.expression] {
                    byExpression[pair.expression] = Difference(
                        resourceType: known.resourceType, code: known.code, expression: known.expression, pairs: known.pairs + 1,
                        firstResource: known.firstResource, kiln: known.kiln, fhirpathpy: known.fhirpathpy
                    )
                } else {
                    let expression = workload.expressions[pair.expression]
                    byExpression[pair.expression] = Difference(
                        resourceType: expression.resourceType, code: expression.code, expression: expression.text, pairs: 1,
                        firstResource: workload.resources[pair.resource].label, kiln: kilnCount, fhirpathpy: otherCount
                    )
                }
            case (.some, nil): onlyKiln += 1
            case (nil, .some): onlyFhirpathpy += 1
            case (nil, nil): break
            }
        }
        self.bothEvaluated = both
        self.sameCount = same
        self.onlyKiln = onlyKiln
        self.onlyFhirpathpy = onlyFhirpathpy
        self.differingExpressions = byExpression.count
        self.differences = Array(
            byExpression.sorted { ($0.value.pairs, $1.key) > ($1.value.pairs, $0.key) }.map(\.value).prefix(Self.maximumReportedDifferences)
        )
    }
}
