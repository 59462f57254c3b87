import ArgumentParser
import FHIRStore

extension ClientCommand {
    /// `kiln client remove`: disables a client and revokes its refresh tokens.
    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a client: every node refuses it from now on, and its refresh tokens are revoked.",
            discussion: "The client id stays taken: a removed client's id is not registered again."
        )

        @OptionGroup var database: DatabaseOptions

        @Option(help: "The client_id.")
        var clientID: String

        func run() async throws {
            let clientID = self.clientID
            let revoked = try await AuthCommandSupport.withStores(database, label: "kiln.client") { auth, _ in
                try await auth.removeClient(id: clientID)
            }
            guard let revoked else {
                throw CommandFailure("No active client has the id '\(clientID)'")
            }
            print("Removed client '\(clientID)'; \(revoked) refresh token\(revoked == 1 ? "" : "s") revoked.")
        }
    }
}
