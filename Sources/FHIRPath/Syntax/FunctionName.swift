/// The functions Kiln's FHIRPath knows, each with the number of arguments it takes.
enum FunctionName: String, Sendable, CaseIterable {
    // Existence
    case empty, exists, all, allTrue, anyTrue, allFalse, anyFalse, subsetOf, supersetOf, count, distinct, isDistinct
    // Filtering and projection
    case `where`, select, `repeat`, repeatAll
    // Subsetting
    case single, first, last, tail, skip, take, intersect, exclude
    // Combining
    case union, combine
    // Conversion
    case iif, toBoolean, convertsToBoolean, toInteger, convertsToInteger, toLong, convertsToLong, toDecimal, convertsToDecimal
    case toString, convertsToString, toDate, convertsToDate, toDateTime, convertsToDateTime, toTime, convertsToTime
    case toQuantity, convertsToQuantity
    // Strings
    case indexOf, lastIndexOf, substring, startsWith, endsWith, contains, upper, lower, replace, matches, matchesFull
    case replaceMatches, length, toChars, trim, split, join, encode, decode, escape, unescape
    // Math
    case abs, ceiling, exp, floor, ln, log, power, round, sqrt, truncate
    // Tree navigation
    case children, descendants
    // Utility
    case trace, now, today, timeOfDay, defineVariable
    // Aggregates and ordering
    case aggregate, sort, sum, min, max, avg
    // Reflection
    case type
    // Boolean logic
    case not
    // Date and time components and boundaries
    case lowBoundary, highBoundary, precision, comparable
    case yearOf, monthOf, dayOf, hourOf, minuteOf, secondOf, millisecondOf, timezoneOffsetOf, dateOf, timeOf
    // FHIR additions
    case `extension`, hasValue, getValue, resolve, memberOf, conformsTo, htmlChecks, htmlChecks2
    case hasTemplateIdOf, elementDefinition, slice, checkModifiers

    /// The least and greatest number of arguments.
    var arity: ClosedRange<Int> {
        switch self {
        case .exists, .join, .round, .toQuantity, .convertsToQuantity, .lowBoundary, .highBoundary: 0...1
        case .all, .subsetOf, .supersetOf, .where, .select, .repeat, .repeatAll, .skip, .take, .intersect, .exclude,
             .union, .combine, .indexOf, .lastIndexOf, .startsWith, .endsWith, .contains, .matchesFull, .split, .encode, .decode,
             .escape, .unescape, .log, .power, .extension, .memberOf, .conformsTo, .comparable, .hasTemplateIdOf:
            1...1
        case .matches, .substring, .trace, .aggregate, .defineVariable: 1...2
        case .iif: 2...3
        case .replace, .replaceMatches, .slice: 2...2
        case .sort: 0...16
        default: 0...0
        }
    }

    /// Functions whose arguments are evaluated once per input item, with `$this` set to the item.
    var iteratesArguments: Bool {
        switch self {
        case .where, .select, .repeat, .repeatAll, .all, .exists, .aggregate, .sort: true
        default: false
        }
    }
}
