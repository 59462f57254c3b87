import ArgumentParser
import FHIRStore
import Foundation

/// `kiln launch`: mints the `launch` value of an EHR launch for a patient.
struct LaunchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "launch",
        abstract: "Create an EHR launch context for a patient and print its launch value.",
        discussion: """
            An EHR opens a SMART app with ?iss=<FHIR base>&launch=<value>; the app passes the value on \
            in its authorization request, and the token response names the patient. Only the printed \
            line is written to standard output: LAUNCH=$(kiln launch --patient Patient/123).
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The patient in context, as Patient/ID or ID; it must be stored.")
    var patient: String

    @Option(help: "Seconds the launch value is accepted.")
    var ttl: Int = Int(AuthStore.defaultLaunchLifetime)

    /// The longest lifetime accepted: one day.
    static let maximumTTL = 86_400

    func validate() throws {
        _ = try AuthCommandSupport.patientID(patient)
        guard ttl > 0 && ttl <= Self.maximumTTL else {
            throw ValidationError("--ttl must be 1 to \(Self.maximumTTL) seconds")
        }
    }

    func run() async throws {
        let patientID = try AuthCommandSupport.patientID(patient)
        let ttl = TimeInterval(self.ttl)
        let launch = try await AuthCommandSupport.withStores(database, label: "kiln.launch") { auth, resources -> String? in
            guard let stored = try await resources.read(resourceType: "Patient", id: patientID), !stored.isDeleted else {
                return nil
            }
            return try await auth.mintLaunch(patient: patientID, ttl: ttl)
        }
        guard let launch else {
            throw CommandFailure("No Patient/\(patientID) is stored")
        }
        print(launch)
    }
}
