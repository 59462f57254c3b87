import ArgumentParser
import FHIRStore
import KilnServer
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

        @Option(help: "A file holding the password (at least \(RegistrationRules.minimumPasswordLength) characters).")
        var passwordFile: String

        @Option(help: "The role: researcher, clinician, data-steward, administrator or patient.")
        var role: String

        @Option(help: "The FHIR resource that is the user (Practitioner/ID, PractitionerRole/ID, Patient/ID, RelatedPerson/ID or Person/ID); required for the role patient.")
        var fhirUser: String?

        @Option(name: .customLong("patient"), help: "A patient assigned to a clinician, as Patient/ID or ID (repeatable).")
        var patients: [String] = []

        func validate() throws {
            do {
                _ = try RegistrationRules(spelling: .commandLine).checkUser(username: username, role: role, fhirUser: fhirUser, patients: patients)
            } catch {
                throw ValidationError(error.message)
            }
        }

        func run() async throws {
            let password = try AuthCommandSupport.readSecretFile(passwordFile, of: "password")
            let rules = RegistrationRules(spelling: .commandLine)
            do {
                try rules.checkPassword(password)
            } catch {
                throw CommandFailure("\(error.message) (in \(passwordFile))")
            }
            let checked = try rules.checkUser(username: username, role: role, fhirUser: fhirUser, patients: patients)
            let record = UserRecord(
                username: username, passwordHash: try PasswordHasher().hash(password), role: checked.role.rawValue,
                fhirUser: fhirUser, patients: checked.patientIDs
            )
            try await AuthCommandSupport.withStores(database, label: "kiln.user") { auth, _ in
                try await auth.addUser(record)
            }
            let assigned = record.patients.isEmpty ? "" : ", \(record.patients.count) assigned patient\(record.patients.count == 1 ? "" : "s")"
            print("Added user '\(username)' (\(role)\(fhirUser.map { ", \($0)" } ?? "")\(assigned)).")
        }
    }
}
