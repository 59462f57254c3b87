import FHIRModel

/// How the record of an event is laid out: its type, subtypes and action, the agent types
/// BALP gives the client, the server and the user for it, and the REST profiles it may claim.
/// Every layout is made once.
struct AuditEventShape: Sendable {
    /// The record layouts Kiln writes.
    enum Layout: Sendable {
        /// A FHIR REST interaction (BALP RESTful patterns).
        case rest
        /// A research-view release: a disclosure recorded by its source (BALP PrivacyDisclosure.Source).
        case disclosure
        /// A token, sign-in, revocation or introspection event.
        case authentication
        /// An administrative change.
        case administration
        /// The server starting or stopping.
        case application
        /// An authorization decision based on Consent (BALP AuthZconsent).
        case authorization
    }

    /// The agent types (CodeableConcepts) of the parties.
    struct AgentTypes: Sendable {
        var client: JSONValue
        var server: JSONValue
        /// The user's, without and with BALP's `UserOauthAgent` (when a token authorized the request).
        var user: JSONValue
        var userWithToken: JSONValue

        init(client: JSONValue, server: JSONValue, user: JSONValue) {
            self.client = AuditJSON.concept(client)
            self.server = AuditJSON.concept(server)
            self.user = AuditJSON.concept(user)
            self.userWithToken = AuditJSON.concept(user, AuditCodes.oauthUser)
        }

        /// Data flows from server to client (read, vread, history, capabilities): the server is
        /// the Source Role ID, the client the Destination Role ID, the user the recipient.
        static let toClient = AgentTypes(client: AuditCodes.destinationRole, server: AuditCodes.sourceRole, user: AuditCodes.informationRecipient)
        /// The client's request flows to the server (search, operation).
        static let toServer = AgentTypes(client: AuditCodes.sourceRole, server: AuditCodes.destinationRole, user: AuditCodes.informationRecipient)
        /// The client writes (create, update, patch, transaction, batch); the user is the author.
        static let write = AgentTypes(client: AuditCodes.sourceRole, server: AuditCodes.destinationRole, user: AuditCodes.author)
        /// The client deletes: BALP makes it the Application and the server the Custodian.
        static let delete = AgentTypes(client: AuditCodes.application, server: AuditCodes.custodian, user: AuditCodes.author)
        /// A disclosure: Kiln is the source, the client the recipient.
        static let disclosure = toClient
        /// Tokens and sign-in: the client application and the authorization server.
        static let authentication = AgentTypes(client: AuditCodes.application, server: AuditCodes.authorizationServer, user: AuditCodes.informationRecipient)
        /// Administration: the client application, the server it changes, the user as author.
        static let administration = AgentTypes(client: AuditCodes.application, server: AuditCodes.destinationRole, user: AuditCodes.author)
        /// The server starting or stopping: the server application.
        static let application = AgentTypes(client: AuditCodes.application, server: AuditCodes.application, user: AuditCodes.informationRecipient)
    }

    var layout: Layout
    /// `type`, a Coding, and its code.
    var type: JSONValue
    var typeCode: String
    /// `subtype`, an array of Codings, and their codes.
    var subtypes: JSONValue
    var subtypeCodes: [String]
    /// `action`.
    var action: String
    var agentTypes: AgentTypes
    /// The BALP profile a successful record of this interaction claims, without and with one patient.
    var restProfiles: (plain: BALPProfile, patient: BALPProfile)?
    /// Whether the entities are a search's or history's results (typed by resource type, so
    /// BALP's query slice does not take them) rather than the one resource an interaction is about.
    var entitiesAreResults: Bool = false

    /// The layout of the record of the event itself.
    static func main(for facts: AuditEventFacts, outcome: String) -> AuditEventShape {
        let interaction: Interaction
        switch facts.kind {
        case .read: interaction = .read
        case .vread: interaction = .vread
        case .search: interaction = facts.resourceType == nil ? .searchSystem : .searchType
        case .history: interaction = .history
        case .create: interaction = .create
        case .update: interaction = .update
        case .patch: interaction = .patch
        case .delete: interaction = .delete
        case .transaction: interaction = .transaction
        case .batch: interaction = .batch
        case .capabilities: interaction = .capabilities
        case .operation: interaction = .operation
        case .tokenIssued, .tokenRefused: return tokenRequest
        case .login: return login
        case .revocation: return revocation
        case .introspection: return introspection
        case .administration: return administration
        case .consentDecision: return authorization
        case .applicationStart: return applicationStart
        case .applicationStop: return applicationStop
        }
        // Every release of the research view is a disclosure, recorded by Kiln as its source.
        if case .research = facts.view, outcome == "0", let disclosure = interaction.disclosure { return disclosure }
        return interaction.rest
    }

