extension AuditEventBuilder {
    /// The BALP profiles a record of the event itself conforms to, and so claims.
    ///
    /// - The REST profiles fix `outcome` to success and need the client's network address; Read,
    ///   Create, Update and Delete hold exactly one data entity; their Patient variants exactly
    ///   one patient (a record of several patients claims the plain profile: BALP would write
    ///   one record per patient, Kiln writes one per request and lists every patient).
    /// - PrivacyDisclosure.Source (the research view's releases) holds exactly one patient and
    ///   needs the recipient's network address.
    /// - OAUTHaccessTokenUse.Minimal: any record of a request authorized by a token.
    func claims(_ facts: AuditEventFacts, shape: AuditEventShape, outcome: String, entityCount: Int) -> [BALPProfile] {
        var profiles: [BALPProfile] = []
        let onePatient = facts.patients.count == 1
        let clientOnNetwork = facts.caller.networkAddress != nil
        switch shape.layout {
        case .rest:
            guard outcome == "0", clientOnNetwork, let rest = shape.restProfiles else { break }
            if case .search = facts.kind {
                profiles.append(onePatient ? rest.patient : rest.plain)
            } else if facts.entities.count == 1 {
                profiles.append(onePatient ? rest.patient : rest.plain)
            }
        case .disclosure:
            if onePatient, clientOnNetwork, entityCount >= 2 { profiles.append(.privacyDisclosureSource) }
        case .authentication, .administration, .application, .authorization:
            break
        }
        if shape.layout != .authentication, facts.caller.tokenID != nil { profiles.append(.oauthAccessTokenUseMinimal) }
        return profiles
    }

    /// The BALP profiles a consent decision conforms to: AuthZconsent when it has one patient,
    /// a user, the user's Organization and the client's network address; and
    /// OAUTHaccessTokenUse.Minimal with a token.
    func decisionClaims(_ facts: AuditEventFacts) -> [BALPProfile] {
        var profiles: [BALPProfile] = []
        let caller = facts.caller
        if facts.patients.count == 1, caller.hasUser, caller.organization != nil, caller.networkAddress != nil {
            profiles.append(.authZConsent)
        }
        if caller.tokenID != nil { profiles.append(.oauthAccessTokenUseMinimal) }
        return profiles
    }
}
