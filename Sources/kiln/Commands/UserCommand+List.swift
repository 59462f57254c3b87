import ArgumentParser
import FHIRStore
import Foundation
import KilnServer

extension UserCommand {
    /// `kiln user list`: the users as a table or JSON.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users.")

        @OptionGroup var database: DatabaseOptions

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        func run() async throws {
            let users = try await AuthCommandSupport.withStores(database, label: "kiln.user") { auth, _ in
                try await auth.users()
            }
            if json {
                print(try AuthCommandSupport.json(users.map(UserView.init)))
                return
            }
            let rows = users.map { user in
                [user.username, user.role, user.fhirUser ?? "-", user.patients.isEmpty ? "-" : user.patients.joined(separator: " ")]
            }
            print(TextTable(header: ["USERNAME", "ROLE", "FHIR USER", "PATIENTS"], rows: rows).rendered)
        }
    }
}
