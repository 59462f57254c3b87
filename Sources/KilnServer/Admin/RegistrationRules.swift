public import SMARTAuth

/// What a client or user must be to be registered, shared by `kiln client add`, `kiln user add`
/// and the administration API. Every rule fails closed: what is not clearly allowed is refused,
/// with a message naming the field as the caller wrote it (``RegistrationRules/Spelling``).
public struct RegistrationRules: Sendable {
    /// How the fields are named in messages.
    public enum Spelling: Sendable {
        /// Command-line options: `--redirect-uri`, `--fhir-user`, …
        case commandLine
        /// JSON members: `redirect_uris`, `fhir_user`, …
        case json
    }

    /// The fields a message may name.
    enum Field {
        case scope, role, redirectURI, fhirUser, patient, secret, jwks, project

        func name(_ spelling: Spelling) -> String {
            switch (self, spelling) {
            case (.scope, .commandLine): "--scope"
            case (.scope, .json): "scope"
            case (.role, .commandLine): "--role"
            case (.role, .json): "role"
            case (.redirectURI, .commandLine): "--redirect-uri"
            case (.redirectURI, .json): "redirect_uris"
            case (.fhirUser, .commandLine): "--fhir-user"
            case (.fhirUser, .json): "fhir_user"
            case (.patient, .commandLine): "--patient"
            case (.patient, .json): "patients"
            case (.secret, .commandLine): "--secret"
            case (.secret, .json): "secret"
            case (.jwks, .commandLine): "--jwks-file"
            case (.jwks, .json): "jwks"
            case (.project, .commandLine): "--project"
            case (.project, .json): "project"
            }
        }
    }

    /// How messages name the fields.
    public let spelling: Spelling

    /// Rules whose messages use `spelling`.
    public init(spelling: Spelling) {
        self.spelling = spelling
    }

    /// The most characters of a client id or user name: 255.
    public static let maximumNameLength = 255
    /// The shortest client secret accepted: 16 characters.
    public static let minimumSecretLength = 16
    /// The shortest password accepted: 8 characters.
    public static let minimumPasswordLength = 8
    /// The resource types a `fhirUser` may name (SMART App Launch 2.0, "fhirUser").
    public static let fhirUserTypes: Set<String> = ["Practitioner", "PractitionerRole", "Patient", "RelatedPerson", "Person"]

    func name(_ field: Field) -> String {
        field.name(spelling)
    }

    /// Checks a client id or user name: 1 to 255 visible ASCII characters, no spaces.
    public func checkName(_ name: String, of what: String) throws(RegistrationError) {
        guard !name.isEmpty, name.count <= Self.maximumNameLength,
              name.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
        else {
            throw RegistrationError("The \(what) '\(name)' must be 1 to \(Self.maximumNameLength) visible ASCII characters without spaces")
        }
    }

    /// The role named `text`.
    public func role(_ text: String) throws(RegistrationError) -> Role {
        guard let role = Role(rawValue: text) else {
            throw RegistrationError("'\(text)' is not a role; use one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return role
    }

    /// The parsed scopes of `text`; fails on any scope Kiln cannot honour or does not know, so
    /// that a typo never registers a client with less, or other, than was meant. Without
    /// `knownResourceTypes`, any type name is taken (a syntax check only).
    public func registeredScopes(_ text: String, knownResourceTypes: Set<String>?) throws(RegistrationError) -> ScopeSet {
        let parsed: ScopeParseResult
        do {
            parsed = try ScopeSet.parse(text, knownResourceTypes: knownResourceTypes)
        } catch {
            throw RegistrationError(error.description)
        }
        guard parsed.ignored.isEmpty else {
            throw RegistrationError("Unknown scopes: \(parsed.ignored.joined(separator: " ")); a client may be registered only with scopes Kiln grants")
        }
        guard !parsed.scopes.isEmpty else {
            throw RegistrationError("\(name(.scope)) must name at least one scope")
        }
        return parsed.scopes
    }

    /// Checks the length of a client secret: at least ``minimumSecretLength`` characters, at
    /// most what ``SMARTAuth/PasswordHasher`` hashes.
    public func checkSecret(_ secret: String) throws(RegistrationError) {
        try checkLength(secret, of: "secret", minimum: Self.minimumSecretLength)
    }

    /// Checks the length of a password: at least ``minimumPasswordLength`` characters, at most
    /// what ``SMARTAuth/PasswordHasher`` hashes.
    public func checkPassword(_ password: String) throws(RegistrationError) {
        try checkLength(password, of: "password", minimum: Self.minimumPasswordLength)
    }

    private func checkLength(_ text: String, of what: String, minimum: Int) throws(RegistrationError) {
        guard text.count >= minimum else {
            throw RegistrationError("The \(what) must have at least \(minimum) characters")
        }
        guard text.utf8.count <= PasswordHasher.maximumPasswordLength else {
            throw RegistrationError("The \(what) must have at most \(PasswordHasher.maximumPasswordLength) bytes")
        }
    }
}

/// A client or user that may not be registered as given; the message names the fix.
public struct RegistrationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, for the operator.
    public let message: String

    /// An error with this message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
