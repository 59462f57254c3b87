import ArgumentParser

/// `kiln user add|list|remove`: the people who sign in at the SMART authorization server.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add, list and remove the users who sign in to authorize apps.",
        discussion: "Changes take effect on every node at once; safe beside a running server.",
        subcommands: [Add.self, List.self, Remove.self]
    )
}
