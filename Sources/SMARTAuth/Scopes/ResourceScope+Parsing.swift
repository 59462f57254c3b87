extension ResourceScope {
    /// Parses one resource scope; throws ``ScopeError`` for anything Kiln could not honour in full.
    ///
    /// - Parameter knownResourceTypes: when given, a named type outside it is refused.
    public init(parsing text: String, knownResourceTypes: Set<String>? = nil) throws(ScopeError) {
        let head: Substring
        let queryText: Substring?
        if let mark = text.firstIndex(of: "?") {
            head = text[..<mark]
            queryText = text[text.index(after: mark)...]
        } else {
            head = text[...]
            queryText = nil
        }
        guard let slash = head.firstIndex(of: "/") else { throw .unknownContext(scope: text, context: "") }
        let contextText = head[..<slash]
        guard let context = ScopeContext(rawValue: String(contextText)) else {
            throw .unknownContext(scope: text, context: String(contextText))
        }
        let rest = head[head.index(after: slash)...]
        guard let dot = rest.firstIndex(of: ".") else {
            try Self.checkType(rest, scope: text, knownResourceTypes: knownResourceTypes)
            throw .missingPermissions(scope: text)
        }
        let resourceType = try Self.checkType(rest[..<dot], scope: text, knownResourceTypes: knownResourceTypes)
        let (permissions, syntax) = try Self.permissions(rest[rest.index(after: dot)...], scope: text)
        var query: ScopeQuery?
        if let queryText {
            guard syntax == .v2 else { throw .queryOnVersion1Scope(scope: text) }
            guard resourceType != .wildcard else { throw .queryOnWildcard(scope: text) }
            guard permissions.isDisjoint(with: .writes) else {
                throw .queryWithWritePermissions(scope: text, permissions: permissions.letters)
            }
            query = try ScopeQuery.parse(queryText, scope: text)
        }
        self.init(context: context, resourceType: resourceType, permissions: permissions, query: query, syntax: syntax, text: text)
    }

    @discardableResult
    private static func checkType(_ text: Substring, scope: String, knownResourceTypes: Set<String>?) throws(ScopeError) -> ScopeResourceType {
        if text == "*" { return .wildcard }
        guard let first = text.unicodeScalars.first, first.isASCIIUppercase,
              text.unicodeScalars.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit })
        else {
            throw .invalidResourceType(scope: scope, resourceType: String(text))
        }
        if let knownResourceTypes, !knownResourceTypes.contains(String(text)) {
            throw .unknownResourceType(scope: scope, resourceType: String(text))
        }
        return .named(String(text))
    }

    /// `read`, `write`, `*` (v1) or ordered letters of `cruds` (v2).
    private static func permissions(_ text: Substring, scope: String) throws(ScopeError) -> (ScopePermissions, ScopeSyntax) {
        switch text {
        case "read": return (.v1Read, .v1)
        case "write": return (.v1Write, .v1)
        case "*": return (.all, .v1)
        case "": throw .missingPermissions(scope: scope)
        default: break
        }
        if text.contains("*") || text.contains("read") || text.contains("write") {
            throw .mixedSyntax(scope: scope, permissions: String(text))
        }
        var permissions: ScopePermissions = []
        var previous = -1
        for letter in text {
            guard let position = ScopePermissions.lettersInOrder.firstIndex(where: { $0.letter == letter }) else {
                throw .unknownPermission(scope: scope, letter: letter)
            }
            let permission = ScopePermissions.lettersInOrder[position].permission
            if permissions.contains(permission) { throw .repeatedPermission(scope: scope, letter: letter) }
            permissions.insert(permission)
            if position < previous { throw .permissionsOutOfOrder(scope: scope, permissions: String(text)) }
            previous = position
        }
        return (permissions, .v2)
    }
}
