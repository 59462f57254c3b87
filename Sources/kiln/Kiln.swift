import ArgumentParser
import KilnServer

/// The `kiln` command: the server and its tools.
@main
struct Kiln: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiln",
        abstract: "Kiln: a FHIR R4 server and secure FHIR gateway over PostgreSQL.",
        version: KilnVersion.current,
        subcommands: [
            ServeCommand.self,
            MigrateCommand.self,
            ReindexCommand.self,
            AuditCommand.self,
            ClientCommand.self,
            UserCommand.self,
            ProjectCommand.self,
            LaunchCommand.self,
            ConsentCommand.self,
            DeidCommand.self,
            DatabaseCommand.self,
            DefinitionsCommand.self,
            FHIRPathCommand.self,
            ValidateCommand.self,
            UCUMCommand.self,
            TerminologyCommand.self,
            BenchCommand.self,
        ]
    )
}
