import FHIRStore
import Foundation
import Hummingbird
import SMARTAuth

/// `/auth/authorize`: the authorization code flow with PKCE (S256) as plain HTML forms.
///
/// 1. `GET` checks the client, the exact `redirect_uri`, `aud`, the scopes, the PKCE
///    challenge and the form of `purpose_of_use`, and shows a login form carrying the request.
/// 2. `POST` with `username` and `password` checks the user and shows the approval form: one
///    checkbox per requested scope the client may have, and, for a standalone launch asking for
///    `launch/patient` with several patients in reach, one radio button per patient. The pending
///    request is kept server-side under a single-use ticket that expires in 10 minutes. A
///    `purpose_of_use` is held against the client's and the user's registrations here (ETREAT
///    needs a break-glass user) and shown; one they do not allow is `invalid_request`.
/// 3. `POST` with the ticket (`action=approve` or `deny`) issues a single-use code valid for 60 s
///    and redirects to `redirect_uri` with `code` and `state`; the code carries the purpose.
struct AuthorizeEndpoint: Sendable {
    let auth: AuthServices
    /// The FHIR base URL: what `aud` must name.
    let baseURL: String

    static let ticketLifetime: TimeInterval = 600
    static let codeLifetime: TimeInterval = 60

    /// The request's parameters, checked.
    struct Authorization: Sendable {
        var client: ClientRecord
        var redirectURI: String
        var state: String?
        var scope: ScopeSet
        var challenge: String
        var launch: String?
        var nonce: String?
        /// The `purpose_of_use` asked for; nil for none.
        var purpose: String?
    }

    func show(_ request: Request) async -> Response {
        let form: OAuthForm
        do { form = try OAuthForm(request.uri.query ?? "") } catch { return HTMLPage.error(error.description) }
        do {
            let authorization = try await check(form)
            return loginPage(authorization, message: nil)
        } catch let failure as AuthorizeFailure {
            return failure.response
        } catch {
            return HTMLPage.error("The authorization request could not be handled; retry later")
        }
    }

    func submit(_ request: Request) async -> Response {
        do {
            let form = try await OAuthForm.read(request)
            if form["ticket"] != nil { return try await decide(form) }
            let authorization = try await check(form)
            guard let username = form["username"], let password = form["password"],
                  let user = try await auth.store.user(named: username),
                  (try? PasswordHasher().verify(password, against: user.passwordHash)) == true
            else {
                AuditTrail.current?.noteLogin(succeeded: false, username: form["username"])
                return loginPage(authorization, message: "The username or password is wrong.")
            }
            AuditTrail.current?.noteLogin(succeeded: true, username: user.username)
            return try await approvalPage(authorization, user: user)
        } catch let failure as AuthorizeFailure {
            return failure.response
        } catch let error as OAuthError {
            return HTMLPage.error(error.description)
        } catch {
            return HTMLPage.error("The authorization request could not be handled; retry later")
        }
    }

    /// The checks of step 1; errors before the redirect URI is known are shown, later ones redirected.
    private func check(_ form: OAuthForm) async throws -> Authorization {
        guard let clientID = form["client_id"], let client = try await auth.store.client(id: clientID), client.isActive else {
            throw AuthorizeFailure.page("Unknown client: the app is not registered with this server")
        }
        guard let redirectURI = form["redirect_uri"], client.redirectURIs.contains(redirectURI) else {
            throw AuthorizeFailure.page("redirect_uri is not one registered for this app (it must match exactly)")
        }
        let state = form["state"]
        func fail(_ code: String, _ description: String) -> AuthorizeFailure {
            .redirect(redirectURI, ["error": code, "error_description": description, "state": state])
        }
        guard form["response_type"] == "code" else { throw fail("unsupported_response_type", "response_type must be code") }
        guard form["aud"] == baseURL else { throw fail("invalid_request", "aud must be this server's FHIR base URL, \(baseURL)") }
        guard let challenge = form["code_challenge"] else { throw fail("invalid_request", "PKCE is required: send code_challenge with code_challenge_method=S256") }
        do { try PKCE.validateChallenge(challenge, method: form["code_challenge_method"]) } catch { throw fail("invalid_request", error.description) }
        let requested: ScopeSet
        let allowed: ScopeSet
        do {
            requested = try ScopeSet(parsing: form["scope"] ?? "", knownResourceTypes: auth.resourceTypes)
            allowed = try ScopeSet(parsing: client.scope, knownResourceTypes: auth.resourceTypes)
        } catch {
            throw fail("invalid_scope", error.description)
        }
        let scope = requested.narrowed(to: allowed)
        guard !scope.resourceScopes.isEmpty || !scope.nonResourceScopes.isEmpty else {
            throw fail("invalid_scope", "None of the requested scopes is allowed for this app")
        }
        let purpose = form["purpose_of_use"]
        if let purpose, !PurposeOfUseGrant.isPurposeCode(purpose) {
            throw fail("invalid_request", "purpose_of_use must be a code of http://terminology.hl7.org/CodeSystem/v3-ActReason (TREAT, ETREAT, HOPERAT, HRESCH, PATRQT, …)")
        }
        return Authorization(
            client: client, redirectURI: redirectURI, state: state, scope: scope, challenge: challenge,
            launch: form["launch"], nonce: form["nonce"], purpose: purpose
        )
    }

