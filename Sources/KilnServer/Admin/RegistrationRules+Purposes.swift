import SMARTAuth

extension RegistrationRules {
    /// Checks a purpose of use: a v3-ActReason code (`TREAT`, `HOPERAT`, `HRESCH`, …): 1–32
    /// upper-case letters and digits.
    public func checkPurpose(_ code: String) throws(RegistrationError) {
        guard PurposeOfUseGrant.isPurposeCode(code) else {
            throw RegistrationError("'\(code)' is not a purpose of use; give a code of http://terminology.hl7.org/CodeSystem/v3-ActReason such as TREAT, HOPERAT or HRESCH")
        }
    }

    /// Checks the Organization a client or user acts for: `Organization/ID`.
    public func checkOrganization(_ reference: String) throws(RegistrationError) {
        let parts = reference.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == "Organization", Self.isResourceID(String(parts[1])) else {
            throw RegistrationError("'\(reference)' is not an organization reference; write Organization/ID")
        }
    }
}
