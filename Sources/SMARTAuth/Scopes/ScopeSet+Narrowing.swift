extension ScopeSet {
    /// The scopes granted when this set is requested and `allowed` is the most that may be
    /// granted (a client's registered scopes, what the user approved): never more than either.
    ///
    /// Each requested resource scope is intersected with each allowed one (same context; `*`
    /// meets a named type in that type; permissions in common; the pairs of both queries), and
    /// a result another result already covers is left out. A non-resource scope is granted when
    /// both sets hold it. Results keep the requested order and the requested spelling where the
    /// meaning is unchanged, else the allowed spelling, else a SMART 2 spelling.
    ///
    /// ```swift
    /// // requested patient/*.rs, allowed patient/Observation.rs  → patient/Observation.rs
    /// // requested patient/Observation.cruds, allowed patient/Observation.rs → patient/Observation.rs
    /// ```
    public func narrowed(to allowed: ScopeSet) -> ScopeSet {
        let allowedResources = allowed.resourceScopes
        var candidates: [Scope] = []
        for scope in scopes {
            switch scope {
            case .nonResource(let nonResource):
                if allowed.contains(nonResource) { candidates.append(scope) }
            case .resource(let requested):
                candidates += allowedResources.compactMap { requested.intersection($0) }.map(Scope.resource)
            }
        }
        return ScopeSet(Self.leavingOutCovered(candidates))
    }

    /// The scopes without those another one covers (of two that mean the same, the first stays).
    private static func leavingOutCovered(_ scopes: [Scope]) -> [Scope] {
        scopes.enumerated().filter { index, scope in
            guard case .resource(let resource) = scope else { return true }
            return !scopes.enumerated().contains { otherIndex, other in
                guard otherIndex != index, case .resource(let otherResource) = other, otherResource.covers(resource) else { return false }
                return !resource.covers(otherResource) || otherIndex < index
            }
        }.map(\.element)
    }
}
