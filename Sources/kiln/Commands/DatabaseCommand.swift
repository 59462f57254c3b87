import ArgumentParser
import FHIRStore
import Logging

/// `kiln database start|stop|status`: manages the embedded PostgreSQL cluster of a data directory.
struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "database",
        abstract: "Manage the embedded PostgreSQL cluster of a data directory.",
        discussion: """
            `kiln serve` without a database URL runs this cluster itself; these commands start it \
            for other programs, stop it (also after a crash of the server), and tell where it listens.
            """,
        subcommands: [Start.self, Stop.self, Status.self],
        defaultSubcommand: Status.self
    )

    /// The `--data-dir` option shared by the subcommands.
    struct DataDirectoryOptions: ParsableArguments {
        @Option(name: .customLong("data-dir"), help: "The data directory holding the cluster's record.")
        var dataDirectory: String = ".kiln"

        var postgres: EmbeddedPostgres {
            EmbeddedPostgres(dataDirectory: dataDirectory, logger: Logger(label: "kiln.postgres"))
        }
    }

    /// `kiln database start`: starts the cluster (creating it on first use) and leaves it running.
    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start the cluster, creating it on first use, and leave it running.")

        @OptionGroup var options: DataDirectoryOptions

        func run() async throws {
            let lease = try await options.postgres.start()
            if lease.startedByThisLease {
                print("PostgreSQL started at \(lease.url)")
            } else {
                print("PostgreSQL was already running at \(lease.url)")
            }
        }
    }

    /// `kiln database stop`: stops the cluster if it runs.
    struct Stop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the cluster if it runs.")

        @OptionGroup var options: DataDirectoryOptions

        func run() async throws {
            let postgres = options.postgres
            if try await postgres.stop() {
                print("PostgreSQL stopped (data directory \(postgres.dataDirectory)).")
            } else {
                print("PostgreSQL was not running (data directory \(postgres.dataDirectory)).")
            }
        }
    }

    /// `kiln database status`: tells whether the cluster runs and its URL.
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tell whether the cluster runs, and its URL.",
            discussion: "Exits with status 3 when the cluster is not running, like `pg_ctl status`."
        )

        @OptionGroup var options: DataDirectoryOptions

        func run() async throws {
            let status = try await options.postgres.status()
            print(status.description)
            if !status.isRunning { throw ExitCode(3) }
        }
    }
}
