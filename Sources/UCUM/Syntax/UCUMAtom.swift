/// An atom of the essence a symbol can name: a base unit or a defined unit.
enum UCUMAtom: Sendable, Hashable {
    case base(UCUMBaseUnitDefinition)
    case unit(UCUMUnitDefinition)

    var code: String {
        switch self {
        case .base(let base): base.code
        case .unit(let unit): unit.code
        }
    }

    var name: String {
        switch self {
        case .base(let base): base.name
        case .unit(let unit): unit.name
        }
    }

    /// Base units are metric; defined units say so in the essence.
    var isMetric: Bool {
        switch self {
        case .base: true
        case .unit(let unit): unit.isMetric
        }
    }
}
