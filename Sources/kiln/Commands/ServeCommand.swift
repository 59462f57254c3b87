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

    @Option(help: "Authorization: on (every FHIR request needs a bearer token from Kiln's SMART authorization server or --auth-issuer) or off (no authentication; for local development only).")
    var auth: String = "on"

    @Option(name: .customLong("auth-issuer"), help: "Also accept tokens of this external OpenID Connect issuer (its `iss`); needs --auth-jwks.")
    var authIssuer: String?

    @Option(name: .customLong("auth-jwks"), help: "File with the JWKS (public keys) of --auth-issuer.")
    var authJWKS: String?

    @Option(name: .customLong("auth-scope-claim"), help: "Claim of external tokens that carries the SMART scopes (default: scope, then scp).")
    var authScopeClaim: String?

    @Option(name: .customLong("auth-role-claim"), help: "Claim of external tokens that carries the Kiln role (default: kiln_role).")
    var authRoleClaim: String?

    @Option(name: .customLong("auth-patient-claim"), help: "Claim of external tokens that carries the patient id (default: patient).")
    var authPatientClaim: String?

    @Option(name: .customLong("auth-fhir-user-claim"), help: "Claim of external tokens that carries the fhirUser (default: fhirUser).")
    var authFHIRUserClaim: String?

    @Option(name: .customLong("consent-default"), help: "The decision for a patient none of whose Consents applies, per purpose of use: PURPOSE=permit or PURPOSE=deny (repeatable). Standard: permit TREAT, ETREAT, HOPERAT, PATRQT; deny identifiable HRESCH and any other purpose.")
    var consentDefaults: [String] = []

    @Option(name: .customLong("research-min-cell"), help: "The smallest count the research view /research/fhir reports for the built-in project 'default' (default: the project's, 11); other projects set theirs with kiln project add --min-cell.")
    var researchMinimumCell: Int?

    @Option(name: .customLong("deidentification-dir"), help: "Directory of the de-identification profiles (default: fhir-profiles/deidentification, found next to the executable or the working directory, or $KILN_DEIDENTIFICATION_DIR).")
    var deidentificationDirectory: String?

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var audit: AuditCheckpointOptions

    @Option(name: .customLong("audit-log"), help: ArgumentHelp("Also write every audit record, once committed, as one JSON line to stdout or to this file (appended), for log shippers; the database keeps the log of record.", valueName: "stdout|FILE"))
    var auditLog: String?

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
        let auditConfiguration = try audit.configuration()
        let auditLines = try auditLog.map { destination in
            do {
                return try AuditLineSink.open(destination)
            } catch {
                throw ValidationError("--audit-log: cannot open '\(destination)' for appending")
            }
        }
        if let researchMinimumCell, researchMinimumCell < 1 {
            throw ValidationError("--research-min-cell must be at least 1")
        }
        var research = try ResearchServices.loadDefault(directory: deidentificationDirectory)
        research.defaultProjectMinimumCellSize = researchMinimumCell
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
            "auditCheckpoints": "\(auditConfiguration)",
        ])
        var operations = OperationRegistry()
        // The terminology operations share validation's terminology, stored resources included.
        operations.registerTerminologyOperations(validationServices.terminology)
        let client = PostgresClient(configuration: databaseConfiguration.clientConfiguration, backgroundLogger: logger)
        // Checkpoints start once the server runs, that is after the migrations.
        let auditReady = AuditStartSignal()
        let checkpoints = AuditCheckpointService(client: client, configuration: auditConfiguration, startsWhen: auditReady, logger: logger)
        let authServices = try authServices(client: client, catalog: catalog, logger: logger)
        if authServices == nil {
            logger.warning("Authorization is off (--auth off): every request is allowed. Use this for local development only.")
        }
        let application = KilnApplication.build(
            configuration: configuration,
            client: client,
            resourceTypes: resourceTypes,
            validation: validationServices,
            search: SearchServices(catalog: catalog, terminology: validationServices.terminology),
            auth: authServices,
            research: research,
            operations: operations,
            auditLines: auditLines,
            onServerRunning: { port in
                auditReady.signal()
                let base = configuration.baseURL ?? "http://\(configuration.host):\(port)"
                // Written straight to the file descriptor, unbuffered: scripts wait for this line.
                FileHandle.standardOutput.write(Data("Kiln is ready at \(base)/fhir\n".utf8))
            },
            logger: logger
        )
        do {
            try await checkpoints.run(beside: application, logger: logger)
        } catch {
            try? await lease?.release()
            throw error
        }
        try await lease?.release()
    }
}
