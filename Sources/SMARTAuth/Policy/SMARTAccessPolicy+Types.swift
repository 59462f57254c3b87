public import FHIRAccess

extension SMARTAccessPolicy {
    /// The resource types `caller` may read by id (`r`) in `view`.
    public func readableTypes(for caller: SMARTCaller, in view: DataView) -> ResourceTypeSet {
        types(permitting: .read, for: caller, in: view)
    }

    /// The resource types `caller` may search (`s`) in `view`: what a system-level search
    /// without `_type` searches, and what a `_type` list must stay within.
    public func searchableTypes(for caller: SMARTCaller, in view: DataView) -> ResourceTypeSet {
        types(permitting: .search, for: caller, in: view)
    }

    private func types(permitting permission: ScopePermissions, for caller: SMARTCaller, in view: DataView) -> ResourceTypeSet {
        guard gateDenial(permission: permission, caller: caller, view: view) == nil else { return .only([]) }
        var names: Set<String> = []
        for scope in caller.scopes.resourceScopes where scope.permissions.contains(permission) {
            guard case .success = grant(scope, permission: permission, resourceType: scope.resourceType.name, caller: caller) else { continue }
            switch scope.resourceType {
            case .wildcard: return .all
            case .named(let name):
                if caller.role == .researcher, ConsentScope.exemptTypes.contains(name) { continue }
                names.insert(name)
            }
        }
        return .only(names)
    }
}
