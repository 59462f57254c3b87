public import FHIRDefinitions

/// The index tables, one per kind of value, keyed by `rid` (the `resource` row's number) and
/// holding `resource_type` and `param` so that each index starts with them.
public enum SearchTables {
    /// Token rows: `system`, `code`, `text`.
    public static let token = "search_token"
    /// String rows: `normalized`, `exact`.
    public static let string = "search_string"
    /// Date rows: `low`, `high` (`-infinity`/`infinity` when open).
    public static let date = "search_date"
    /// Reference rows: `target_type`, `target_id`, `url`.
    public static let reference = "search_reference"
    /// Quantity rows: `value`, `system`, `code`, `canonical_value`, `canonical_code`.
    public static let quantity = "search_quantity"
    /// Number rows: `value`.
    public static let number = "search_number"
    /// URI rows: `uri`.
    public static let uri = "search_uri"
    /// Composite rows: `system`, `code` and the second part in `v_system`, `v_code`, `v_value`,
    /// `v_canonical_value`, `v_canonical_code`, `v_low`, `v_high`, `v_string`.
    public static let composite = "search_composite"
    /// Patient compartment membership: `rid`, `patient_id`.
    public static let compartment = "search_compartment"

    /// Every table with `resource_type` and `param` columns.
    public static let valueTables = [token, string, date, reference, quantity, number, uri, composite]

    /// The table holding the values of a parameter of `type`; nil for `special`.
    public static func table(for type: SearchParameterType) -> String? {
        switch type {
        case .token: token
        case .string: string
        case .date: date
        case .reference: reference
        case .quantity: quantity
        case .number: number
        case .uri: uri
        case .composite: composite
        case .special: nil
        }
    }
}