    private func loginPage(_ authorization: Authorization, message: String?) -> Response {
        let fields = [
            HTMLPage.hidden("response_type", "code"), HTMLPage.hidden("client_id", authorization.client.clientID),
            HTMLPage.hidden("redirect_uri", authorization.redirectURI), HTMLPage.hidden("state", authorization.state),
            HTMLPage.hidden("scope", authorization.scope.scopeString), HTMLPage.hidden("aud", baseURL),
            HTMLPage.hidden("code_challenge", authorization.challenge), HTMLPage.hidden("code_challenge_method", "S256"),
            HTMLPage.hidden("launch", authorization.launch), HTMLPage.hidden("nonce", authorization.nonce),
            HTMLPage.hidden("purpose_of_use", authorization.purpose),
        ].joined()
        let name = HTMLPage.escape(authorization.client.name ?? authorization.client.clientID)
        let notice = message.map { #"<p role="alert"><strong>\#(HTMLPage.escape($0))</strong></p>"# } ?? ""
        return HTMLPage.response(title: "Sign in to Kiln", body: """
            <p>The app <strong>\(name)</strong> asks for access to FHIR data.</p>\(notice)
            <form method="post" action="authorize">\(fields)
            <p><label>Username <input name="username" autocomplete="username" required></label></p>
            <p><label>Password <input name="password" type="password" autocomplete="current-password" required></label></p>
            <p><button type="submit">Sign in</button></p></form>
            """)
    }

    /// Step 2: the pending request stored under a ticket, and the approval form.
    private func approvalPage(_ authorization: Authorization, user: UserRecord) async throws -> Response {
        let purpose: String?
        do {
            purpose = try TokenEndpoint.purpose(requested: authorization.purpose, client: authorization.client, role: try TokenEndpoint.role(user.role), user: user)
        } catch let error as OAuthError {
            throw AuthorizeFailure.redirect(authorization.redirectURI, ["error": error.code, "error_description": error.description, "state": authorization.state])
        }
        var patient: String?
        var choices: [String] = []
        if let launch = authorization.launch {
            guard let record = try await auth.store.resolveLaunch(launch) else {
                throw AuthorizeFailure.redirect(authorization.redirectURI, ["error": "invalid_request", "error_description": "The launch value is unknown or expired", "state": authorization.state])
            }
            patient = record.patient
        } else if authorization.scope.contains(.launchPatient) || authorization.scope.resourceScopes.contains(where: { $0.context == .patient }) {
            switch user.role {
            case Role.patient.rawValue:
                patient = SMARTCaller(subject: user.username, scopes: authorization.scope, fhirUser: user.fhirUser).fhirUserPatientID
            case Role.clinician.rawValue:
                choices = user.patients
                if choices.count == 1 { patient = choices[0]; choices = [] }
            default:
                break
            }
        }
        let ticket = RandomToken.make()
        try await auth.store.insertCode(AuthorizationCodeRecord(
            codeHash: TokenDigest.of("ticket:" + ticket), clientID: authorization.client.clientID, username: user.username,
            redirectURI: authorization.redirectURI, scope: authorization.scope.scopeString, codeChallenge: authorization.challenge,
            patient: patient, launch: choices.isEmpty ? nil : choices.joined(separator: " "), nonce: authorization.nonce,
            purpose: purpose, expiresAt: Date().addingTimeInterval(Self.ticketLifetime)
        ))
        let scopeBoxes = authorization.scope.scopeString.split(separator: " ").enumerated().map { index, scope in
            #"<li><label><input type="checkbox" name="scope_\#(index)" value="\#(HTMLPage.escape(String(scope)))" checked> \#(HTMLPage.escape(String(scope)))</label></li>"#
        }.joined()
        var patientPicker = ""
        if !choices.isEmpty {
            patientPicker = "<fieldset><legend>Patient</legend>" + choices.enumerated().map { index, id in
                #"<p><label><input type="radio" name="patient" value="\#(HTMLPage.escape(id))"\#(index == 0 ? " checked" : "")> Patient/\#(HTMLPage.escape(id))</label></p>"#
            }.joined() + "</fieldset>"
        } else if let patient {
            patientPicker = "<p>Patient: <strong>Patient/\(HTMLPage.escape(patient))</strong></p>"
        }
        let name = HTMLPage.escape(authorization.client.name ?? authorization.client.clientID)
        var purposeNotice = ""
        if let purpose {
            purposeNotice = "<p>Purpose of use: <strong>\(HTMLPage.escape(purpose))</strong></p>"
            if purpose == SMARTAccessPolicy.breakGlassPurpose {
                purposeNotice += #"<p role="alert"><strong>Break-glass: patients' Consents are overridden for this access, and every response says so.</strong></p>"#
            }
        }
        return HTMLPage.response(title: "Approve access", body: """
            <p>Signed in as <strong>\(HTMLPage.escape(user.username))</strong>. The app <strong>\(name)</strong> asks for:</p>
            <form method="post" action="authorize">\(HTMLPage.hidden("ticket", ticket))\(HTMLPage.hidden("state", authorization.state))
            <ul>\(scopeBoxes)</ul>\(patientPicker)\(purposeNotice)
            <p><button type="submit" name="action" value="approve">Approve</button>
            <button type="submit" name="action" value="deny">Deny</button></p></form>
            """)
    }

    /// Step 3: the code, or `access_denied`.
    private func decide(_ form: OAuthForm) async throws -> Response {
        let ticket = try form.required("ticket")
        guard let pending = try await auth.store.consumeCode(hash: TokenDigest.of("ticket:" + ticket)) else {
            return HTMLPage.error("This approval form was already used or has expired; start again from the app")
        }
        let state = form["state"]
        guard form["action"] == "approve" else {
            return AuthorizeFailure.redirect(pending.redirectURI, ["error": "access_denied", "error_description": "The user denied the request", "state": state]).response
        }
        let offered = Set(pending.scope.split(separator: " ").map(String.init))
        let approved = form.values.filter { $0.key.hasPrefix("scope_") && offered.contains($0.value) }.map(\.value).sorted()
        let scope = try ScopeSet(parsing: approved.joined(separator: " "), knownResourceTypes: auth.resourceTypes)
        var patient = pending.patient
        if patient == nil, let choices = pending.launch?.split(separator: " ").map(String.init), !choices.isEmpty {
            guard let chosen = form["patient"], choices.contains(chosen) else {
                return HTMLPage.error("Choose one of the patients offered")
            }
            patient = chosen
        }
        if patient == nil, scope.resourceScopes.contains(where: { $0.context == .patient }) {
            return AuthorizeFailure.redirect(pending.redirectURI, ["error": "invalid_scope", "error_description": "patient/ scopes need a patient, and none is in reach of this user", "state": state]).response
        }
        let code = RandomToken.make()
        try await auth.store.insertCode(AuthorizationCodeRecord(
            codeHash: TokenDigest.of(code), clientID: pending.clientID, username: pending.username, redirectURI: pending.redirectURI,
            scope: scope.scopeString, codeChallenge: pending.codeChallenge, patient: patient, nonce: pending.nonce,
            purpose: pending.purpose, expiresAt: Date().addingTimeInterval(Self.codeLifetime)
        ))
        return AuthorizeFailure.redirect(pending.redirectURI, ["code": code, "state": state]).response
    }
}

/// How an authorization request ends early: an error page, or a redirect to the app.
enum AuthorizeFailure: Error {
    case page(String)
    case redirect(String, [String: String?])

    var response: Response {
        switch self {
        case .page(let message):
            return HTMLPage.error(message)
        case .redirect(let uri, let parameters):
            guard var components = URLComponents(string: uri) else { return HTMLPage.error("The redirect_uri is not a URL") }
            var items = components.queryItems ?? []
            for (name, value) in parameters.sorted(by: { $0.key < $1.key }) {
                if let value { items.append(URLQueryItem(name: name, value: value)) }
            }
            components.queryItems = items
            // `+` is a space to form decoders; encode it so codes and states survive.
            let query = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
            components.percentEncodedQuery = query
            return Response(status: .found, headers: [.location: components.string ?? uri, .cacheControl: "no-store"])
        }
    }
}
