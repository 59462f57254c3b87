import ArgumentParser
import FHIRStore
import Foundation
import KilnServer

extension ClientCommand {
    /// `kiln client list`: the registered clients as a table or JSON.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the registered clients.")

        @OptionGroup var database: DatabaseOptions

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        @Flag(help: "Include removed clients.")
        var includeRemoved = false

        func run() async throws {
            let includeRemoved = self.includeRemoved
            let clients = try await AuthCommandSupport.withStores(database, label: "kiln.client") { auth, _ in
                try await auth.clients(includeRemoved: includeRemoved)
            }
            if json {
                print(try AuthCommandSupport.json(clients.map(ClientView.init)))
                return
            }
            var header = ["CLIENT ID", "KIND", "ROLE", "SCOPES", "REDIRECT URIS"]
            if includeRemoved { header.insert("STATUS", at: 2) }
            let rows = clients.map { client in
                var row = [
                    client.clientID, client.kind.rawValue, client.role ?? "-", client.scope,
                    client.redirectURIs.isEmpty ? "-" : client.redirectURIs.joined(separator: " "),
                ]
                if includeRemoved { row.insert(client.isActive ? "active" : "removed", at: 2) }
                return row
            }
            print(TextTable(header: header, rows: rows).rendered)
        }
    }
}
