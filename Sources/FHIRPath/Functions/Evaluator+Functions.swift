import Foundation

extension Evaluator {
    /// Evaluates a function on its input collection.
    func call(_ function: FunctionName, on input: [FHIRPathValue], arguments: [ExpressionNode], iteration: Iteration) throws -> [FHIRPathValue] {
        let call = FunctionCall(evaluator: self, input: input, arguments: arguments, iteration: iteration)
        switch function {
        case .empty, .exists, .all, .allTrue, .anyTrue, .allFalse, .anyFalse, .subsetOf, .supersetOf, .count, .distinct, .isDistinct, .not:
            return try call.existence(function)
        case .where, .select, .repeat, .repeatAll, .aggregate, .sort, .iif, .defineVariable, .trace:
            return try call.iterating(function)
        case .single, .first, .last, .tail, .skip, .take, .intersect, .exclude, .union, .combine:
            return try call.subsetting(function)
        case .toBoolean, .convertsToBoolean, .toInteger, .convertsToInteger, .toLong, .convertsToLong, .toDecimal, .convertsToDecimal,
             .toString, .convertsToString, .toDate, .convertsToDate, .toDateTime, .convertsToDateTime, .toTime, .convertsToTime,
             .toQuantity, .convertsToQuantity:
            return try call.conversion(function)
        case .indexOf, .lastIndexOf, .substring, .startsWith, .endsWith, .contains, .upper, .lower, .replace, .matches, .matchesFull,
             .replaceMatches, .length, .toChars, .trim, .split, .join, .encode, .decode, .escape, .unescape:
            return try call.string(function)
        case .abs, .ceiling, .exp, .floor, .ln, .log, .power, .round, .sqrt, .truncate, .sum, .min, .max, .avg:
            return try call.math(function)
        case .lowBoundary, .highBoundary, .precision, .comparable, .yearOf, .monthOf, .dayOf, .hourOf, .minuteOf, .secondOf,
             .millisecondOf, .timezoneOffsetOf, .dateOf, .timeOf, .now, .today, .timeOfDay:
            return try call.temporal(function)
        case .children, .descendants, .type, .extension, .hasValue, .getValue, .resolve, .memberOf, .conformsTo, .htmlChecks, .htmlChecks2,
             .hasTemplateIdOf, .elementDefinition, .slice, .checkModifiers:
            return try call.model(function)
        }
    }
}

/// One function invocation: its input, unevaluated arguments and iteration, with helpers the function families share.
struct FunctionCall {
    let evaluator: Evaluator
    let input: [FHIRPathValue]
    let arguments: [ExpressionNode]
    let iteration: Evaluator.Iteration

    /// Argument `index` evaluated against `$this` of the enclosing iteration.
    func argument(_ index: Int) throws -> [FHIRPathValue] {
        try evaluator.evaluate(arguments[index], iteration.this, iteration)
    }

    /// Argument `index` evaluated for one input item, with `$this` and `$index` set to it.
    func argument(_ index: Int, for item: FHIRPathValue, at position: Int, total: [FHIRPathValue]? = nil) throws -> [FHIRPathValue] {
        let inner = Evaluator.Iteration(this: [item], index: position, total: total ?? iteration.total)
        return try evaluator.evaluate(arguments[index], [item], inner)
    }

    /// The input's single item, or nil when the input is empty; more than one is an error.
    func singleInput() throws -> FHIRPathValue? {
        guard let first = input.first else { return nil }
        guard input.count == 1 else { throw FHIRPathError.execution("expected a single input item, found \(input.count)") }
        return first.systemValue
    }

    /// An argument that must be a single string (nil when empty).
    func stringArgument(_ index: Int) throws -> String? {
        let value = try argument(index)
        guard let first = value.first else { return nil }
        guard value.count == 1, case .string(let text) = first.systemValue else {
            throw FHIRPathError.execution("argument \(index + 1) must be a single string")
        }
        return text
    }

    /// An argument that must be a single integer (nil when empty).
    func integerArgument(_ index: Int) throws -> Int? {
        let value = try argument(index)
        guard let first = value.first else { return nil }
        guard value.count == 1, case .integer(let number) = first.systemValue else {
            throw FHIRPathError.execution("argument \(index + 1) must be a single integer")
        }
        return number
    }

    var comparer: Comparer { evaluator.comparer }
}
