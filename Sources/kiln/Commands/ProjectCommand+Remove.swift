import ArgumentParser
import FHIRStore

extension ProjectCommand {
    /// `kiln project remove`: removes a project no registration belongs to.
    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a research project.",
            discussion: "Refused while clients or users belong to it; the built-in project 'default' is never removed."
        )

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The project's name.")
        var name: String

        func run() async throws {
            let name = self.name
            do {
                try await AuthCommandSupport.withProjects(database) { projects in
                    try await projects.remove(named: name)
                }
            } catch let error as ResearchProjectError {
                throw CommandFailure(error.description)
            }
            print("Removed research project '\(name)'.")
        }
    }
}
