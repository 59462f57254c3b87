import FHIRModel

extension ResearchView {
    /// The research view's CapabilityStatement for `project`: only the types, interactions and
    /// search parameters its profile's policy accepts.
    func capabilityStatement(project: ResearchProject) throws(FHIRError) -> JSONValue {
        var statement = ResearchCapabilityStatement(policy: try searchPolicy(for: project), serverResourceTypes: clinical.resourceTypes,
                                                    researchBaseURL: baseURL, clinicalBaseURL: clinical.baseURL)
        statement.minimumCellSize = project.minimumCellSize
        statement.advertisesSMART = clinical.advertisesSMART
        return statement.build()
    }
}
