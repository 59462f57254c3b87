/// One question to the access layer: may this principal perform this interaction here?
public struct AccessRequest: Sendable, Hashable {
    /// Who asks.
    public var principal: Principal
    /// What they want to do.
    public var interaction: Interaction
    /// The resource type concerned, if any (nil for system-level interactions).
    public var resourceType: String?
    /// The resource id concerned, if any.
    public var resourceID: String?
    /// The view addressed.
    public var view: DataView

    /// A request for `interaction` on `resourceType`/`resourceID` in `view`.
    public init(principal: Principal, interaction: Interaction, resourceType: String? = nil, resourceID: String? = nil, view: DataView = .clinical) {
        self.principal = principal
        self.interaction = interaction
        self.resourceType = resourceType
        self.resourceID = resourceID
        self.view = view
    }
}
