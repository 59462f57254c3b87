public import FHIRAccess

extension Interaction {
    /// The SMART permission letter the interaction needs on its resource type.
    ///
    /// read, vread, history-instance → `r`; search-type, search-system, history-type,
    /// history-system → `s`; create → `c`; update, patch → `u`; delete → `d`; an operation → `r`.
    /// Nil for capabilities (always allowed) and for batch and transaction, which are allowed at
    /// the Bundle level and whose entries are each decided as a request of their own.
    public var smartPermission: ScopePermissions? {
        switch self {
        case .read, .vread, .historyInstance, .operation: .read
        case .searchType, .searchSystem, .historyType, .historySystem: .search
        case .create: .create
        case .update, .patch: .update
        case .delete: .delete
        case .capabilities, .batch, .transaction: nil
        }
    }
}
