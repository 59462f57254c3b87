import FHIRDefinitions
import FHIRModel
import FHIRSearch
import FHIRTerminology
import Foundation

/// A parser over the shipped definitions and terminology, and helpers to run it on query text.
enum ParserFixture {
    static let baseURL = "https://kiln.example/fhir"

    /// A parser; `withTerminology` false leaves the terminology modifiers unavailable.
    static func parser(withTerminology: Bool = true, limits: SearchLimits = SearchLimits()) throws -> SearchQueryParser {
        let catalog = try DefinitionsCatalog.loadDefault()
        let terminology: TerminologyService? = withTerminology ? try TerminologyService.loadDefault() : nil
        return SearchQueryParser(registry: SearchRegistry(catalog: catalog), terminology: terminology, baseURL: baseURL, limits: limits)
    }

    /// The parameters of `query` (`a=1&b=2`), not percent-decoded.
    static func parameters(_ query: String) -> [QueryParameter] {
        query.split(separator: "&").map { pair in
            guard let equals = pair.firstIndex(of: "=") else { return QueryParameter(name: String(pair), value: "") }
            return QueryParameter(name: String(pair[..<equals]), value: String(pair[pair.index(after: equals)...]))
        }
    }

    /// Parses `query` as a search of `resourceType`.
    static func parse(
        _ resourceType: String?,
        _ query: String,
        handling: SearchQueryParser.Handling = .strict,
        now: Date = Date(),
        parser: SearchQueryParser? = nil
    ) throws -> SearchQuery {
        try (parser ?? self.parser()).parse(resourceType: resourceType, parameters: parameters(query), handling: handling, now: now)
    }

    /// The single condition of a search of `resourceType` for `query`.
    static func condition(_ resourceType: String?, _ query: String, parser: SearchQueryParser? = nil) throws -> SearchCondition? {
        let conditions = try parse(resourceType, query, parser: parser).conditions
        return conditions.count == 1 ? conditions[0] : nil
    }

    /// The error a search of `resourceType` for `query` fails with; nil when it succeeds.
    static func failure(
        _ resourceType: String?,
        _ query: String,
        handling: SearchQueryParser.Handling = .strict,
        now: Date = Date(),
        parser: SearchQueryParser? = nil
    ) throws -> FHIRError? {
        let parser = try parser ?? self.parser()
        do {
            _ = try parser.parse(resourceType: resourceType, parameters: parameters(query), handling: handling, now: now)
            return nil
        } catch {
            return error
        }
    }

    /// The instant of FHIR date text.
    static func instant(_ text: String) -> Date {
        FHIRInstant.parse(text) ?? Date.distantPast
    }
}

extension FHIRError {
    /// The diagnostics of the first issue.
    var message: String { issues.first?.diagnostics ?? "" }
    /// The expression of the first issue.
    var expression: [String] { issues.first?.expression ?? [] }
}
