public import FHIRAccess
import FHIRConsent
public import FHIRModel

/// Who a Provenance says made the write (`Provenance.agent`), from the request's ``Principal``.
///
/// - A user with a FHIR resource (`fhirUser`, e.g. `Practitioner/12`): `who` refers to it.
///   A user without one (an administrator, a data steward) is named by an identifier,
///   ``usernameSystem`` | username.
///   Either way the type is `author` — in R4's provenance-participant-type, "the party that
///   originates the resource and therefore has responsibility for the information": the user
///   decided what was written, the app only carried it.
/// - A backend client (no user, no role): `who` is an identifier naming the client
///   registration, ``FHIRConsent/ConsentActor/clientIDSystem`` | client id, with
///   `Reference.type` Device (software), and the type is `performer` — "the person, animal,
///   organization or device who actually and principally carries out the activity". A backend
///   client carries out the write, but may relay data it did not originate (an interface
///   engine), so it is not called the author.
/// - The anonymous caller of a server without authorization: `who` is only a display,
///   `anonymous`, and the type is left out, since Kiln cannot tell who or what it was.
///
/// `onBehalfOf` is the Organization the caller acts for, when known.
public enum ProvenanceAgent {
    /// The identifier system of a Kiln username, for users without a FHIR resource.
    public static let usernameSystem = "urn:kiln:username"
    /// The code system of `Provenance.agent.type`.
    public static let typeSystem = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"

    /// The agent of a write by `principal`.
    public static func agent(for principal: Principal) -> JSONValue {
        var agent = JSONObject()
        if principal == .anonymous {
            agent["who"] = ["display": "anonymous"]
            return .object(agent)
        }
        let isUser = principal.fhirUser != nil || principal.role != nil
        agent["type"] = type(isUser ? "author" : "performer")
        agent["who"] = who(for: principal)
        if let organization = principal.organization {
            agent["onBehalfOf"] = ["reference": .string(organization)]
        }
        return .object(agent)
    }

    /// `agent.who` for `principal`: its fhirUser, else its username, else its client registration.
    public static func who(for principal: Principal) -> JSONValue {
        if let fhirUser = principal.fhirUser {
            return ["reference": .string(fhirUser)]
        }
        if principal.role != nil {
            return ["identifier": ["system": .string(usernameSystem), "value": .string(principal.subject)]]
        }
        return [
            "type": "Device",
            "identifier": ["system": .string(ConsentActor.clientIDSystem), "value": .string(principal.clientID ?? principal.subject)],
        ]
    }

    /// `agent.type` with one provenance-participant-type coding.
    private static func type(_ code: String) -> JSONValue {
        let display = code == "author" ? "Author" : "Performer"
        return ["coding": [["system": .string(typeSystem), "code": .string(code), "display": .string(display)]]]
    }
}
