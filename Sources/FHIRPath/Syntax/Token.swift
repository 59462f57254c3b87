/// One lexical unit of a FHIRPath expression.
struct Token: Sendable, Equatable {
    /// What sort of token this is.
    enum Kind: Sendable, Equatable {
        /// A plain identifier or keyword, such as `name`, `and` or `true`.
        case identifier
        /// A back-quoted identifier, such as `` `given` ``.
        case delimitedIdentifier
        /// A single-quoted string, escapes already decoded.
        case string
        /// An integer or decimal number.
        case number
        /// A long integer such as `3L`.
        case longNumber
        /// A date, date-time or time literal without its `@`.
        case dateTime
        /// `%name`, `` %`name` `` or `%'name'`.
        case externalConstant
        /// `$this`, `$index` or `$total`.
        case special
        /// Punctuation or an operator symbol.
        case symbol
        /// The end of the text.
        case end
    }

    /// What sort of token this is.
    let kind: Kind
    /// The token's text, decoded for strings and identifiers.
    let text: String
    /// The character offset where the token starts.
    let position: Int
}
