/// What each patient's Consent is asked about a request: its purpose of use, the actors that
/// identify the caller and the consent actions of the interaction, with the answer when no
/// Consent of the patient applies. Part of an ``AccessFilter``; the search compiler turns it
/// into SQL over the compiled provisions written with each Consent, so every read path (match
/// set, includes, chains, `_has`, counts, history, reads by id) sees only what the patients'
/// Consents allow, decided inside the statement.
///
/// ```swift
/// let scope = ConsentScope(purpose: "TREAT", actors: ["Practitioner/7", "Organization/1"], actions: ["access"], permitsByDefault: true)
/// ```
public struct ConsentScope: Sendable, Hashable {
    /// The request's purpose of use: a code of http://terminology.hl7.org/CodeSystem/v3-ActReason
    /// (`TREAT`, `HRESCH`, `PATRQT`, `HOPERAT`, …).
    public var purpose: String
    /// Every reference that identifies the caller (`Practitioner/7`, `Organization/1`, …), sorted.
    public var actors: [String]
    /// The consent actions of the interaction (http://terminology.hl7.org/CodeSystem/consentaction:
    /// `access`, `correct`, `disclose`), sorted.
    public var actions: [String]
    /// The decision for a patient none of whose Consents applies to the request.
    public var permitsByDefault: Bool

    /// A scope.
    public init(purpose: String, actors: [String], actions: Set<String>, permitsByDefault: Bool) {
        self.purpose = purpose
        self.actors = Array(Set(actors)).sorted()
        self.actions = actions.sorted()
        self.permitsByDefault = permitsByDefault
    }

    /// The consent actions an interaction performs: reads, searches and history are `access`;
    /// an export `access` and `disclose`; update, patch and delete `correct`; a create none (a
    /// Consent governs existing data, so a create asks no Consent).
    public static func actions(for interaction: Interaction) -> Set<String> {
        switch interaction {
        case .read, .vread, .searchType, .searchSystem, .historyInstance, .historyType, .historySystem, .batch, .transaction, .operation:
            ["access"]
        case .update, .patch, .delete:
            ["correct"]
        case .create, .capabilities:
            []
        }
    }

    /// The same scope for another interaction.
    public func performing(_ interaction: Interaction) -> ConsentScope {
        var scope = self
        scope.actions = Self.actions(for: interaction).sorted()
        return scope
    }

    /// The resource types a Consent never hides: Consent itself (who may see Consents is a
    /// matter of roles, not of the Consents).
    public static let exemptTypes: Set<String> = ["Consent"]
}
