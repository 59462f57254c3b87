public import FHIRDefinitions

/// One condition of a search: one query parameter (name, modifier and its comma-separated
/// values). A search matches resources that satisfy every condition (repeated parameters mean
/// AND); a condition holds when any of its values matches (comma means OR).
///
/// The parser resolves everything a condition needs before compiling: terminology modifiers
/// become explicit code lists, quantities carry their canonical UCUM form, absolute references
/// to this server become type and id. The compiler needs nothing but the condition.
public indirect enum SearchCondition: Sendable, Hashable {
    /// `_id`: any of the ids.
    case id([String])
    /// `_lastUpdated`: any of the ranges, against the `resource` row's `last_updated`.
    case lastUpdated([DateCriterion])
    /// A token parameter: any of the values matches; with `negated` (`:not`, `:not-in`) the
    /// resource matches when none of its values matches any of them (resources without a
    /// value included).
    case token(parameter: String, [TokenCriterion], negated: Bool)
    /// `:text` on a token parameter: the normalized display or text starts with any of the values.
    case tokenText(parameter: String, [String])
    /// A string parameter.
    case string(parameter: String, [StringCriterion])
    /// A date parameter.
    case date(parameter: String, [DateCriterion])
    /// A number parameter.
    case number(parameter: String, [NumberCriterion])
    /// A quantity parameter.
    case quantity(parameter: String, [QuantityCriterion])
    /// A reference parameter.
    case reference(parameter: String, [ReferenceCriterion])
    /// A URI parameter.
    case uri(parameter: String, [URICriterion])
    /// A composite parameter.
    case composite(parameter: String, [CompositeCriterion])
    /// `:missing=true` (`missing` true) or `:missing=false`: whether the parameter has no value
    /// at all. `storage` names the table its values are kept in.
    case missing(parameter: String, storage: SearchParameterType, missing: Bool)
    /// A chained parameter (`subject:Patient.name=smith`): some reference of `parameter` points
    /// to a resource of one of `targetTypes` that satisfies `condition`.
    case chain(parameter: String, targetTypes: [String], condition: SearchCondition)
    /// Reverse chaining (`_has:Observation:patient:code=1234-5`): some resource of `sourceType`
    /// whose reference `parameter` points to the resource satisfies `condition`.
    case reverseChain(sourceType: String, parameter: String, condition: SearchCondition)
    /// The resource is in the Patient compartment of any of the patients (by id): what
    /// `Patient/[id]/$everything` matches.
    case compartment(patients: [String])
}
