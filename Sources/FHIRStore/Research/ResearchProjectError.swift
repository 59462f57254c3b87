/// Why the ``ResearchProjectStore`` refused a change.
public enum ResearchProjectError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A project with this name exists already.
    case projectExists(String)
    /// No project has this name.
    case projectNotFound(String)
    /// The name is not 1 to 64 of `A-Z a-z 0-9 - _ .`.
    case invalidName(String)
    /// The minimum cell size is below 1.
    case invalidMinimumCellSize(Int)
    /// The built-in project cannot be removed.
    case builtIn(String)
    /// Active clients or users still belong to the project.
    case inUse(String, clients: [String], users: [String])

    /// A message for an operator.
    public var description: String {
        switch self {
        case .projectExists(let name):
            "A research project named '\(name)' exists already"
        case .projectNotFound(let name):
            "No research project is named '\(name)'"
        case .invalidName(let name):
            "The project name '\(name)' must be 1 to \(ResearchProjectRecord.maximumNameLength) of A-Z a-z 0-9 - _ ."
        case .invalidMinimumCellSize(let size):
            "The minimum cell size must be at least 1, not \(size)"
        case .builtIn(let name):
            "The project '\(name)' is built in: researchers registered without a project belong to it; it cannot be removed"
        case .inUse(let name, let clients, let users):
            "The project '\(name)' still has "
                + [clients.isEmpty ? nil : "clients \(clients.joined(separator: ", "))", users.isEmpty ? nil : "users \(users.joined(separator: ", "))"]
                .compactMap { $0 }.joined(separator: " and ")
                + "; remove them or register them elsewhere first"
        }
    }
}