    /// A REST interaction's layouts.
    struct Interaction: Sendable {
        var rest: AuditEventShape
        /// The layout of its release in the research view, for interactions that release data.
        var disclosure: AuditEventShape?

        init(_ code: String, _ action: String, _ agents: AgentTypes, _ profiles: (plain: BALPProfile, patient: BALPProfile)? = nil,
             releases: Bool = false, results: Bool = false) {
            rest = AuditEventShape(layout: .rest, type: AuditCodes.restType, typeCode: "rest",
                                   subtypes: [AuditCodes.interaction(code)], subtypeCodes: [code], action: action,
                                   agentTypes: agents, restProfiles: profiles, entitiesAreResults: results)
            if releases {
                disclosure = AuditEventShape(layout: .disclosure, type: AuditCodes.exportType, typeCode: "110106",
                                             subtypes: [AuditCodes.disclose, AuditCodes.interaction(code)], subtypeCodes: ["disclose", code],
                                             action: "R", agentTypes: .disclosure, entitiesAreResults: results)
            }
        }

        static let read = Interaction("read", "R", .toClient, (.read, .patientRead), releases: true)
        static let vread = Interaction("vread", "R", .toClient, (.read, .patientRead), releases: true)
        static let searchType = Interaction("search-type", "E", .toServer, (.query, .patientQuery), releases: true, results: true)
        static let searchSystem = Interaction("search-system", "E", .toServer, (.query, .patientQuery), releases: true, results: true)
        static let history = Interaction("history", "R", .toClient, releases: true, results: true)
        static let create = Interaction("create", "C", .write, (.create, .patientCreate))
        static let update = Interaction("update", "U", .write, (.update, .patientUpdate))
        static let patch = Interaction("patch", "U", .write, (.update, .patientUpdate))
        static let delete = Interaction("delete", "D", .delete, (.delete, .patientDelete))
        static let transaction = Interaction("transaction", "E", .write)
        static let batch = Interaction("batch", "E", .write)
        static let capabilities = Interaction("capabilities", "R", .toClient)
        static let operation = Interaction("operation", "E", .toServer, releases: true)
    }

    /// An authorization decision based on Consent.
    static let authorization = AuditEventShape(
        layout: .authorization, type: AuditCodes.securityAlertType, typeCode: "110113",
        subtypes: [AuditCodes.authZConsent], subtypeCodes: ["AuthZ-Consent"], action: "E",
        agentTypes: AgentTypes(client: AuditCodes.application, server: AuditCodes.authorizationServer, user: AuditCodes.informationRecipient)
    )

    static let tokenRequest = authentication([AuditCodes.login, AuditCodes.getAccessToken], ["110122", "ITI-71"])
    static let login = authentication([AuditCodes.login], ["110122"])
    static let revocation = authentication([AuditCodes.logout], ["110123"])
    static let introspection = authentication([AuditCodes.introspectToken], ["ITI-102"])

    static let administration = AuditEventShape(
        layout: .administration, type: AuditCodes.securityAlertType, typeCode: "110113",
        subtypes: [AuditCodes.securityConfiguration], subtypeCodes: ["110129"], action: "E", agentTypes: .administration
    )

    static let applicationStart = application(AuditCodes.applicationStart, "110120")
    static let applicationStop = application(AuditCodes.applicationStop, "110121")

    private static func authentication(_ subtypes: [JSONValue], _ codes: [String]) -> AuditEventShape {
        AuditEventShape(layout: .authentication, type: AuditCodes.userAuthenticationType, typeCode: "110114",
                        subtypes: .array(subtypes), subtypeCodes: codes, action: "E", agentTypes: .authentication)
    }

    private static func application(_ subtype: JSONValue, _ code: String) -> AuditEventShape {
        AuditEventShape(layout: .application, type: AuditCodes.applicationActivityType, typeCode: "110100",
                        subtypes: [subtype], subtypeCodes: [code], action: "E", agentTypes: .application)
    }
}
