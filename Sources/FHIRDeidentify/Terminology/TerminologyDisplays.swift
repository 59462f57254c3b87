/// Where the engine gets the display of a code, so that a Coding's `display` — text a person
/// may have typed — is replaced by the code system's own, or removed.
///
/// The server adapts its terminology service to this; ``DisplayTable`` serves tests and
/// fixed lists.
public protocol TerminologyDisplays: Sendable {
    /// The code system's display of `code`, or nil when the code is not known.
    func display(system: String, code: String) -> String?
}

/// No terminology: every Coding's display is removed.
public struct NoTerminologyDisplays: TerminologyDisplays {
    /// No terminology.
    public init() {}

    /// Always nil.
    public func display(system: String, code: String) -> String? { nil }
}

/// Displays from a fixed table, keyed `system|code`.
///
/// ```swift
/// let displays = DisplayTable(["http://loinc.org|30525-0": "Age"])
/// ```
public struct DisplayTable: TerminologyDisplays {
    /// The displays, keyed `system|code`.
    public var displays: [String: String]

    /// A table of displays keyed `system|code`.
    public init(_ displays: [String: String]) {
        self.displays = displays
    }

    /// The table's display of `code` of `system`.
    public func display(system: String, code: String) -> String? {
        displays[system + "|" + code]
    }
}
