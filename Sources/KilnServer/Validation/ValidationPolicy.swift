/// The ``ValidationMode`` of each resource type for create, update, patch and Bundle entries.
///
/// ```swift
/// ValidationPolicy.standard.mode(for: "Patient")        // .reject
/// ValidationPolicy.standard.mode(for: "Organization")   // .warn
/// ValidationPolicy(defaultMode: .off).mode(for: "Patient")   // .off (`kiln serve --validation off`)
/// ```
public struct ValidationPolicy: Sendable, Hashable {
    /// The resource types whose invalid content is refused by default: what clinical decisions
    /// and access decisions rest on.
    public static let rejectingTypes: Set<String> = ["Patient", "Observation", "DiagnosticReport", "Consent", "Provenance"]

    /// The default: reject for ``rejectingTypes``, warn for every other type.
    public static let standard = ValidationPolicy(
        defaultMode: .warn,
        modes: Dictionary(uniqueKeysWithValues: rejectingTypes.map { ($0, .reject) })
    )

    /// The mode of types without their own entry in ``modes``.
    public var defaultMode: ValidationMode
    /// Modes by resource type.
    public var modes: [String: ValidationMode]

    /// A policy; with no `modes`, every type gets `defaultMode`.
    public init(defaultMode: ValidationMode, modes: [String: ValidationMode] = [:]) {
        self.defaultMode = defaultMode
        self.modes = modes
    }

    /// The mode for writes of `resourceType`.
    public func mode(for resourceType: String) -> ValidationMode {
        modes[resourceType] ?? defaultMode
    }
}

extension ValidationPolicy: CustomStringConvertible {
    /// The modes for the start-up log: `reject for Consent, Patient; warn for other types`.
    public var description: String {
        let byMode = Dictionary(grouping: modes.filter { $0.value != defaultMode }, by: \.value)
        let specific = ValidationMode.allCases.compactMap { mode in
            byMode[mode].map { "\(mode.rawValue) for \($0.map(\.key).sorted().joined(separator: ", "))" }
        }
        let fallback = specific.isEmpty ? "\(defaultMode.rawValue) for every type" : "\(defaultMode.rawValue) for other types"
        return (specific + [fallback]).joined(separator: "; ")
    }
}
