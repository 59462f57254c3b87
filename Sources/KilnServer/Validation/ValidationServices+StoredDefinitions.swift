import FHIRTerminology
import FHIRDefinitions
import FHIRModel
public import FHIRStore
public import Logging

extension ValidationServices {
    /// Registers every StructureDefinition stored in the database (current versions), so that
    /// profiles POSTed before a restart, or through another node, are known. Definitions that
    /// cannot be registered are logged and skipped.
    public func registerStoredDefinitions(from store: ResourceStore, logger: Logger) async throws {
        var resources: [JSONValue] = []
        for try await stored in store.currentResources(ofType: "StructureDefinition") {
            do {
                if let json = try stored.json() { resources.append(json) }
            } catch {
                logger.warning("A stored StructureDefinition is not readable JSON", metadata: ["id": "\(stored.id)", "error": "\(error)"])
            }
        }
        if !resources.isEmpty {
            let problems = register(structureDefinitions: resources)
            for problem in problems {
                logger.warning("A stored StructureDefinition could not be registered", metadata: ["error": "\(problem.message)"])
            }
            logger.info("Registered stored StructureDefinitions", metadata: ["registered": "\(resources.count - problems.count)", "failed": "\(problems.count)"])
        }
        // Stored code systems before the value sets and concept maps that use them.
        for type in Self.terminologyResourceTypes {
            var registered = 0
            for try await stored in store.currentResources(ofType: type) {
                do {
                    guard let json = try stored.json() else { continue }
                    try terminology.register(json)
                    registered += 1
                } catch {
                    logger.warning("A stored \(type) could not be registered", metadata: ["id": "\(stored.id)", "error": "\(error)"])
                }
            }
            if registered > 0 { logger.info("Registered stored \(type) resources", metadata: ["registered": "\(registered)"]) }
        }
    }

    /// The resource types the terminology service takes, in the order they are registered.
    public static let terminologyResourceTypes = ["CodeSystem", "ValueSet", "ConceptMap"]
}
