import FHIRDefinitions
import FHIRModel
import FHIRPath

/// Gathers the rows of one resource, parameter by parameter, and hands them over without duplicates.
struct IndexRowCollector {
    private let references: ReferenceValues
    private var entries = SearchIndexEntries()

    init(references: ReferenceValues) {
        self.references = references
    }

    /// Adds the rows of the values `parameter` selected, by its type; composites are added with
    /// ``addComposite(_:elements:resource:)``.
    mutating func add(_ values: [FHIRPathValue], of parameter: IndexedParameter) {
        let code = parameter.code
        switch parameter.type {
        case .token:
            entries.tokens += values.flatMap { TokenValues.rows(of: $0, parameter: code, codeSystem: parameter.codeSystem) }
        case .string:
            entries.strings += values.flatMap(StringValues.texts).map { StringIndexRow(parameter: code, value: $0) }
        case .date:
            entries.dates += values.compactMap(DateValues.range).map { DateIndexRow(parameter: code, low: $0.low, high: $0.high) }
        case .reference:
            let rows = referenceRows(values, parameter: code)
            entries.references += rows.references
            entries.tokens += rows.tokens
        case .quantity:
            entries.quantities += values.compactMap { QuantityValues.row(of: $0, parameter: code) }
        case .number:
            entries.numbers += values.compactMap(NumberAndURIValues.number).map { NumberIndexRow(parameter: code, value: $0) }
        case .uri:
            entries.uris += values.compactMap(NumberAndURIValues.uri).map { URIIndexRow(parameter: code, uri: $0) }
        case .composite, .special:
            break
        }
    }

    /// Adds the combinations of a composite's two components, each evaluated on every element
    /// the composite's expression selected (`elements`) of `resource`.
    mutating func addComposite(_ parameter: IndexedParameter, elements: [FHIRPathValue], resource: [FHIRPathValue], environment: FHIRPathEnvironment) {
        guard parameter.components.count == 2 else { return }
        let first = parameter.components[0]
        let second = parameter.components[1]
        for element in elements {
            guard let firstValues = try? first.expression.evaluate(context: [element], resource: resource, rootResource: resource, environment: environment),
                  let secondValues = try? second.expression.evaluate(context: [element], resource: resource, rootResource: resource, environment: environment)
            else { continue }
            let codes = firstValues.flatMap(TokenValues.codes)
            let values = secondValues.flatMap { CompositeValues.values(of: $0, type: second.type) }
            for code in codes {
                for value in values {
                    entries.composites.append(CompositeIndexRow(parameter: parameter.code, system: code.system, code: code.code, value: value))
                }
            }
        }
    }

    /// The reference rows (and `:identifier` token rows) of the values of a reference parameter.
    func referenceRows(_ values: [FHIRPathValue], parameter: String) -> (references: [ReferenceIndexRow], tokens: [TokenIndexRow]) {
        var result: (references: [ReferenceIndexRow], tokens: [TokenIndexRow]) = ([], [])
        for value in values {
            let rows = references.rows(of: value, parameter: parameter)
            result.references += rows.references
            result.tokens += rows.tokens
        }
        return result
    }

    /// The reference rows gathered so far of the parameter `code`.
    func references(of code: String) -> [ReferenceIndexRow] {
        entries.references.filter { $0.parameter == code }
    }

    /// The rows gathered, each once, in the order first seen, with `compartmentPatients`.
    func finished(compartmentPatients: [String]) -> SearchIndexEntries {
        SearchIndexEntries(
            tokens: entries.tokens.uniqued(),
            strings: entries.strings.uniqued(),
            dates: entries.dates.uniqued(),
            references: entries.references.uniqued(),
            quantities: entries.quantities.uniqued(),
            numbers: entries.numbers.uniqued(),
            uris: entries.uris.uniqued(),
            composites: entries.composites.uniqued(),
            compartmentPatients: Array(Set(compartmentPatients)).sorted()
        )
    }
}

extension Array where Element: Hashable {
    /// The elements, each once, in the order first seen.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
