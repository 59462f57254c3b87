import Foundation
import SMARTAuth
import Testing

/// The `project` claim: a researcher's research project travels in the access token to the caller.
@Suite("Research project claim")
struct ResearchProjectClaimTests {
    let issuer = TokenFixture.tokenIssuer
    let now = TokenFixture.now

    @Test("The project claim round-trips through signing and verification into the caller")
    func claimRoundTrips() async throws {
        let issued = try await issuer.issueAccessToken(
            subject: "ana", clientID: "app-1", scopes: try ScopeSet(parsing: "user/*.rs"), role: .researcher, project: "cardio-2025", now: now
        )
        #expect(issued.claims.project == "cardio-2025")
        #expect(try TokenFixture.part(1, of: issued.token)["project"] as? String == "cardio-2025")
        let verified = try await TokenFixture.verifier.verify(issued.token, now: now)
        #expect(verified.project == "cardio-2025")
        let caller = try verified.caller()
        #expect(caller.project == "cardio-2025")
        #expect(caller.researchProject == "cardio-2025")
    }

    @Test("The claims decode and encode project like the token carries it")
    func claimsCodable() throws {
        let claims = AccessTokenClaims(
            issuer: "i", subject: "s", audience: "a", expiresAt: now, issuedAt: now, tokenID: "t", clientID: "c", scope: "user/*.rs",
            role: .researcher, project: "p-1"
        )
        let data = try JSONEncoder().encode(claims)
        #expect(try JSONSerialization.jsonObject(with: data) as? [String: Any] != nil)
        #expect(String(decoding: data, as: UTF8.self).contains(#""project":"p-1""#))
        #expect(try JSONDecoder().decode(AccessTokenClaims.self, from: data) == claims)
    }

    @Test("A token without a project claim leaves it out")
    func absentClaimLeftOut() async throws {
        let issued = try await issuer.issueAccessToken(subject: "dr", clientID: "app-1", scopes: .empty, role: .clinician, now: now)
        #expect(try TokenFixture.part(1, of: issued.token)["project"] == nil)
    }

    @Test("A researcher whose token names no project belongs to default")
    func researcherDefaultsToDefault() throws {
        let caller = SMARTCaller(subject: "ana", scopes: .empty, role: .researcher)
        #expect(caller.researchProject == SMARTCaller.defaultResearchProject)
        #expect(SMARTCaller.defaultResearchProject == "default")
    }

    @Test("Only researchers have a research project, whatever the token says", arguments: [Role.clinician, .dataSteward, .administrator, .patient])
    func othersHaveNone(role: Role) {
        #expect(SMARTCaller(subject: "x", scopes: .empty, role: role, project: "cardio-2025").researchProject == nil)
        #expect(SMARTCaller(subject: "x", scopes: .empty, project: "cardio-2025").researchProject == nil)
    }
}
