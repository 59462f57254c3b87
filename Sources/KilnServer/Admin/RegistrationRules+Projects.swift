import FHIRStore
public import SMARTAuth

extension RegistrationRules {
    /// Checks a research project name: 1 to 64 of `A-Z a-z 0-9 - _ .`.
    public func checkProjectName(_ name: String) throws(RegistrationError) {
        guard ResearchProjectRecord.isValidName(name) else {
            throw RegistrationError("The project name '\(name)' must be 1 to \(ResearchProjectRecord.maximumNameLength) of A-Z a-z 0-9 - _ .")
        }
    }

    /// Checks the research project a client or user of `role` is registered with: only a
    /// researcher belongs to one (without one, to the built-in project `default`); any other
    /// role is refused a project, and a system client (no role) too.
    public func checkProject(_ project: String?, role: Role?) throws(RegistrationError) {
        guard let project else { return }
        try checkProjectName(project)
        guard role == .researcher else {
            let holder = role.map { "the role \($0.rawValue)" } ?? "a client without a role"
            throw RegistrationError("\(name(.project)) names the research project of a researcher; \(holder) has no research project")
        }
    }
}
