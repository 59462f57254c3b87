public import FHIRModel

/// Why the research view refuses a search: every parameter it will not run, each with its reason.
///
/// The router turns it into a 400 OperationOutcome with ``fhirError``; the message names every
/// refused parameter, so a researcher can fix the whole query at once:
///
/// ```text
/// The research view refuses these search parameters, which could reach removed or generalized
/// elements: name (names, addresses, telecom and free text are removed),
/// birthdate=1968-11-02 (HIPAA Safe Harbor keeps only the year)
/// ```
public struct ResearchSearchRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// One refused parameter.
    public struct Item: Sendable, Hashable {
        /// The parameter's name as written (`birthdate`, `subject:Patient.name`), for the
        /// OperationOutcome's expression.
        public var parameter: String
        /// The parameter as the message shows it: the name, with `=value` when the value is what is refused.
        public var written: String
        /// Why, for a person.
        public var reason: String

        /// A refused parameter.
        public init(parameter: String, written: String, reason: String) {
            self.parameter = parameter
            self.written = written
            self.reason = reason
        }
    }

    /// The refused parameters, in the order of the query.
    public var items: [Item]

    /// A refusal of `items`.
    public init(items: [Item]) {
        self.items = items
    }

    /// The one message naming every refused parameter and why.
    public var message: String {
        "The research view refuses these search parameters, which could reach removed or generalized elements: "
            + items.map { "\($0.written) (\($0.reason))" }.joined(separator: ", ")
    }

    /// The message.
    public var description: String { message }

    /// The 400 error the router answers with: one issue, `not-supported`, naming each parameter in its expression.
    public var fhirError: FHIRError {
        .badRequest(message, code: .notSupported, expression: items.map(\.parameter))
    }
}
