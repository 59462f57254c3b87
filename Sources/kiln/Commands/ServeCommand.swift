import ArgumentParser
import FHIRDefinitions
import FHIRStore
import FHIRTerminology
import Foundation
import Hummingbird
import KilnServer
import Logging
import PostgresNIO

/// `kiln serve`: runs the FHIR server.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the FHIR server.")

    @Option(help: "Address to bind. Loopback by default: the server does not authenticate yet.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to bind (0 picks a free port).")
    var port: Int = 8080

    @Option(name: .customLong("base-url"), help: "Public base URL used in absolute URLs (default http://HOST:PORT).")
    var baseURL: String?

    @Option(name: .customLong("profiles-dir"), help: "Directory of the compiled definitions (default: found next to the executable or the working directory).")
    var profilesDirectory: String?

    @Option(name: .customLong("terminology-dir"), help: "Directory of the shipped terminology (default: found next to the executable or the working directory).")
    var terminologyDirectory: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    @Option(help: "Validation of written resources for every type: reject, warn or off. Default: $KILN_VALIDATION, else reject for Patient, Observation, DiagnosticReport, Consent and Provenance and warn for the other types.")
    var validation: String?

    @OptionGroup var database: DatabaseOptions

    /// The validation policy from `--validation`, `KILN_VALIDATION` or the default.
    func validationPolicy() throws -> ValidationPolicy {
        let (source, text) = validation.map { ("--validation", $0) }
            ?? ("KILN_VALIDATION", ProcessInfo.processInfo.environment["KILN_VALIDATION"] ?? "")
        guard !text.isEmpty else { return .standard }
        guard let mode = ValidationMode(rawValue: text) else {
            throw ValidationError("\(source) must be reject, warn or off, not '\(text)'")
        }
        return ValidationPolicy(defaultMode: mode)
    }

    func run() async throws {
        var logger = Logger(label: "kiln")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let catalog = try DefinitionsCatalog.loadDefault(explicitDirectory: profilesDirectory)
        let resourceTypes = Set(catalog.typeModel.resourceTypeNames)
        let validationServices = try ValidationServices.loadDefault(profilesDirectory: profilesDirectory, terminologyDirectory: terminologyDirectory)
        let policy = try validationPolicy()
        let (databaseConfiguration, lease) = try await database.connect(logger: logger)
        let configuration = ServerConfiguration(host: host, port: port, baseURL: baseURL, validation: policy)
        logger.info("Starting Kiln", metadata: [
            "version": "\(KilnVersion.current)",
            "listen": "\(host):\(port)",
            "baseURL": "\(configuration.baseURL ?? "http://\(host):<port>")",
            "database": "\(databaseConfiguration)",
            "embeddedCluster": "\(lease.map { $0.startedByThisLease ? "started" : "attached" } ?? "no")",
            "resourceTypes": "\(resourceTypes.count)",
            "maximumBodySize": "\(configuration.limits.maximumBodySize)",
            "validation": "\(policy)",
        ])
        var operations = OperationRegistry()
        // The terminology operations share validation's terminology, stored resources included.
        operations.registerTerminologyOperations(validationServices.terminology)
        let client = PostgresClient(configuration: databaseConfiguration.clientConfiguration, backgroundLogger: logger)
        let application = KilnApplication.build(
            configuration: configuration,
            client: client,
            resourceTypes: resourceTypes,
            validation: validationServices,
            search: SearchServices(catalog: catalog, terminology: validationServices.terminology),
            operations: operations,
            onServerRunning: { port in
                let base = configuration.baseURL ?? "http://\(configuration.host):\(port)"
                // Written straight to the file descriptor, unbuffered: scripts wait for this line.
                FileHandle.standardOutput.write(Data("Kiln is ready at \(base)/fhir\n".utf8))
            },
            logger: logger
        )
        do {
            try await application.runService()
        } catch {
            try? await lease?.release()
            throw error
        }
        try await lease?.release()
    }
}
