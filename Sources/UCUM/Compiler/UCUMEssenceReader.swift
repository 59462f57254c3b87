import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The XML parser delegate behind ``UCUMEssenceCompiler``: collects prefixes, base units and units.
final class UCUMEssenceReader: NSObject, XMLParserDelegate {
    private(set) var essence = UCUMEssence(version: "", revisionDate: "", prefixes: [], baseUnits: [], units: [])
    private(set) var rootClosed = false
    private(set) var failure: String?

    private var depth = 0
    private var attributes: [String: String] = [:]
    private var name: String?
    private var property: String?
    private var valueUnit: String?
    private var value: String?
    private var function: UCUMFunctionDefinition?
    private var text: String?

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        depth += 1
        switch (depth, elementName) {
        case (1, "root"):
            essence.version = attributeDict["version"] ?? ""
            essence.revisionDate = attributeDict["revision-date"] ?? ""
        case (2, _):
            attributes = attributeDict
            name = nil
            property = nil
            valueUnit = nil
            value = nil
            function = nil
        case (3, "name") where name == nil, (3, "property") where property == nil:
            text = ""
        case (3, "value"):
            valueUnit = attributeDict["Unit"]
            value = attributeDict["value"]
        case (4, "function"):
            function = UCUMFunctionDefinition(
                name: attributeDict["name"] ?? "",
                value: attributeDict["value"] ?? "1",
                unit: attributeDict["Unit"] ?? "1"
            )
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text?.append(string)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        defer { depth -= 1 }
        switch (depth, elementName) {
        case (1, "root"):
            rootClosed = true
        case (3, "name"):
            if let text, name == nil { name = text.trimmingCharacters(in: .whitespacesAndNewlines) }
            text = nil
        case (3, "property"):
            if let text, property == nil { property = text.trimmingCharacters(in: .whitespacesAndNewlines) }
            text = nil
        case (2, "prefix"):
            guard let code = required("Code", of: elementName), let value else {
                return fail("prefix \(attributes["Code"] ?? "?") has no value")
            }
            essence.prefixes.append(UCUMPrefixDefinition(code: code, name: name ?? code, value: value))
        case (2, "base-unit"):
            guard let code = required("Code", of: elementName), let dimension = required("dim", of: elementName) else { return }
            essence.baseUnits.append(
                UCUMBaseUnitDefinition(code: code, name: name ?? code, dimension: dimension, property: property ?? "")
            )
        case (2, "unit"):
            guard let code = required("Code", of: elementName) else { return }
            let isSpecial = attributes["isSpecial"] == "yes"
            guard let valueUnit, isSpecial ? function != nil : value != nil else {
                return fail("unit \(code) has no usable value")
            }
            essence.units.append(
                UCUMUnitDefinition(
                    code: code,
                    name: name ?? code,
                    property: property ?? "",
                    unitClass: attributes["class"] ?? "",
                    isMetric: attributes["isMetric"] == "yes",
                    isSpecial: isSpecial,
                    isArbitrary: attributes["isArbitrary"] == "yes",
                    valueUnit: valueUnit,
                    value: value ?? "1",
                    function: isSpecial ? function : nil
                )
            )
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        fail("XML error at line \(parser.lineNumber): \(parseError.localizedDescription)")
    }

    func parser(_ parser: XMLParser, validationErrorOccurred validationError: any Error) {
        fail("XML validation error at line \(parser.lineNumber): \(validationError.localizedDescription)")
    }

    private func required(_ attribute: String, of element: String) -> String? {
        guard let value = attributes[attribute], !value.isEmpty else {
            fail("a \(element) has no \(attribute)")
            return nil
        }
        return value
    }

    private func fail(_ message: String) {
        if failure == nil { failure = message }
    }
}
