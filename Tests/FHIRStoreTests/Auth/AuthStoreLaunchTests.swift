import FHIRStore
import Foundation
import Testing

/// EHR launch contexts.
@Suite("AuthStore launch contexts")
struct AuthStoreLaunchTests {
    @Test("A minted launch value resolves to its patient until it expires")
    func mintAndResolve() async throws {
        try await withMigratedAuthStore { auth async throws in
            let launch = try await auth.mintLaunch(patient: "p1", ttl: 60)
            #expect(launch.count == 43)
            let other = try await auth.mintLaunch(patient: "p2", ttl: 60)
            #expect(other != launch)
            #expect(try await auth.resolveLaunch(launch)?.patient == "p1")
            #expect(try await auth.resolveLaunch(other)?.patient == "p2")
            #expect(try await auth.resolveLaunch(launch, now: Date().addingTimeInterval(61)) == nil)
            #expect(try await auth.resolveLaunch("made-up") == nil)
        }
    }
}
