import FHIRStore
import Testing

@Suite("Database URLs")
struct DatabaseConfigurationTests {
    @Test("postgres:// URLs give host, port, user, password, database and TLS mode")
    func parse() throws {
        let configuration = try DatabaseConfiguration(url: "postgres://kiln:s3cret@db.example:6543/fhir?sslmode=require")
        #expect(configuration.host == "db.example")
        #expect(configuration.port == 6543)
        #expect(configuration.username == "kiln")
        #expect(configuration.password == "s3cret")
        #expect(configuration.database == "fhir")
        #expect(configuration.requireTLS)
        #expect(!configuration.description.contains("s3cret"), "the password is masked in logs")
        let defaults = try DatabaseConfiguration(url: "postgresql://localhost")
        #expect(defaults.port == 5432)
        #expect(!defaults.requireTLS)
        #expect(throws: (any Error).self) { try DatabaseConfiguration(url: "mysql://x/y") }
        #expect(throws: (any Error).self) { try DatabaseConfiguration(url: "postgres:///nohost") }
    }
}
