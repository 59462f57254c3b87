import PostgresNIO

extension AuthStore {
    /// The SQLSTATE of a foreign key violation.
    static let foreignKeyViolation = "23503"

    /// Runs `body`, a registration naming `project`; a foreign key violation (the project does
    /// not exist, or was removed meanwhile) becomes ``ResearchProjectError/projectNotFound(_:)``.
    static func namingProject<Result: Sendable>(_ project: String?, _ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch let error as PSQLError {
            if let project, error.code == .server, error.serverInfo?[.sqlState] == foreignKeyViolation {
                throw ResearchProjectError.projectNotFound(project)
            }
            throw error
        }
    }
}
