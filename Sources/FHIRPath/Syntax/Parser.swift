import Foundation

/// Parses FHIRPath tokens into an ``ExpressionNode`` tree, resolving function names and types.
///
/// Precedence, loosest first: `implies`; `or` `xor`; `and`; `in` `contains`; `=` `~` `!=` `!~`;
/// `<` `<=` `>` `>=`; `|`; `is` `as`; `+` `-` `&`; `*` `/` `div` `mod`; unary `+` `-`;
/// then `.` invocations and `[ ]` indexers.
struct Parser {
    private let tokens: [Token]
    private var index = 0

    /// The tree of a whole expression; throws a syntax error when the text is not one
    /// expression, and a semantic error for unknown functions or wrong argument counts.
    static func parse(_ text: String) throws(FHIRPathError) -> ExpressionNode {
        var parser = Parser(tokens: try Lexer.tokenize(text))
        let node = try parser.expression(level: 0)
        let trailing = parser.current
        guard trailing.kind == .end else {
            throw .syntax("expected an operator or the end of the expression, found '\(trailing.text)'", at: trailing.position)
        }
        return node
    }

    private init(tokens: [Token]) {
        self.tokens = tokens
    }

    private var current: Token { tokens[index] }

    private func isSymbol(_ text: String) -> Bool {
        current.kind == .symbol && current.text == text
    }

    private mutating func expect(_ text: String) throws(FHIRPathError) {
        guard isSymbol(text) else {
            throw .syntax("expected '\(text)', found \(current.kind == .end ? "the end of the expression" : "'\(current.text)'")", at: current.position)
        }
        index += 1
    }

    private static let levels: [[String]] = [
        ["implies"], ["or", "xor"], ["and"], ["in", "contains"], ["=", "~", "!=", "!~"],
        ["<", "<=", ">", ">="], ["|"], ["is", "as"], ["+", "-", "&"], ["*", "/", "div", "mod"],
    ]

    /// The operator at the current token if it belongs to `level`.
    private func binaryOperator(at level: Int) -> String? {
        let token = current
        guard token.kind == .symbol || token.kind == .identifier else { return nil }
        return Self.levels[level].contains(token.text) ? token.text : nil
    }

    private mutating func expression(level: Int) throws(FHIRPathError) -> ExpressionNode {
        guard level < Self.levels.count else { return try polarity() }
        var left = try expression(level: level + 1)
        while let symbol = binaryOperator(at: level) {
            let position = current.position
            index += 1
            if symbol == "is" || symbol == "as" {
                let type = try typeSpecifier()
                left = .typeOperation(left, symbol == "is" ? .is : .as, type, position: position)
                continue
            }
            let right = try expression(level: level + 1)
            guard let op = BinaryOperator(rawValue: symbol) else { throw .syntax("unknown operator '\(symbol)'", at: position) }
            left = .binary(op, left, right, position: position)
        }
        return left
    }

    private mutating func polarity() throws(FHIRPathError) -> ExpressionNode {
        if isSymbol("-") || isSymbol("+") {
            let token = current
            index += 1
            let operand = try polarity()
            if token.text == "-" {
                if case .literal(.integer(let value)) = operand { return .literal(.integer(-value)) }
                if case .literal(.decimal(let value)) = operand { return .literal(.decimal(-value)) }
                return .negate(operand, position: token.position)
            }
            return .plus(operand, position: token.position)
        }
        return try postfix()
    }

    private mutating func postfix() throws(FHIRPathError) -> ExpressionNode {
        var node = try term()
        while true {
            if isSymbol(".") {
                index += 1
                node = try invocation(on: node)
            } else if isSymbol("[") {
                let position = current.position
                index += 1
                let subscriptNode = try expression(level: 0)
                try expect("]")
                node = .indexer(node, subscriptNode, position: position)
            } else {
                return node
            }
        }
    }

    private mutating func invocation(on base: ExpressionNode?) throws(FHIRPathError) -> ExpressionNode {
        let token = current
        guard token.kind == .identifier || token.kind == .delimitedIdentifier else {
            throw .syntax("expected a name or function after '.', found \(token.kind == .end ? "the end of the expression" : "'\(token.text)'")", at: token.position)
        }
        index += 1
        if token.kind == .identifier, isSymbol("(") {
            return try functionCall(token, on: base)
        }
        return .member(base, token.text, position: token.position)
    }

