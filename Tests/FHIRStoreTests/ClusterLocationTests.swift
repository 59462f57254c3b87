import Testing
@testable import FHIRStore

@Suite("ClusterLocation")
struct ClusterLocationTests {
    @Test("The stable hash is 64-bit FNV-1a, the same in every process")
    func stableHashIsFNV1a() {
        #expect(ClusterLocation.stableHash("") == "cbf29ce484222325")
        #expect(ClusterLocation.stableHash("a") == "af63dc4c8601ec8c")
        #expect(ClusterLocation.stableHash("foobar") == "85944171f73967e8")
    }

    @Test("The fallback folder is named after the data directory's absolute path")
    func fallbackFolder() {
        let folder = ClusterLocation.fallbackDirectory(for: "/root/project/.kiln")
        #expect(folder == "/var/lib/kiln/clusters/" + ClusterLocation.stableHash("/root/project/.kiln"))
        #expect(folder != ClusterLocation.fallbackDirectory(for: "/root/other/.kiln"))
    }
}
