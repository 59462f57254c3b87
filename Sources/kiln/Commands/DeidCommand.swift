import ArgumentParser

/// `kiln deid …`: the research view's de-identification, seen from the command line.
struct DeidCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deid",
        abstract: "Reports on the de-identified research view.",
        subcommands: [Report.self]
    )
}
