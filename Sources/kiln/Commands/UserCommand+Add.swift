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
                --organization Organization/ID names whom the user acts for, to patients' Consents;
                --break-glass lets the user obtain tokens with purpose_of_use=ETREAT, which override
                Consent denials (every such response says so).
                --project NAME (a researcher only) names their research project (kiln project add);
                a researcher without one belongs to the project 'default'.
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

        @Option(help: "The Organization the user acts for, as Organization/ID: an actor patients' Consents may name.")
        var organization: String?

        @Option(help: "The research project of a researcher (see kiln project); omitted: 'default'.")
        var project: String?

        @Flag(name: .customLong("break-glass"), help: "The user may obtain break-glass tokens (purpose_of_use=ETREAT), which override Consent denials.")
        var breakGlass = false

        func validate() throws {
            do {
                let rules = RegistrationRules(spelling: .commandLine)
                let checked = try rules.checkUser(username: username, role: role, fhirUser: fhirUser, patients: patients)
                if let organization { try rules.checkOrganization(organization) }
                try rules.checkProject(project, role: checked.role)
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
                fhirUser: fhirUser, patients: checked.patientIDs, organization: organization, breakGlass: breakGlass, project: project
            )
            try await AuthCommandSupport.registering {
                try await AuthCommandSupport.withStores(database, label: "kiln.user") { auth, _ in
                    try await auth.addUser(record)
                }
            }
            let assigned = record.patients.isEmpty ? "" : ", \(record.patients.count) assigned patient\(record.patients.count == 1 ? "" : "s")"
            print("Added user '\(username)' (\(role)\(fhirUser.map { ", \($0)" } ?? "")\(assigned)).")
        }
    }
}
