import ArgumentParser
import FHIRStore
import SMARTAuth

extension UserCommand {
    /// `kiln user add`: adds a user with a role and, for a clinician, the assigned patients.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user.",
            discussion: """
                kiln user add --username drsmith --password-file pw.txt --role clinician \\
                              --fhir-user Practitioner/123 --patient Patient/p1 --patient p2
                kiln user add --username jane --password-file pw.txt --role patient --fhir-user Patient/p1
                The password file holds the password alone (a final line break is ignored); it is stored hashed.
                """
        )

        @OptionGroup var database: DatabaseOptions

        @Option(help: "The sign-in name.")
        var username: String

        @Option(help: "A file holding the password (at least \(Self.minimumPasswordLength) characters).")
        var passwordFile: String

        @Option(help: "The role: researcher, clinician, data-steward, administrator or patient.")
        var role: String

        @Option(help: "The FHIR resource that is the user (Practitioner/ID, PractitionerRole/ID, Patient/ID, RelatedPerson/ID or Person/ID); required for the role patient.")
        var fhirUser: String?

        @Option(name: .customLong("patient"), help: "A patient assigned to a clinician, as Patient/ID or ID (repeatable).")
        var patients: [String] = []

        /// The shortest password accepted: 8 characters.
        static let minimumPasswordLength = 8

        /// The resource types a `fhirUser` may name (SMART App Launch 2.0, "fhirUser").
        static let fhirUserTypes: Set<String> = ["Practitioner", "PractitionerRole", "Patient", "RelatedPerson", "Person"]

        func validate() throws {
            try AuthCommandSupport.checkName(username, of: "user name")
            let role = try AuthCommandSupport.role(role)
            if let fhirUser {
                try Self.checkFHIRUser(fhirUser)
            }
            if role == .patient && !(fhirUser?.hasPrefix("Patient/") ?? false) {
                throw ValidationError("A user with the role patient needs --fhir-user Patient/ID: the record that is theirs")
            }
            if !patients.isEmpty && role != .clinician {
                throw ValidationError("--patient assigns patients to a clinician; the role \(role.rawValue) has no assigned patients")
            }
            for patient in patients {
                _ = try AuthCommandSupport.patientID(patient)
            }
        }

        func run() async throws {
            let password = try AuthCommandSupport.readSecretFile(passwordFile, of: "password")
            guard password.count >= Self.minimumPasswordLength else {
                throw CommandFailure("The password in \(passwordFile) must have at least \(Self.minimumPasswordLength) characters")
            }
            let patientIDs = try patients.map(AuthCommandSupport.patientID)
            let record = UserRecord(
                username: username, passwordHash: try PasswordHasher().hash(password), role: role,
                fhirUser: fhirUser, patients: Array(Set(patientIDs)).sorted()
            )
            try await AuthCommandSupport.withStores(database, label: "kiln.user") { auth, _ in
                try await auth.addUser(record)
            }
            let assigned = record.patients.isEmpty ? "" : ", \(record.patients.count) assigned patient\(record.patients.count == 1 ? "" : "s")"
            print("Added user '\(username)' (\(role)\(fhirUser.map { ", \($0)" } ?? "")\(assigned)).")
        }

        /// Checks that `reference` is `Type/id` with a type a user can be.
        static func checkFHIRUser(_ reference: String) throws {
            let parts = reference.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, fhirUserTypes.contains(String(parts[0])), AuthCommandSupport.isResourceID(String(parts[1])) else {
                throw ValidationError("'\(reference)' is not a user reference; write Type/ID with Type one of \(fhirUserTypes.sorted().joined(separator: ", "))")
            }
        }
    }
}
