/// The criteria of a conditional interaction (`If-None-Exist`, `PUT [type]?…`, `DELETE [type]?…`):
/// every condition must hold (AND); each condition holds when any of its values matches (OR).
public struct MatchCriteria: Sendable, Hashable {
    /// Conditions on `_id`: each is a list of ids, any of which matches.
    public var ids: [[String]]
    /// Conditions on `identifier`: each is a list of token values, any of which matches.
    public var identifiers: [[TokenCriterion]]

    /// Criteria from their conditions.
    public init(ids: [[String]] = [], identifiers: [[TokenCriterion]] = []) {
        self.ids = ids
        self.identifiers = identifiers
    }

    /// True when there is no condition at all.
    public var isEmpty: Bool { ids.isEmpty && identifiers.isEmpty }

    /// A canonical text of the criteria, used as the name of the lock that serialises
    /// conditional writes with the same criteria.
    public var lockKey: String {
        let idText = ids.map { $0.sorted().joined(separator: ",") }.sorted().joined(separator: "&")
        let identifierText = identifiers.map { condition in
            condition.map { "\($0.system ?? "*")|\($0.code ?? "*")" }.sorted().joined(separator: ",")
        }.sorted().joined(separator: "&")
        return "_id=\(idText);identifier=\(identifierText)"
    }
}
