import FHIRDefinitions

/// Reads reference search values: `Type/id`, `Type/id/_history/n`, a bare `id`, an absolute URL
/// of this server (all local: type and id), or any other absolute URL, URN or canonical (matched
/// as written).
struct SearchReferenceValue {
    /// The resource types of the server.
    let typeModel: TypeModel
    /// The server's base URL without a trailing slash.
    let baseURL: String
    /// The reference parameter.
    let parameter: SupportedSearchParameter
    /// The `:Type` modifier, when given.
    let typeModifier: String?
    /// The parameter as written, for messages.
    let written: String

    /// The criterion for `text` (escapes resolved).
    func criterion(_ text: String) throws(SearchParameterProblem) -> ReferenceCriterion {
        if !baseURL.isEmpty, text.hasPrefix(baseURL + "/") {
            let local = String(text.dropFirst(baseURL.count + 1))
            return try relative(local, asWritten: text)
        }
        if text.contains("://") || text.hasPrefix("urn:") {
            return .url(text)
        }
        if text.contains("/") {
            return try relative(text, asWritten: text)
        }
        let targets = parameter.targets
        return .local(type: typeModifier ?? (targets.count == 1 ? targets.first : nil), id: text)
    }

    /// `Type/id` or `Type/id/_history/n` as a local reference.
    private func relative(_ text: String, asWritten original: String) throws(SearchParameterProblem) -> ReferenceCriterion {
        let segments = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard segments.count == 2 || (segments.count == 4 && segments[2] == "_history" && !segments[3].isEmpty),
              !segments[1].isEmpty else {
            throw .invalid(
                "The reference '\(original)' of '\(written)' is not valid: write Type/id, Type/id/_history/version, an id or an absolute URL",
                parameter: written
            )
        }
        let type = segments[0]
        guard typeModel.isResourceType(type) else {
            throw .invalid("The reference '\(original)' of '\(written)' names '\(type)', which is not a resource type", parameter: written)
        }
        if let typeModifier, typeModifier != type {
            throw .invalid("The reference '\(original)' of '\(written)' names \(type), but the modifier asks for \(typeModifier)", parameter: written)
        }
        let targets = parameter.targets
        guard targets.isEmpty || targets.contains(type) else {
            throw .invalid(
                "The reference '\(original)' of '\(written)' names \(type), but '\(parameter.code)' refers only to \(targets.joined(separator: ", "))",
                parameter: written
            )
        }
        return .local(type: type, id: segments[1])
    }
}
