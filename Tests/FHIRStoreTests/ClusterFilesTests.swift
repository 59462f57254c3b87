import Testing
@testable import FHIRStore

@Suite("ClusterFiles")
struct ClusterFilesTests {
    @Test("Absolute paths resolve . and ..")
    func absolutePaths() {
        #expect(ClusterFiles.absolutePath("/a/./b/../c/") == "/a/c")
        #expect(ClusterFiles.absolutePath("/") == "/")
        #expect(ClusterFiles.absolutePath("rel").hasSuffix("/rel"))
        #expect(ClusterFiles.absolutePath("rel").hasPrefix("/"))
    }
}
