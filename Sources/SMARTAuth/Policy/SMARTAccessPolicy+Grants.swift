import FHIRAccess

/// One scope that applies to a request, with what it reaches for this caller.
struct Grant {
    /// The scope.
    let scope: ResourceScope
    /// The filter on stored resources it reaches.
    let filter: AccessFilter
    /// The filter a resource written under it must satisfy.
    let writtenResourceFilter: AccessFilter

    /// The filter and queries of several grants on the same type.
    ///
    /// Unrestricted grants (no query) win: their filters are joined and the granular ones
    /// dropped, which can only reach less. Otherwise the queries are joined (a union, a query
    /// narrower than another one left out) under the filter every grant shares.
    static func combine(_ grants: [Grant]) -> (filter: AccessFilter, queries: [ScopeQuery]?) {
        let open = grants.filter { $0.scope.query == nil }
        if let first = open.first {
            return (open.dropFirst().reduce(first.filter) { $0.union($1.filter) }, nil)
        }
        let queries = grants.compactMap(\.scope.query)
        var unique: [ScopeQuery] = []
        for query in queries where !unique.contains(query) {
            unique.append(query)
        }
        let widest = unique.filter { query in
            !unique.contains { $0 != query && query.isNarrower(than: $0) }
        }
        let filter = grants.dropFirst().reduce(grants.first?.filter ?? .patientCompartment(patientIDs: [])) { $0.intersection($1.filter) }
        return (filter, widest)
    }
}

/// A reason a scope does not apply, a person can act on.
struct AccessDenial: Error {
    let reason: String
}

extension SMARTAccessPolicy {
    /// What `scope` reaches for `caller` when used for `permission` on `resourceType`, or why it
    /// does not apply.
    func grant(_ scope: ResourceScope, permission: ScopePermissions, resourceType: String?, caller: SMARTCaller) -> Result<Grant, AccessDenial> {
        let role: AccessFilter
        switch roleFilter(for: caller) {
        case .success(let filter): role = filter
        case .failure(let denial): return .failure(denial)
        }
        var filter = role
        if scope.context == .patient {
            guard let patient = caller.launchPatient else {
                return .failure(AccessDenial(reason: "The token has patient/ scopes but no patient: a patient/ scope needs a patient in the launch context (request launch/patient, or launch from a patient's record)"))
            }
            filter = role.intersection(.patientCompartment(patientIDs: [patient]))
            if filter.isEmptyCompartment {
                return .failure(AccessDenial(reason: launchPatientMismatch(patient, caller: caller)))
            }
        }
        var written = filter
        if let type = resourceType, !permission.isDisjoint(with: .writes), filter.patientIDs != nil {
            if type == "Patient", permission == .create {
                guard caller.role == .clinician, scope.context != .patient else {
                    return .failure(AccessDenial(reason: "This token is confined to patient compartments, and a new Patient lies outside all of them; only a clinician (through user/ or system/ scopes) may create a Patient"))
                }
                written = .unrestricted
            } else if !compartmentTypes.contains(type) {
                return .failure(AccessDenial(reason: "This token is confined to patient compartments and may write only resources in them; \(type) is not a type of the Patient compartment"))
            }
        }
        return .success(Grant(scope: scope, filter: filter, writtenResourceFilter: written))
    }

    /// What the caller's role reaches, before scopes.
    func roleFilter(for caller: SMARTCaller) -> Result<AccessFilter, AccessDenial> {
        switch caller.role {
        case nil, .researcher, .dataSteward, .administrator:
            return .success(.unrestricted)
        case .clinician:
            return .success(.patientCompartment(patientIDs: AccessFilter.unique(caller.assignedPatients)))
        case .patient:
            guard let own = caller.fhirUserPatientID else {
                let found = caller.fhirUser.map { "'\($0)'" } ?? "none"
                return .failure(AccessDenial(reason: "A user in the patient role needs a fhirUser that is a Patient reference (Patient/[id]); this token has \(found)"))
            }
            return .success(.patientCompartment(patientIDs: [own]))
        }
    }

    private func launchPatientMismatch(_ patient: String, caller: SMARTCaller) -> String {
        switch caller.role {
        case .patient:
            "Patient '\(patient)' of the launch context is not this user's own record ('\(caller.fhirUserPatientID ?? "")'); patient/ scopes reach the launch patient only"
        default:
            "Patient '\(patient)' of the launch context is not one of this clinician's assigned patients"
        }
    }
}
