import SMARTAuth
import Testing

@Suite struct ScopeParsingTests {
    @Test func version1ReadIsReadAndSearch() throws {
        let scope = try ResourceScope(parsing: "patient/Observation.read")
        #expect(scope.context == .patient)
        #expect(scope.resourceType == .named("Observation"))
        #expect(scope.permissions == [.read, .search])
        #expect(scope.syntax == .v1)
        #expect(scope.query == nil)
        #expect(scope.text == "patient/Observation.read")
        #expect(scope.normalizedText == "patient/Observation.rs")
    }

    @Test func version1WriteIsCreateUpdateDelete() throws {
        let scope = try ResourceScope(parsing: "user/*.write")
        #expect(scope.context == .user)
        #expect(scope.resourceType == .wildcard)
        #expect(scope.permissions == [.create, .update, .delete])
        #expect(scope.normalizedText == "user/*.cud")
    }

    @Test func version1StarIsEverything() throws {
        let scope = try ResourceScope(parsing: "system/*.*")
        #expect(scope.context == .system)
        #expect(scope.resourceType == .wildcard)
        #expect(scope.permissions == [.create, .read, .update, .delete, .search])
        #expect(scope.normalizedText == "system/*.cruds")
    }

    @Test func version2LettersInOrder() throws {
        let cases: [(String, ScopePermissions)] = [
            ("patient/Observation.rs", [.read, .search]),
            ("user/*.cruds", [.create, .read, .update, .delete, .search]),
            ("user/Patient.c", [.create]),
            ("user/Patient.r", [.read]),
            ("user/Patient.u", [.update]),
            ("user/Patient.d", [.delete]),
            ("user/Patient.s", [.search]),
            ("system/Encounter.cud", [.create, .update, .delete]),
            ("system/Encounter.rud", [.read, .update, .delete]),
            ("system/Encounter.cs", [.create, .search]),
        ]
        for (text, permissions) in cases {
            let scope = try ResourceScope(parsing: text)
            #expect(scope.permissions == permissions, "\(text)")
            #expect(scope.syntax == .v2, "\(text)")
            #expect(scope.normalizedText == text, "\(text)")
        }
    }

    @Test func version1AndVersion2SpellingsMeanTheSame() throws {
        let pairs = [
            ("patient/Observation.read", "patient/Observation.rs"),
            ("patient/*.read", "patient/*.rs"),
            ("user/*.write", "user/*.cud"),
            ("user/*.*", "user/*.cruds"),
            ("system/Condition.*", "system/Condition.cruds"),
        ]
        for (v1, v2) in pairs {
            let old = try ResourceScope(parsing: v1)
            let new = try ResourceScope(parsing: v2)
            #expect(old.isEquivalent(to: new), "\(v1) ≡ \(v2)")
            #expect(old != new, "the spellings stay distinct: \(v1)")
            #expect(old.covers(new) && new.covers(old), "\(v1) ≡ \(v2)")
        }
        #expect(try !ResourceScope(parsing: "patient/Observation.read").isEquivalent(to: ResourceScope(parsing: "patient/Observation.r")))
        #expect(try !ResourceScope(parsing: "patient/Observation.read").isEquivalent(to: ResourceScope(parsing: "user/Observation.rs")))
    }

