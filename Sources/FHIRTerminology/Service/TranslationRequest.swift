/// A code to translate with concept maps (`$translate`).
public struct TranslationRequest: Sendable {
    /// The source code system.
    public var system: String
    /// The source code.
    public var code: String
    /// The concept map to use; nil to use every map with a group from `system`.
    public var conceptMap: String?
    /// Only targets in this system.
    public var targetSystem: String?
    /// Translate from targets back to sources.
    public var reverse: Bool

    /// A request.
    public init(system: String, code: String, conceptMap: String? = nil, targetSystem: String? = nil, reverse: Bool = false) {
        self.system = system
        self.code = code
        self.conceptMap = conceptMap
        self.targetSystem = targetSystem
        self.reverse = reverse
    }
}
