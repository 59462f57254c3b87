import FHIRAccess

extension SQLCompilation {
    /// ` AND <every patient whose compartment holds alias consents>`, for the types of the scope
    /// in the Patient compartment (Consent itself excepted, see ``ConsentScope/exemptTypes``).
    ///
    /// The decision for one patient is `kiln_consent_permits` (see `ConsentTables`), evaluated
    /// over the provisions compiled from the patient's Consents in the same transaction as each
    /// Consent's write, so a change is seen by the very next statement on every node. With a
    /// permitting default only patients that hold a Consent are asked, so a patient without one
    /// costs one index probe; with a denying default every compartment patient is asked.
    mutating func appendConsent(_ consent: ConsentScope, alias: String, scope: TypeScope) {
        let governed = compiler.consentGovernedTypes
        let restricted = compiler.consentGoverns(scope)
        if restricted == false { return }
        let member = self.alias("k")
        append(" AND (")
        if restricted == nil {
            append("\(alias).resource_type <> ALL(")
            bind(.textArray(governed.sorted()))
            append(") OR ")
        }
        append("NOT EXISTS (SELECT 1 FROM \(SearchTables.compartment) \(member) WHERE \(member).rid = \(alias).rid")
        // With a permitting default the function is asked only for a patient who holds a
        // Consent; the CASE keeps PostgreSQL from calling it before that index probe.
        if consent.permitsByDefault {
            let policy = self.alias("cp")
            append(" AND CASE WHEN EXISTS (SELECT 1 FROM \(ConsentTables.policy) \(policy) WHERE \(policy).patient_id = \(member).patient_id) THEN")
        } else {
            append(" AND")
        }
        append(" NOT \(ConsentTables.permitsFunction)(\(member).patient_id, \(alias).rid, \(alias).resource_type, \(alias).id, ")
        bind(.text(consent.purpose))
        append(", ")
        bind(.textArray(consent.actors))
        append(", ")
        bind(.textArray(consent.actions))
        append(", ")
        bind(.boolean(consent.permitsByDefault))
        append(consent.permitsByDefault ? ") ELSE false END" : ")")
        // OFFSET 0 keeps the check a per-row subplan: as an anti-join PostgreSQL may hash it,
        // deciding for every compartment row of every patient instead of for the rows at hand.
        append(" OFFSET 0))")
    }
}

extension SearchCompiler {
    /// The types whose resources patients' Consents decide: the Patient compartment's, Consent
    /// itself excepted (see ``ConsentScope/exemptTypes``).
    var consentGovernedTypes: Set<String> { compartmentTypes.subtracting(ConsentScope.exemptTypes) }

    /// Whether Consents decide the resources of `scope`: true for all of them, false for none,
    /// nil for some (a test of the row's type decides).
    func consentGoverns(_ scope: TypeScope) -> Bool? {
        let governed = consentGovernedTypes
        switch scope {
        case .single(let type): return governed.contains(type)
        case .several(let types):
            let inside = types.filter { governed.contains($0) }
            return inside.isEmpty ? false : (inside.count == types.count ? true : nil)
        case .any: return nil
        }
    }
}
