import SMARTAuth
import Testing

@Suite struct ScopeNarrowingTests {
    private func narrowed(_ requested: String, _ allowed: String) throws -> String {
        try ScopeSet(parsing: requested).narrowed(to: ScopeSet(parsing: allowed)).scopeString
    }

    @Test func wildcardRequestMeetsARegisteredType() throws {
        #expect(try narrowed("patient/*.rs", "patient/Observation.rs") == "patient/Observation.rs")
    }

    @Test func permissionsAreIntersected() throws {
        #expect(try narrowed("patient/Observation.cruds", "patient/Observation.rs") == "patient/Observation.rs")
        #expect(try narrowed("patient/Observation.cr", "patient/*.rs") == "patient/Observation.r")
        #expect(try narrowed("user/*.cruds", "user/*.write") == "user/*.write")
        #expect(try narrowed("user/Encounter.rs", "user/Encounter.cud") == "")
    }

    @Test func requestedSpellingIsKeptWhenNothingIsTakenAway() throws {
        #expect(try narrowed("patient/Observation.read", "patient/*.cruds") == "patient/Observation.read")
        #expect(try narrowed("patient/Observation.rs", "patient/*.read") == "patient/Observation.rs")
        #expect(try narrowed("user/*.*", "user/*.cruds") == "user/*.*")
    }

    @Test func contextsDoNotMix() throws {
        #expect(try narrowed("user/Observation.rs", "patient/Observation.rs") == "")
        #expect(try narrowed("system/*.rs", "user/*.cruds") == "")
        #expect(try narrowed("patient/*.rs user/*.rs", "patient/*.read") == "patient/*.rs")
    }

    @Test func differentTypesGiveNothing() throws {
        #expect(try narrowed("patient/Condition.rs", "patient/Observation.rs") == "")
    }

    @Test func oneRequestMeetsSeveralAllowedScopes() throws {
        #expect(try narrowed("patient/*.rs", "patient/Observation.rs patient/Condition.r patient/Patient.s") == "patient/Observation.rs patient/Condition.r patient/Patient.s")
    }

    @Test func resultsCoveredByOthersAreLeftOut() throws {
        #expect(try narrowed("patient/*.rs patient/Observation.r", "patient/*.rs") == "patient/*.rs")
        #expect(try narrowed("patient/*.rs", "patient/Observation.rs patient/Observation.r") == "patient/Observation.rs")
        #expect(try narrowed("patient/*.read patient/*.rs", "patient/*.cruds") == "patient/*.read")
    }

    @Test func granularRequestWithinAnUnrestrictedAllowance() throws {
        #expect(try narrowed("patient/Observation.rs?category=laboratory", "patient/Observation.rs") == "patient/Observation.rs?category=laboratory")
        #expect(try narrowed("patient/Observation.rs?category=laboratory", "patient/*.r") == "patient/Observation.r?category=laboratory")
    }

    @Test func unrestrictedRequestNarrowedToAGranularAllowance() throws {
        #expect(try narrowed("patient/Observation.rs", "patient/Observation.rs?category=laboratory") == "patient/Observation.rs?category=laboratory")
        #expect(try narrowed("patient/*.cruds", "patient/Observation.rs?category=vital-signs") == "patient/Observation.rs?category=vital-signs")
    }

    @Test func twoGranularScopesMeetInBothQueries() throws {
        #expect(try narrowed("user/Observation.rs?category=laboratory", "user/Observation.rs?status=final") == "user/Observation.rs?category=laboratory&status=final")
        #expect(try narrowed("user/Observation.rs?category=laboratory&status=final", "user/Observation.rs?category=laboratory") == "user/Observation.rs?category=laboratory&status=final")
    }

    @Test func granularUnionSurvivesAsSeparateScopes() throws {
        let requested = "patient/Observation.rs?category=laboratory patient/Observation.rs?category=vital-signs"
        #expect(try narrowed(requested, "patient/Observation.rs") == requested)
        #expect(try narrowed(requested, "patient/Observation.rs?category=laboratory") == "patient/Observation.rs?category=laboratory")
    }

    @Test func nonResourceScopesNeedBothSides() throws {
        #expect(try narrowed("openid fhirUser launch/patient offline_access patient/*.rs", "openid launch/patient patient/*.rs online_access") == "openid launch/patient patient/*.rs")
    }

    @Test func narrowingTwiceNeverWidens() throws {
        let client = try ScopeSet(parsing: "openid fhirUser user/*.cruds")
        let approval = try ScopeSet(parsing: "openid user/Observation.rs user/Patient.r")
        let granted = try ScopeSet(parsing: "openid fhirUser user/*.rs user/Observation.cruds").narrowed(to: client).narrowed(to: approval)
        #expect(granted.scopeString == "openid user/Observation.rs user/Patient.r")
    }

    @Test func nothingAllowedGrantsNothing() throws {
        #expect(try narrowed("openid patient/*.cruds", "") == "")
    }
}