    @Test func granularScopeKeepsDecodedPairs() throws {
        let scope = try ResourceScope(parsing: "patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory")
        #expect(scope.permissions == [.read, .search])
        #expect(scope.query?.parameters == [
            ScopeParameter(name: "category", value: "http://terminology.hl7.org/CodeSystem/observation-category|laboratory"),
        ])
        #expect(scope.text == "patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory")
    }

    @Test func granularValuesMayBePercentEncoded() throws {
        let encoded = try ResourceScope(parsing: "patient/Observation.rs?category=http%3A%2F%2Fterminology.hl7.org%2FCodeSystem%2Fobservation-category%7Claboratory")
        let plain = try ResourceScope(parsing: "patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory")
        #expect(encoded.query == plain.query)
        #expect(encoded.isEquivalent(to: plain))
        let spaced = try ResourceScope(parsing: "user/Condition.rs?code=a%20b%2Bc+d")
        #expect(spaced.query?.parameters == [ScopeParameter(name: "code", value: "a b+c+d")])
    }

    @Test func granularPairsAreAnUnorderedConjunction() throws {
        let scope = try ResourceScope(parsing: "user/Observation.rs?status=final&category=laboratory")
        #expect(scope.query?.parameters == [
            ScopeParameter(name: "category", value: "laboratory"),
            ScopeParameter(name: "status", value: "final"),
        ])
        let reordered = try ResourceScope(parsing: "user/Observation.rs?category=laboratory&status=final")
        #expect(scope.isEquivalent(to: reordered))
        #expect(reordered.text == "user/Observation.rs?category=laboratory&status=final")
    }

    @Test func allowedUnderscoreParametersInAQuery() throws {
        let scope = try ResourceScope(parsing: "user/Observation.rs?_security=http://terminology.hl7.org/CodeSystem/v3-Confidentiality|N")
        #expect(scope.query?.parameters == [ScopeParameter(name: "_security", value: "http://terminology.hl7.org/CodeSystem/v3-Confidentiality|N")])
        for name in ["_id", "_lastUpdated", "_profile", "_source", "_tag"] {
            #expect(throws: Never.self) { try ResourceScope(parsing: "user/Observation.r?\(name)=x") }
        }
    }

    @Test func nonResourceScopes() throws {
        let expected: [(String, NonResourceScope)] = [
            ("openid", .openid), ("fhirUser", .fhirUser), ("profile", .profile), ("launch", .launch),
            ("launch/patient", .launchPatient), ("launch/encounter", .launchEncounter),
            ("offline_access", .offlineAccess), ("online_access", .onlineAccess),
        ]
        for (text, scope) in expected {
            #expect(try Scope.parse(text) == .nonResource(scope), "\(text)")
        }
    }

    @Test func unknownNonResourceScopesAreIgnoredNotErrors() throws {
        let result = try ScopeSet.parse("openid email launch/fhirContext patient/Observation.rs https://example.org/scope FHIRUSER email")
        #expect(result.ignored == ["email", "launch/fhirContext", "https://example.org/scope", "FHIRUSER"])
        #expect(result.scopes.scopeString == "openid patient/Observation.rs")
    }

    @Test func scopeStringKeepsOrderAndSpellingAndDropsRepeats() throws {
        let result = try ScopeSet.parse("  launch/patient   patient/*.read openid patient/*.read\tfhirUser ")
        #expect(result.scopes.scopeString == "launch/patient patient/*.read openid fhirUser")
        #expect(result.scopes.nonResourceScopes == [.launchPatient, .openid, .fhirUser])
        #expect(result.scopes.resourceScopes.map(\.normalizedText) == ["patient/*.rs"])
        #expect(result.scopes.contains(.launchPatient))
        #expect(!result.scopes.contains(.offlineAccess))
        #expect(result.ignored.isEmpty)
    }

    @Test func normalizedScopeStringUsesVersion2() throws {
        let scopes = try ScopeSet(parsing: "openid patient/*.read user/Observation.write system/*.* user/Condition.rs?code=a%7Cb")
        #expect(scopes.normalizedScopeString == "openid patient/*.rs user/Observation.cud system/*.cruds user/Condition.rs?code=a|b")
        #expect(scopes.scopeString == "openid patient/*.read user/Observation.write system/*.* user/Condition.rs?code=a%7Cb")
    }

    @Test func emptyScopeString() throws {
        let result = try ScopeSet.parse("")
        #expect(result.scopes.isEmpty)
        #expect(result.scopes.scopeString == "")
        #expect(result.ignored.isEmpty)
    }

    @Test func oneBadResourceScopeFailsTheWholeString() {
        #expect(throws: ScopeError.permissionsOutOfOrder(scope: "patient/Condition.sr", permissions: "sr")) {
            try ScopeSet.parse("openid patient/Observation.rs patient/Condition.sr")
        }
    }

    @Test func knownResourceTypesWhenGiven() throws {
        let known: Set<String> = ["Observation", "Patient"]
        #expect(throws: Never.self) { try ScopeSet.parse("patient/Observation.rs patient/*.rs", knownResourceTypes: known) }
        #expect(throws: ScopeError.unknownResourceType(scope: "patient/Observaton.rs", resourceType: "Observaton")) {
            try ScopeSet.parse("patient/Observaton.rs", knownResourceTypes: known)
        }
        #expect(throws: Never.self) { try ScopeSet.parse("patient/Observaton.rs") }
    }

    @Test func composedScopesAreSpelledInVersion2() throws {
        let query = try #require(ScopeQuery([ScopeParameter(name: "code", value: "http://loinc.org|1234-5 x&y")]))
        let scope = try #require(ResourceScope(context: .user, resourceType: .named("Observation"), permissions: [.search, .read], query: query))
        #expect(scope.text == "user/Observation.rs?code=http://loinc.org|1234-5%20x%26y")
        let reparsed = try ResourceScope(parsing: scope.text)
        #expect(reparsed.isEquivalent(to: scope))
        #expect(ResourceScope(context: .user, resourceType: .named("Observation"), permissions: []) == nil)
        #expect(ResourceScope(context: .user, resourceType: .wildcard, permissions: .read, query: query) == nil)
        #expect(ResourceScope(context: .user, resourceType: .named("Observation"), permissions: [.read, .update], query: query) == nil)
        #expect(ScopeQuery([]) == nil)
    }

    @Test func coveringScopes() throws {
        let wide = try ResourceScope(parsing: "patient/*.cruds")
        let observations = try ResourceScope(parsing: "patient/Observation.rs")
        let laboratory = try ResourceScope(parsing: "patient/Observation.rs?category=laboratory")
        let finalLaboratory = try ResourceScope(parsing: "patient/Observation.r?category=laboratory&status=final")
        #expect(wide.covers(observations))
        #expect(!observations.covers(wide))
        #expect(observations.covers(laboratory))
        #expect(!laboratory.covers(observations))
        #expect(laboratory.covers(finalLaboratory))
        #expect(!finalLaboratory.covers(laboratory))
        #expect(try !ResourceScope(parsing: "user/*.cruds").covers(observations))
    }
}
