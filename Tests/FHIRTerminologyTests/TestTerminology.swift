import FHIRModel
import FHIRTerminology
import Foundation

/// The shipped terminology, and fresh services for tests that register resources.
enum TestTerminology {
    /// The process-wide service over the shipped folder.
    static func shipped() throws -> TerminologyService {
        try TerminologyService.loadDefault()
    }

    /// A service of its own over the shipped folder, for registering test resources.
    static func fresh() throws -> TerminologyService {
        TerminologyService(registry: TerminologyRegistry(directory: try TerminologyLocator().locate()))
    }

    /// Parses JSON text.
    static func json(_ text: String) throws -> JSONValue {
        try JSONParser().parse(text)
    }

    /// A small CodeSystem with a nested hierarchy and a `parent` property:
    /// animal > mammal > (dog, cat), animal > bird; fish has parent animal by property.
    static let animals = """
        {"resourceType":"CodeSystem","url":"http://example.org/animals","version":"1","name":"Animals","status":"active","content":"complete",
         "property":[{"code":"parent","type":"code"},{"code":"legs","type":"integer"}],
         "concept":[{"code":"animal","display":"Animal","concept":[
            {"code":"mammal","display":"Mammal","concept":[
               {"code":"dog","display":"Dog","designation":[{"language":"de","value":"Hund"}],"property":[{"code":"legs","valueInteger":4}]},
               {"code":"cat","display":"Cat","property":[{"code":"legs","valueInteger":4}]}]},
            {"code":"bird","display":"Bird","property":[{"code":"legs","valueInteger":2}]}]},
           {"code":"fish","display":"Fish","property":[{"code":"parent","valueCode":"animal"}]}]}
        """
}
