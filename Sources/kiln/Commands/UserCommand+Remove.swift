import ArgumentParser
import FHIRStore

extension UserCommand {
    /// `kiln user remove`: removes a user; their refresh and access tokens stop working.
    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a user with their patient assignments; their refresh and access tokens are refused from now on."
        )

        @OptionGroup var database: DatabaseOptions

        @Option(help: "The sign-in name.")
        var username: String

        func run() async throws {
            let username = self.username
            let revoked = try await AuthCommandSupport.withStores(database, label: "kiln.user") { auth, _ in
                try await auth.removeUser(named: username)
            }
            guard let revoked else {
                throw CommandFailure("No user is named '\(username)'")
            }
            print("Removed user '\(username)'; \(revoked) refresh token\(revoked == 1 ? "" : "s") revoked; their access tokens are refused by every server within its revocation poll interval.")
        }
    }
}
