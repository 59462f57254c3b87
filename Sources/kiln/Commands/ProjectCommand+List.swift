import ArgumentParser
import FHIRStore

extension ProjectCommand {
    /// `kiln project list`: the research projects as a table or JSON, without their secrets.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the research projects.")

        @OptionGroup var database: DatabaseOptions

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        func run() async throws {
            let projects = try await AuthCommandSupport.withProjects(database) { projects in
                try await projects.projects()
            }
            if json {
                print(try AuthCommandSupport.json(projects.map(ResearchProjectView.init)))
                return
            }
            let rows = projects.map { [$0.name, $0.profile.rawValue, String($0.minimumCellSize)] }
            print(TextTable(header: ["NAME", "PROFILE", "MIN CELL"], rows: rows).rendered)
        }
    }
}
