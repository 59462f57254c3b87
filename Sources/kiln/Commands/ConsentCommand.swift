import ArgumentParser
import FHIRAccess
import FHIRConsent
import FHIRDefinitions
import FHIRModel
import FHIRStore
import Foundation
import KilnServer
import Logging
import SMARTAuth

/// `kiln consent`: the tools of the people who run consent enforcement.
struct ConsentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent",
        abstract: "Explain what patients' Consents decide.",
        subcommands: [ConsentExplainCommand.self]
    )
}

/// `kiln consent explain`: what a patient's Consents decide for a purpose of use, actors and
/// optionally one resource; the command-line twin of `GET Patient/[id]/$consent-decision`.
struct ConsentExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print the decision of a patient's Consents, the Consent and provision that decided it, and why the others did not apply.",
        discussion: """
            The same decision the server makes inside its SQL, computed from the stored Consents: \
            kiln consent explain --patient Patient/p1 --purpose TREAT --actor Practitioner/7 --resource Observation/o1
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The patient, as Patient/ID or ID.")
    var patient: String

    @Option(help: "The purpose of use, a v3-ActReason code (TREAT, ETREAT, HRESCH, HOPERAT, PATRQT, …).")
    var purpose: String

    @Option(name: .customLong("actor"), help: "A requesting actor, as Type/ID (Practitioner/7, Organization/1) or client:CLIENT_ID for a client registration (repeatable).")
    var actors: [String] = []

    @Option(name: .customLong("action"), help: "The consent action: access (reads, the default), correct (updates), disclose (export) (repeatable).")
    var actions: [String] = []

    @Option(help: "A resource to decide for, as Type/ID; the patient's data as a whole when omitted.")
    var resource: String?

    @Option(name: .customLong("consent-default"), help: "As for kiln serve: PURPOSE=permit or PURPOSE=deny when no Consent applies (repeatable).")
    var consentDefaults: [String] = []

    @Option(help: "The server's public base URL, as given to `kiln serve --base-url`; references under <base>/fhir are local.")
    var baseURL: String?

    @Option(help: "The compiled definitions folder (fhir-profiles/r4); found automatically when omitted.")
    var profilesDirectory: String?

    func validate() throws {
        _ = try AuthCommandSupport.patientID(patient)
        guard PurposeOfUseGrant.isPurposeCode(purpose) else {
            throw ValidationError("--purpose '\(purpose)' is not a purpose-of-use code; give a v3-ActReason code such as TREAT or HRESCH")
        }
        _ = try actorKeys()
        if let resource, resource.split(separator: "/").count != 2 {
            throw ValidationError("--resource '\(resource)' is not Type/ID")
        }
        _ = try ConsentDefaultSettings.defaults(from: consentDefaults)
    }

    /// The actors as the evaluator keys them.
    func actorKeys() throws -> Set<String> {
        var keys = Set<String>()
        for actor in actors {
            if actor.hasPrefix("client:") {
                keys.insert(ConsentActor.key(identifierSystem: ConsentActor.clientIDSystem, value: String(actor.dropFirst("client:".count))))
            } else if let key = ConsentActor.key(reference: actor) {
                keys.insert(key)
            } else {
                throw ValidationError("--actor '\(actor)' is not Type/ID or client:CLIENT_ID")
            }
        }
        return keys
    }

    func run() async throws {
        let patientID = try AuthCommandSupport.patientID(patient)
        let defaults = try ConsentDefaultSettings.defaults(from: consentDefaults)
        let request = ConsentRequest(purpose: purpose, actors: try actorKeys(), actions: actions.isEmpty ? ["access"] : Set(actions))
        let catalog = try DefinitionsCatalog.loadDefault(explicitDirectory: profilesDirectory)
        let search = SearchServices(catalog: catalog, terminology: nil)
        let base = ReindexCommand.fhirBase(baseURL ?? "http://127.0.0.1:8080")
        let logger = Logger(label: "kiln.consent")
        let resource = self.resource
        let permitsByDefault = defaults.permits(purpose: purpose, in: .clinical)
        let decision = try await database.withDatabase(logger: logger) { client, _ in
            try await Migrator().migrate(client: client, logger: logger)
            let explainer = ConsentExplainer(store: ResourceStore(client: client, logger: logger), search: search, baseURL: base)
            do {
                return try await explainer.decide(patientID: patientID, request: request, resource: resource, permitsByDefault: permitsByDefault)
            } catch let error as FHIRError {
                throw CommandFailure(error.issues.map(\.diagnostics).joined(separator: "; "))
            }
        }
        for line in decision.explanation { print(line) }
    }
}

/// `--consent-default PURPOSE=permit|deny` settings, shared by `kiln serve` and `kiln consent explain`.
enum ConsentDefaultSettings {
    /// The standard defaults with each setting applied in order.
    static func defaults(from settings: [String]) throws -> ConsentDefaults {
        var defaults = ConsentDefaults.standard
        for setting in settings {
            do {
                try defaults.apply(setting)
            } catch {
                throw ValidationError("--consent-default \(error.message)")
            }
        }
        return defaults
    }
}
