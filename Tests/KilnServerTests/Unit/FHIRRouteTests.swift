import KilnServer
import Testing

@Suite("FHIR URL routing")
struct FHIRRouteTests {
    func route(_ path: String) -> FHIRRoute? {
        FHIRRoute(segments: path.isEmpty ? [] : path.split(separator: "/", omittingEmptySubsequences: false))
    }

    @Test("Every interaction URL of the RESTful API maps to its route")
    func interactionURLs() {
        #expect(route("") == .system)
        #expect(route("metadata") == .metadata)
        #expect(route("_history") == .systemHistory)
        #expect(route("Patient") == .type("Patient"))
        #expect(route("Patient/_search") == .typeSearch("Patient"))
        #expect(route("Patient/_history") == .typeHistory("Patient"))
        #expect(route("Patient/123") == .instance("Patient", "123"))
        #expect(route("Patient/123/_history") == .instanceHistory("Patient", "123"))
        #expect(route("Patient/123/_history/4") == .version("Patient", "123", "4"))
        #expect(route("$export") == .operation(name: "export", type: nil, id: nil))
        #expect(route("Patient/$validate") == .operation(name: "validate", type: "Patient", id: nil))
        #expect(route("Patient/1/$everything") == .operation(name: "everything", type: "Patient", id: "1"))
    }

    @Test("Paths that are no FHIR interaction do not route")
    func nonRoutes() {
        #expect(route("Patient/1/2") == nil)
        #expect(route("Patient/1/_history/2/3") == nil)
        #expect(route("Patient/1/x/2") == nil)
    }
}

@Suite("FHIR paths")
struct FHIRRoutePathTests {
    @Test("Paths are split on '/', percent-decoded, and refused with an empty segment")
    func paths() {
        #expect(FHIRRoute(path: "") == .system)
        #expect(FHIRRoute(path: "Patient/a%2Eb/_history") == .instanceHistory("Patient", "a.b"))
        #expect(FHIRRoute(path: "Patient//1") == nil)
    }
}
