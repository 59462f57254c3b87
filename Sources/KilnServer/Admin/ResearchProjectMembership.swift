import SMARTAuth

/// Which research project a registration belongs to, as tokens carry it (`project`) and the
/// administration API shows it: a researcher's registered project, else the built-in
/// `default`; none for any other role.
enum ResearchProjectMembership {
    /// The project of a registration with `role` and the registered `project`.
    static func project(role: Role?, registered: String?) -> String? {
        role == .researcher ? (registered ?? SMARTCaller.defaultResearchProject) : nil
    }

    /// The project of a stored registration, whose role is a `Role` raw value.
    static func project(role: String?, registered: String?) -> String? {
        project(role: role.flatMap(Role.init(rawValue:)), registered: registered)
    }
}
