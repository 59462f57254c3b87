import Foundation
import KilnFixtures
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The repository's root directory.
let repositoryRoot = Fixtures.repositoryRoot

/// UCUM's functional tests, shipped in Tests/Fixtures/ucum.
let functionalTestsURL = Fixtures.url("ucum/UcumFunctionalTests.xml")

/// The UCUM essence the generated source was compiled from, shipped in Tests/Fixtures/ucum.
let essenceURL = Fixtures.url("ucum/ucum-essence.xml")

/// One `<case>` of UcumFunctionalTests.xml: its group (`validation`, `conversion`, …) and attributes.
struct FunctionalTestCase: Sendable, CustomStringConvertible {
    var group: String
    var attributes: [String: String]

    var id: String { attributes["id"] ?? "?" }
    subscript(name: String) -> String { attributes[name] ?? "" }
    var description: String { "\(group) \(id) \(attributes.filter { $0.key != "id" }.sorted { $0.key < $1.key })" }
}

/// Reads UcumFunctionalTests.xml.
func readFunctionalTests() throws -> [FunctionalTestCase] {
    let data = try Data(contentsOf: functionalTestsURL)
    let parser = XMLParser(data: data)
    let reader = FunctionalTestReader()
    parser.delegate = reader
    guard parser.parse(), reader.failed == false, reader.rootClosed else {
        throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: functionalTestsURL.path])
    }
    return reader.cases
}

private final class FunctionalTestReader: NSObject, XMLParserDelegate {
    var cases: [FunctionalTestCase] = []
    var group = ""
    var depth = 0
    var rootClosed = false
    var failed = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        depth += 1
        if depth == 2 { group = elementName }
        if elementName == "case" { cases.append(FunctionalTestCase(group: group, attributes: attributes)) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if depth == 1 { rootClosed = true }
        depth -= 1
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        failed = true
    }
}
