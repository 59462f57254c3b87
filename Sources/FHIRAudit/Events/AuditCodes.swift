import FHIRModel

/// The code systems and codes Kiln's audit records use, with the BALP 1.1.x vocabulary. The
/// Codings of fixed codes are made once.
enum AuditCodes {
    // MARK: Code systems

    static let dicom = "http://dicom.nema.org/resources/ontology/DCM"
    static let auditEventType = "http://terminology.hl7.org/CodeSystem/audit-event-type"
    static let restfulInteraction = "http://hl7.org/fhir/restful-interaction"
    static let lifecycle = "http://terminology.hl7.org/CodeSystem/iso-21089-lifecycle"
    static let entityType = "http://terminology.hl7.org/CodeSystem/audit-entity-type"
    static let objectRole = "http://terminology.hl7.org/CodeSystem/object-role"
    static let participationType = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
    static let roleClass = "http://terminology.hl7.org/CodeSystem/v3-RoleClass"
    static let securityRoleType = "http://terminology.hl7.org/CodeSystem/extra-security-role-type"
    static let provenanceParticipantType = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
    static let sourceType = "http://terminology.hl7.org/CodeSystem/security-source-type"
    static let actReason = "http://terminology.hl7.org/CodeSystem/v3-ActReason"
    static let resourceTypes = "http://hl7.org/fhir/resource-types"
    static let iheEventType = "urn:ihe:event-type-code"
    /// BALP's entity types (`XrequestId`).
    static let balpEntityType = "https://profiles.ihe.net/ITI/BALP/CodeSystem/BasicAuditEntityType"
    /// BALP's agent types (`UserOauthAgent`).
    static let balpUserAgentType = "https://profiles.ihe.net/ITI/BALP/CodeSystem/UserAgentTypes"
    /// BALP's authorization decision subtypes (`AuthZ-Consent`).
    static let balpAuthZSubtype = "https://profiles.ihe.net/ITI/BALP/CodeSystem/AuthZsubType"

    /// The prefix BALP puts before a token's `jti` (RFC 3553).
    static let jtiPrefix = "urn:ietf:params:oauth:jti:"
    /// The prefix of Kiln's own `entity.detail.type` names.
    static let detailPrefix = "https://kiln.dev/fhir/audit-detail/"

    // MARK: AuditEvent.type

    static let restType = AuditJSON.coding(auditEventType, "rest")
    static let exportType = AuditJSON.coding(dicom, "110106")
    static let securityAlertType = AuditJSON.coding(dicom, "110113")
    static let userAuthenticationType = AuditJSON.coding(dicom, "110114")
    static let applicationActivityType = AuditJSON.coding(dicom, "110100")

    // MARK: AuditEvent.subtype

    static let disclose = AuditJSON.coding(lifecycle, "disclose")
    static let authZConsent = AuditJSON.coding(balpAuthZSubtype, "AuthZ-Consent")
    static let login = AuditJSON.coding(dicom, "110122")
    static let logout = AuditJSON.coding(dicom, "110123")
    static let getAccessToken = AuditJSON.coding(iheEventType, "ITI-71")
    static let introspectToken = AuditJSON.coding(iheEventType, "ITI-102")
    static let securityConfiguration = AuditJSON.coding(dicom, "110129")
    static let applicationStart = AuditJSON.coding(dicom, "110120")
    static let applicationStop = AuditJSON.coding(dicom, "110121")

    /// The restful-interaction Coding of `code`.
    static func interaction(_ code: String) -> JSONValue {
        AuditJSON.coding(restfulInteraction, code)
    }

    // MARK: AuditEvent.agent.type

    static let application = AuditJSON.coding(dicom, "110150")
    static let destinationRole = AuditJSON.coding(dicom, "110152")
    static let sourceRole = AuditJSON.coding(dicom, "110153")
    static let custodian = AuditJSON.coding(provenanceParticipantType, "custodian")
    static let authorizationServer = AuditJSON.coding(securityRoleType, "authserver")
    static let informationRecipient = AuditJSON.coding(participationType, "IRCP")
    static let author = AuditJSON.coding(participationType, "AUT")
    static let healthcareProvider = AuditJSON.coding(roleClass, "PROV")
    static let oauthUser = AuditJSON.coding(balpUserAgentType, "UserOauthAgent")

    /// The network-type of an IP address (`2`) or of a host name (`1`).
    static func networkType(of address: String) -> String {
        var dots = 0
        var digitsAndDotsOnly = true
        for byte in address.utf8 {
            if byte == UInt8(ascii: ":") { return "2" }
            if byte == UInt8(ascii: ".") { dots += 1 } else if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { digitsAndDotsOnly = false }
        }
        return digitsAndDotsOnly && dots == 3 ? "2" : "1"
    }

    // MARK: AuditEvent.source.type

    static let applicationServer = AuditJSON.coding(sourceType, "4")

    // MARK: AuditEvent.entity.type and role

    static let person = AuditJSON.coding(entityType, "1")
    static let systemObject = AuditJSON.coding(entityType, "2")
    static let other = AuditJSON.coding(entityType, "4")
    static let requestID = AuditJSON.coding(balpEntityType, "XrequestId")
    static let consentEntity = AuditJSON.coding(resourceTypes, "Consent")
    static let oauthTokenEntity = AuditJSON.coding(balpUserAgentType, "UserOauthAgent")
    static let patientRole = AuditJSON.coding(objectRole, "1")
    static let domainResourceRole = AuditJSON.coding(objectRole, "4")
    static let securityResourceRole = AuditJSON.coding(objectRole, "13")
    static let queryRole = AuditJSON.coding(objectRole, "24")

    /// The resource-types Coding of a resource type name, or `Other` when `name` is none.
    static func entityType(named name: Substring) -> JSONValue {
        let utf8 = name.utf8
        guard let first = utf8.first, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first),
              utf8.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) })
        else { return other }
        return AuditJSON.coding(resourceTypes, String(name))
    }

    // MARK: Kiln's entity details

    static let viewDetail = detailPrefix + "view"
    static let projectDetail = detailPrefix + "research-project"
    static let consentDetail = detailPrefix + "consent"
    static let operationDetail = detailPrefix + "operation"
    static let administrationDetail = detailPrefix + "administration-action"
    static let requestDetail = detailPrefix + "request-id"
}
