import FHIRDefinitions
import FHIRSearch
import Foundation
import Testing

/// docs/search.md is generated from the registry; the committed file must be what it produces.
@Suite("Search documentation")
struct SearchDocumentationTests {
    @Test("docs/search.md is up to date (regenerate with `kiln definitions search-docs --output docs/search.md`)")
    func committedFileIsCurrent() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let committed = try String(contentsOf: root.appendingPathComponent("docs/search.md"), encoding: .utf8)
        let generated = SearchDocumentation.markdown(registry: SearchRegistry(catalog: try DefinitionsCatalog.loadDefault()))
        #expect(committed == generated)
    }

    @Test("Every R4 parameter of the five resource types is listed, supported or with a reason")
    func everyParameterListed() throws {
        let registry = SearchRegistry(catalog: try DefinitionsCatalog.loadDefault())
        let text = SearchDocumentation.markdown(registry: registry)
        for type in SearchRegistry.documentedResourceTypes {
            for (definition, _) in registry.parameters(for: type) {
                #expect(text.contains("| `\(definition.code)` |"), "\(type) \(definition.code)")
            }
        }
        #expect(text.contains("| `near` |") == false)
        #expect(text.contains("| `_text` | string | no |"))
    }
}
