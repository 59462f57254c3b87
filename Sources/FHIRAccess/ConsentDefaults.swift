/// What a request is answered for a patient none of whose Consents applies to it, by purpose of
/// use: an opt-out model (permit) for treatment, operations and the patient's own requests, and
/// for research in the de-identified research view (de-identified data is outside HIPAA's
/// authorization rule); an opt-in model (deny) for identifiable research. A purpose without an
/// entry is denied, so an unexpected purpose fails closed.
///
/// ```swift
/// var defaults = ConsentDefaults.standard
/// try defaults.apply("HRESCH=permit")       // kiln serve --consent-default HRESCH=permit
/// defaults.permits(purpose: "TREAT", in: .clinical)   // true
/// ```
public struct ConsentDefaults: Sendable, Hashable {
    /// The answer per purpose of use in the clinical view.
    public private(set) var clinical: [String: Bool]
    /// The answer for research (HRESCH) in the de-identified research view.
    public var researchViewPermits: Bool

    /// Defaults.
    public init(clinical: [String: Bool], researchViewPermits: Bool) {
        self.clinical = clinical
        self.researchViewPermits = researchViewPermits
    }

    /// Permit for TREAT, ETREAT, HOPERAT and PATRQT, and for HRESCH in the research view; deny
    /// for identifiable HRESCH and any other purpose.
    public static let standard = ConsentDefaults(
        clinical: ["TREAT": true, "ETREAT": true, "HOPERAT": true, "PATRQT": true, "HRESCH": false],
        researchViewPermits: true
    )

    /// The answer for `purpose` in `view`.
    public func permits(purpose: String, in view: DataView) -> Bool {
        if view == .research, purpose == "HRESCH" { return researchViewPermits }
        return clinical[purpose] ?? false
    }

    /// Sets one purpose from `PURPOSE=permit` or `PURPOSE=deny` (the form of
    /// `kiln serve --consent-default`). HRESCH sets both views: `HRESCH=deny` makes the
    /// de-identified research view opt-in (identifiable research is opt-in already);
    /// `HRESCH=permit` makes identifiable research opt-out as well.
    public mutating func apply(_ setting: String) throws(ConsentDefaultsError) {
        let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw ConsentDefaultsError(message: "'\(setting)' is not PURPOSE=permit or PURPOSE=deny (PURPOSE a v3-ActReason code such as TREAT or HRESCH)")
        }
        let purpose = parts[0].uppercased()
        let permits: Bool
        switch parts[1] {
        case "permit": permits = true
        case "deny": permits = false
        default: throw ConsentDefaultsError(message: "'\(setting)': the default must be 'permit' or 'deny', not '\(parts[1])'")
        }
        clinical[purpose] = permits
        if purpose == "HRESCH" { researchViewPermits = permits }
    }
}

/// A consent default that cannot be read.
public struct ConsentDefaultsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, for a person.
    public let message: String
    /// The message.
    public var description: String { message }
}