    private mutating func functionCall(_ name: Token, on base: ExpressionNode?) throws(FHIRPathError) -> ExpressionNode {
        try expect("(")
        var arguments: [ExpressionNode] = []
        if !isSymbol(")") {
            arguments.append(try expression(level: 0))
            while isSymbol(",") {
                index += 1
                arguments.append(try expression(level: 0))
            }
        }
        try expect(")")
        if let typeOperator = TypeOperator(rawValue: name.text), arguments.count == 1 {
            guard let type = Self.typeSpecifier(from: arguments[0]) else {
                throw .semantic("\(name.text)() expects a type name such as Patient or System.String", at: name.position)
            }
            return .typeOperation(base, typeOperator, type, position: name.position)
        }
        guard let function = FunctionName(rawValue: name.text) else {
            throw .semantic("unknown function '\(name.text)'", at: name.position)
        }
        guard function.arity.contains(arguments.count) else {
            throw .semantic("\(name.text)() takes \(function.arity.lowerBound == function.arity.upperBound ? "\(function.arity.lowerBound)" : "\(function.arity.lowerBound) to \(function.arity.upperBound)") argument(s), found \(arguments.count)", at: name.position)
        }
        return .call(base, function, arguments, position: name.position)
    }

    /// The type named by an argument such as `Patient`, `FHIR.Patient` or `` FHIR.`Patient` ``.
    private static func typeSpecifier(from node: ExpressionNode) -> TypeSpecifier? {
        switch node {
        case .member(nil, let name, _):
            return TypeSpecifier(namespace: nil, name: name)
        case .member(.member(nil, let namespace, _)?, let name, _):
            return TypeSpecifier(namespace: namespace, name: name)
        default:
            return nil
        }
    }

    private mutating func identifierText() throws(FHIRPathError) -> String {
        let token = current
        guard token.kind == .identifier || token.kind == .delimitedIdentifier else {
            throw .syntax("expected a type name, found \(token.kind == .end ? "the end of the expression" : "'\(token.text)'")", at: token.position)
        }
        index += 1
        return token.text
    }

    private mutating func typeSpecifier() throws(FHIRPathError) -> TypeSpecifier {
        let first = try identifierText()
        if isSymbol(".") {
            index += 1
            return TypeSpecifier(namespace: first, name: try identifierText())
        }
        return TypeSpecifier(namespace: nil, name: first)
    }

    private mutating func term() throws(FHIRPathError) -> ExpressionNode {
        let token = current
        switch token.kind {
        case .number:
            index += 1
            return try numberLiteral(token)
        case .longNumber:
            index += 1
            guard let value = Int(token.text) else { throw .syntax("integer '\(token.text)' is too large", at: token.position) }
            return .literal(.integer(value))
        case .string:
            index += 1
            return .literal(.string(token.text))
        case .dateTime:
            index += 1
            return try dateTimeLiteral(token)
        case .externalConstant:
            index += 1
            return .variable(token.text, position: token.position)
        case .special:
            index += 1
            switch token.text {
            case "this": return .this
            case "index": return .index
            default: return .total
            }
        case .identifier:
            if token.text == "true" || token.text == "false" {
                index += 1
                return .literal(.boolean(token.text == "true"))
            }
            return try invocation(on: nil)
        case .delimitedIdentifier:
            return try invocation(on: nil)
        case .symbol where token.text == "(":
            index += 1
            let inner = try expression(level: 0)
            try expect(")")
            return inner
        case .symbol where token.text == "{":
            index += 1
            try expect("}")
            return .empty
        case .end:
            throw .syntax("expected an expression, found the end of the expression", at: token.position)
        case .symbol:
            throw .syntax("expected an expression, found '\(token.text)'", at: token.position)
        }
    }

    private mutating func numberLiteral(_ token: Token) throws(FHIRPathError) -> ExpressionNode {
        let isDecimal = token.text.contains(".")
        if current.kind == .string {
            let unit = current.text
            index += 1
            return try quantity(token, unit: unit)
        }
        if current.kind == .identifier, let unit = CalendarUnit.singular(current.text) {
            index += 1
            return try quantity(token, unit: unit)
        }
        if !isDecimal, let value = Int(token.text) { return .literal(.integer(value)) }
        guard let value = PrimitiveConversion.decimal(token.text) else { throw .syntax("invalid number '\(token.text)'", at: token.position) }
        return .literal(.decimal(value))
    }

    private func quantity(_ token: Token, unit: String) throws(FHIRPathError) -> ExpressionNode {
        guard let value = PrimitiveConversion.decimal(token.text) else { throw .syntax("invalid number '\(token.text)'", at: token.position) }
        return .literal(.quantity(FHIRPathQuantity(value: value, unit: unit)))
    }

    private func dateTimeLiteral(_ token: Token) throws(FHIRPathError) -> ExpressionNode {
        guard let value = FHIRPathDateTime(parsing: token.text) else {
            throw .syntax("invalid date/time literal '@\(token.text)'", at: token.position)
        }
        if !value.hasDate { return .literal(.time(value)) }
        if token.text.contains("T") { return .literal(.dateTime(value)) }
        return .literal(.date(value))
    }
}
