public import FHIRModel
import Foundation

/// A FHIRPath expression, parsed and resolved once, then evaluated any number of times from any thread.
///
/// ```swift
/// let expression = try FHIRPathExpression("Patient.name.where(use = 'official').given", options: .standard)
/// let given = try expression.evaluate(patient)   // [FHIRPathValue]
/// given.map(\.jsonValue)                          // ["Peter", "James"]
/// ```
public struct FHIRPathExpression: Sendable {
    /// The expression text.
    public let text: String
    /// The options it was compiled with.
    public let options: FHIRPathOptions
    private let root: ExpressionNode
    private let navigator: ModelNavigator

    /// Parses and checks an expression; throws a syntax or semantic ``FHIRPathError`` naming the position.
    public init(_ text: String, options: FHIRPathOptions = .standard) throws(FHIRPathError) {
        self.text = text
        self.options = options
        self.root = try Parser.parse(text)
        self.navigator = ModelNavigator(model: options.typeModel)
        if options.strict { try StrictChecks.check(root) }
    }

    /// Evaluates the expression with a resource (or any JSON value) as `%context` and `%resource`.
    ///
    /// - Parameters:
    ///   - resource: the JSON to evaluate on; its `resourceType` gives its type.
    ///   - typeName: the FHIR type of `resource` when it is not a resource (such as `HumanName`), or
    ///     the path of a backbone element (such as `Bundle.entry`).
    ///   - rootResource: the outermost resource (a Bundle holding `resource`), for `%rootResource` and `resolve()`.
    ///   - environment: variables, clock, unit conversion and hooks.
    public func evaluate(
        _ resource: JSONValue,
        typeName: String? = nil,
        rootResource: JSONValue? = nil,
        environment: FHIRPathEnvironment = FHIRPathEnvironment()
    ) throws(FHIRPathError) -> [FHIRPathValue] {
        let context: [FHIRPathValue] = [.element(navigator.root(resource, typeName: typeName))]
        let root: [FHIRPathValue] = rootResource.map { [.element(navigator.root($0))] } ?? context
        return try evaluate(context: context, resource: context, rootResource: root, environment: environment)
    }

    /// Evaluates the expression on an element inside a resource: `%context` is the element,
    /// `%resource` the resource that holds it, and `%rootResource` the outermost resource (the
    /// Bundle or container), as invariants on elements need.
    public func evaluate(
        element: JSONValue,
        typeName: String?,
        resource: JSONValue,
        rootResource: JSONValue,
        environment: FHIRPathEnvironment = FHIRPathEnvironment()
    ) throws(FHIRPathError) -> [FHIRPathValue] {
        let context: [FHIRPathValue] = [.element(navigator.root(element, typeName: typeName))]
        let resourceValue: [FHIRPathValue] = [.element(navigator.root(resource))]
        let root: [FHIRPathValue] = [.element(navigator.root(rootResource))]
        return try evaluate(context: context, resource: resourceValue, rootResource: root, environment: environment)
    }

    /// Evaluates the expression on an arbitrary collection (such as the output of another expression).
    public func evaluate(
        context: [FHIRPathValue],
        resource: [FHIRPathValue]? = nil,
        rootResource: [FHIRPathValue]? = nil,
        environment: FHIRPathEnvironment = FHIRPathEnvironment()
    ) throws(FHIRPathError) -> [FHIRPathValue] {
        let evaluator = Evaluator(
            environment: environment,
            navigator: navigator,
            strict: options.strict,
            context: context,
            resource: resource ?? context,
            rootResource: rootResource ?? resource ?? context,
            now: environment.now ?? Date()
        )
        do {
            return try evaluator.evaluate(root, context, Evaluator.Iteration(this: context))
        } catch let error as FHIRPathError {
            throw error
        } catch {
            throw FHIRPathError.execution(String(describing: error))
        }
    }
}
