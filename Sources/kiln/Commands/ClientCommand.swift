import ArgumentParser

/// `kiln client add|list|remove`: the clients of the SMART authorization server.
struct ClientCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client",
        abstract: "Register, list and remove the apps and backend services that may obtain tokens.",
        discussion: "Changes take effect on every node at once; safe beside a running server.",
        subcommands: [Add.self, List.self, Remove.self]
    )
}
