import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One test of the official FHIRPath suite (tests-fhir-r4.xml).
struct ConformanceCase: Sendable {
    var group = ""
    var name = ""
    var inputFile: String?
    var mode: String?
    var expression = ""
    var invalid: String?
    var predicate = false
    var outputs: [(type: String?, text: String)] = []

    /// `group/name`, the key of the known-failures table.
    var key: String { "\(group)/\(name)" }
}

/// Reads the suite's XML, failing when the parser reports an error or the root element does not close.
final class ConformanceSuiteReader: NSObject, XMLParserDelegate {
    private(set) var cases: [ConformanceCase] = []
    private var group = ""
    private var current: ConformanceCase?
    private var text = ""
    private var outputType: String?
    private var depth = 0
    private var rootClosed = false
    private var failure: String?
    private var unnamed = 0

    static func read(_ url: URL) throws -> [ConformanceCase] {
        let data = try Data(contentsOf: url)
        let reader = ConformanceSuiteReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        let ok = parser.parse()
        guard ok, reader.failure == nil, reader.rootClosed else {
            throw NSError(domain: "ConformanceSuite", code: 1, userInfo: [NSLocalizedDescriptionKey: "unreadable suite: \(reader.failure ?? "root element not closed")"])
        }
        return reader.cases
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        depth += 1
        text = ""
        switch name {
        case "group":
            group = attributes["name"] ?? ""
        case "test":
            var test = ConformanceCase()
            test.group = group
            if let testName = attributes["name"] {
                test.name = testName
            } else {
                unnamed += 1
                test.name = "unnamed-\(unnamed)"
            }
            test.inputFile = attributes["inputfile"]
            test.mode = attributes["mode"]
            test.predicate = attributes["predicate"] == "true"
            current = test
        case "expression":
            current?.invalid = attributes["invalid"]
            if let mode = attributes["mode"] { current?.mode = mode }
        case "output":
            outputType = attributes["type"]
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        switch name {
        case "expression": current?.expression = text
        case "output": current?.outputs.append((type: outputType, text: text))
        case "test":
            if let current { cases.append(current) }
            current = nil
        default: break
        }
        if depth == 0 { rootClosed = true }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        failure = String(describing: parseError)
    }
}
