import ArgumentParser
import FHIRStore
import KilnServer

extension ProjectCommand {
    /// `kiln project add`: adds a research project with a new random secret.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a research project.",
            discussion: """
                kiln project add cardio-2025 --profile expert-determination --min-cell 20
                Then register its researchers with --project cardio-2025 on kiln client add or kiln user add.
                """
        )

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The project's name: 1 to 64 of A-Z a-z 0-9 - _ .")
        var name: String

        @Option(help: "The de-identification profile: \(ResearchProfile.allCases.map(\.rawValue).joined(separator: ", ")).")
        var profile: String = DefaultResearchProject.profile.rawValue

        @Option(name: .customLong("min-cell"), help: "The smallest count the view reports; smaller counts are suppressed.")
        var minimumCellSize: Int = DefaultResearchProject.minimumCellSize

        func validate() throws {
            do {
                try RegistrationRules(spelling: .commandLine).checkProjectName(name)
            } catch {
                throw ValidationError(error.message)
            }
            guard ResearchProfile(rawValue: profile) != nil else {
                throw ValidationError("'\(profile)' is not a profile; use one of \(ResearchProfile.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard minimumCellSize >= 1 else {
                throw ValidationError("--min-cell must be at least 1")
            }
        }

        func run() async throws {
            guard let profile = ResearchProfile(rawValue: profile) else { throw CommandFailure("'\(self.profile)' is not a profile") }
            let record = ResearchProjectRecord(name: name, profile: profile, minimumCellSize: minimumCellSize)
            try await AuthCommandSupport.withProjects(database) { projects in
                try await projects.add(record)
            }
            print("Added research project '\(name)' (\(profile.rawValue), minimum cell size \(minimumCellSize)).")
        }
    }
}
