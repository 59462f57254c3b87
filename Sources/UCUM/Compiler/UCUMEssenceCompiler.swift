public import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads `ucum-essence.xml` into a ``UCUMEssence`` and writes it as Swift source.
///
/// The source is what Kiln ships (`Sources/UCUM/Generated/UCUMEssence+Standard.swift`), so the
/// server never reads the XML:
///
/// ```swift
/// let essence = try UCUMEssenceCompiler.read(contentsOf: URL(fileURLWithPath: "ucum-essence.xml"))
/// try UCUMEssenceCompiler.swiftSource(for: essence).write(to: output, atomically: true, encoding: .utf8)
/// ```
public enum UCUMEssenceCompiler {
    /// Reads and checks an essence file.
    public static func read(contentsOf url: URL) throws(UCUMError) -> UCUMEssence {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw UCUMError(.invalidEssence, "cannot read \(url.path): \(error.localizedDescription)")
        }
        return try read(data)
    }

    /// Reads and checks essence XML.
    ///
    /// The document is accepted only when the parser reports success, no error was reported
    /// on the way and the root element was closed, so truncated input is refused.
    public static func read(_ data: Data) throws(UCUMError) -> UCUMEssence {
        let parser = XMLParser(data: data)
        let reader = UCUMEssenceReader()
        parser.delegate = reader
        let succeeded = parser.parse()
        if let failure = reader.failure {
            throw UCUMError(.invalidEssence, failure)
        }
        guard succeeded, reader.rootClosed else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "the document is incomplete"
            throw UCUMError(.invalidEssence, "the essence is not well-formed: \(reason)")
        }
        let essence = reader.essence
        guard !essence.prefixes.isEmpty, !essence.baseUnits.isEmpty, !essence.units.isEmpty else {
            throw UCUMError(.invalidEssence, "the essence has no prefixes, base units or units")
        }
        return essence
    }

    /// Reads an essence file and writes the Swift source for it.
    ///
    /// - Returns: a one-line summary of what was written.
    @discardableResult
    public static func compile(source: URL, output: URL) throws(UCUMError) -> String {
        let essence = try read(contentsOf: source)
        let text = swiftSource(for: essence)
        do {
            try text.write(to: output, atomically: true, encoding: .utf8)
        } catch {
            throw UCUMError(.invalidEssence, "cannot write \(output.path): \(error.localizedDescription)")
        }
        return "UCUM \(essence.version) (\(essence.revisionDate)): \(essence.prefixes.count) prefixes, "
            + "\(essence.baseUnits.count) base units, \(essence.units.count) units → \(output.path) "
            + "(\(text.utf8.count) bytes)"
    }
}
