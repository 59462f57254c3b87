public import SMARTAuth

extension RegistrationRules {
    /// Whether `id` is a FHIR resource id: 1–64 of `A-Z a-z 0-9 - .`.
    public static func isResourceID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && id.unicodeScalars.allSatisfy {
            ($0 >= "A" && $0 <= "Z") || ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "."
        }
    }

    /// The patient id of `Patient/123` or `123`.
    public func patientID(_ reference: String) throws(RegistrationError) -> String {
        let id = reference.hasPrefix("Patient/") ? String(reference.dropFirst("Patient/".count)) : reference
        guard Self.isResourceID(id) else {
            throw RegistrationError("'\(reference)' is not a patient reference; write Patient/ID or ID, where ID is 1 to 64 of A-Z a-z 0-9 - .")
        }
        return id
    }

    /// Checks that `reference` is `Type/id` with a type a user can be.
    public func checkFHIRUser(_ reference: String) throws(RegistrationError) {
        let parts = reference.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, Self.fhirUserTypes.contains(String(parts[0])), Self.isResourceID(String(parts[1])) else {
            throw RegistrationError("'\(reference)' is not a user reference; write Type/ID with Type one of \(Self.fhirUserTypes.sorted().joined(separator: ", "))")
        }
    }

    /// Checks a user's name, role, FHIR user and assigned patients, and returns the role and the
    /// patient ids, sorted and each once: a patient needs a `Patient/ID` FHIR user, and only a
    /// clinician has assigned patients.
    public func checkUser(username: String, role text: String, fhirUser: String?, patients: [String]) throws(RegistrationError) -> (role: Role, patientIDs: [String]) {
        try checkName(username, of: "user name")
        let role = try self.role(text)
        if let fhirUser {
            try checkFHIRUser(fhirUser)
        }
        if role == .patient && !(fhirUser?.hasPrefix("Patient/") ?? false) {
            throw RegistrationError("A user with the role patient needs \(name(.fhirUser)) Patient/ID: the record that is theirs")
        }
        if !patients.isEmpty && role != .clinician {
            throw RegistrationError("\(name(.patient)) assigns patients to a clinician; the role \(role.rawValue) has no assigned patients")
        }
        var ids: Set<String> = []
        for patient in patients {
            ids.insert(try patientID(patient))
        }
        return (role, ids.sorted())
    }
}
