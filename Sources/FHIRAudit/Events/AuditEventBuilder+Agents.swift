import FHIRModel

extension AuditEventBuilder {
    /// The agents of a record: the client, the user (or, with a token and no user, the token's
    /// agent), the Organization and the server.
    func agents(_ facts: AuditEventFacts, shape: AuditEventShape, parties: AuditEventParties) -> [JSONValue] {
        let caller = facts.caller
        let types = shape.agentTypes
        let recordsToken = shape.layout != .authentication && caller.tokenID != nil
        var agents: [JSONValue] = []
        agents.reserveCapacity(4)
        if let client = Self.clientAgent(caller, type: types.client) { agents.append(client) }
        if caller.hasUser {
            agents.append(Self.userAgent(caller, type: recordsToken ? types.userWithToken : types.user, recordsToken: recordsToken, parties: parties))
        } else if recordsToken, let token = caller.tokenID {
            agents.append(Self.tokenAgent(caller, tokenID: token))
        }
        if let organization = caller.organization { agents.append(Self.organizationAgent(organization)) }
        agents.append(AuditJSON.object([
            "type": types.server,
            "who": parties.server,
            "requestor": false,
            "network": AuditJSON.object(["address": .string(facts.server.baseURL), "type": "5"]),
        ]))
        return agents
    }

    /// The agents of a consent decision (BALP AuthZconsent): the client, the user, the user's
    /// Organization and Kiln as the authorizer.
    func decisionAgents(_ facts: AuditEventFacts, shape: AuditEventShape, parties: AuditEventParties) -> [JSONValue] {
        let caller = facts.caller
        let types = shape.agentTypes
        var agents: [JSONValue] = []
        agents.reserveCapacity(4)
        if let client = Self.clientAgent(caller, type: types.client) { agents.append(client) }
        if caller.hasUser {
            let recordsToken = caller.tokenID != nil
            agents.append(Self.userAgent(caller, type: recordsToken ? types.userWithToken : types.user, recordsToken: recordsToken, parties: parties))
        } else if let token = caller.tokenID {
            agents.append(Self.tokenAgent(caller, tokenID: token))
        }
        if let organization = caller.organization { agents.append(Self.organizationAgent(organization)) }
        // The authorizer is the server that records the event (BALP's val-audit-source): its
        // `who` is `source.observer`; it has no network.
        agents.append(AuditJSON.object([
            "type": types.server,
            "who": parties.server,
            "requestor": false,
        ]))
        return agents
    }

    /// The client: `client_id` as identifier (BALP's OAuth mapping) and its name; without an id,
    /// the name or the network address. Nil when nothing is known of it.
    private static func clientAgent(_ caller: AuditEventFacts.Caller, type: JSONValue) -> JSONValue? {
        guard let who = clientWho(caller) else { return nil }
        var agent = JSONObject(minimumCapacity: 4)
        agent.appendNew("type", type)
        agent.appendNew("who", who)
        agent.appendNew("requestor", false)
        if let address = caller.networkAddress {
            agent.appendNew("network", AuditJSON.object([
                "address": .string(address),
                "type": .string(AuditCodes.networkType(of: address)),
            ]))
        }
        return .object(agent)
    }

    private static func clientWho(_ caller: AuditEventFacts.Caller) -> JSONValue? {
        var who = JSONObject(minimumCapacity: 2)
        if let id = caller.clientID { who.appendNew("identifier", AuditJSON.object(["value": .string(id)])) }
        if let name = caller.clientName ?? (caller.clientID == nil ? caller.networkAddress : nil) {
            who.appendNew("display", .string(name))
        }
        return who.isEmpty ? nil : .object(who)
    }

    /// The user: `fhirUser` as reference, `sub` as identifier, the role, the token's `jti` as
    /// policy (BALP OAUTHaccessTokenUse.Minimal) and the purpose of use; the requestor.
    private static func userAgent(_ caller: AuditEventFacts.Caller, type: JSONValue, recordsToken: Bool, parties: AuditEventParties) -> JSONValue {
        var agent = JSONObject(minimumCapacity: 6)
        agent.appendNew("type", type)
        if let role = caller.role { agent.appendNew("role", [AuditJSON.object(["text": .string(role)])]) }
        var who = JSONObject(minimumCapacity: 2)
        if let fhirUser = caller.fhirUser { who.appendNew("reference", .string(fhirUser)) }
        if let subject = caller.subject { who.appendNew("identifier", AuditJSON.object(["value": .string(subject)])) }
        agent.appendNew("who", .object(who))
        agent.appendNew("requestor", true)
        if recordsToken, let token = caller.tokenID { agent.appendNew("policy", [.string(AuditCodes.jtiPrefix + token)]) }
        if let purpose = parties.purposeOfUse { agent.appendNew("purposeOfUse", [purpose]) }
        return .object(agent)
    }

    /// The token's agent when no user is known (a backend client's token): the client as who,
    /// the `jti` as policy.
    private static func tokenAgent(_ caller: AuditEventFacts.Caller, tokenID: String) -> JSONValue {
        var agent = JSONObject(minimumCapacity: 4)
        agent.appendNew("type", oauthUserType)
        if let id = caller.clientID { agent.appendNew("who", AuditJSON.identified(id)) }
        agent.appendNew("requestor", true)
        agent.appendNew("policy", [.string(AuditCodes.jtiPrefix + tokenID)])
        return .object(agent)
    }

    private static let oauthUserType = AuditJSON.concept(AuditCodes.oauthUser)
    private static let organizationType = AuditJSON.concept(AuditCodes.healthcareProvider)

    /// The user's Organization (BALP's `userorg`).
    private static func organizationAgent(_ organization: String) -> JSONValue {
        AuditJSON.object([
            "type": organizationType,
            "who": AuditJSON.reference(organization),
            "requestor": false,
        ])
    }
}
