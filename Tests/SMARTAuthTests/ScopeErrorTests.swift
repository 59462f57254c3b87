import SMARTAuth
import Testing

@Suite struct ScopeErrorTests {
    @Test func unknownContext() {
        #expect(throws: ScopeError.unknownContext(scope: "group/Observation.rs", context: "group")) {
            try Scope.parse("group/Observation.rs")
        }
        #expect(throws: ScopeError.unknownContext(scope: "Patient/*.read", context: "Patient")) {
            try Scope.parse("Patient/*.read")
        }
        #expect(throws: ScopeError.unknownContext(scope: "practitioner/Observation.rs?category=x", context: "practitioner")) {
            try Scope.parse("practitioner/Observation.rs?category=x")
        }
        #expect(throws: ScopeError.unknownContext(scope: "Observation.rs", context: "")) {
            try ResourceScope(parsing: "Observation.rs")
        }
    }

    @Test func resourceTypeShape() {
        #expect(throws: ScopeError.invalidResourceType(scope: "patient/observation.rs", resourceType: "observation")) {
            try Scope.parse("patient/observation.rs")
        }
        #expect(throws: ScopeError.invalidResourceType(scope: "user/.rs", resourceType: "")) {
            try Scope.parse("user/.rs")
        }
        #expect(throws: ScopeError.invalidResourceType(scope: "user/Obs-ervation.rs", resourceType: "Obs-ervation")) {
            try Scope.parse("user/Obs-ervation.rs")
        }
        #expect(throws: ScopeError.invalidResourceType(scope: "user/**.rs", resourceType: "**")) {
            try Scope.parse("user/**.rs")
        }
    }

    @Test func missingPermissions() {
        #expect(throws: ScopeError.missingPermissions(scope: "patient/Observation")) { try Scope.parse("patient/Observation") }
        #expect(throws: ScopeError.missingPermissions(scope: "patient/Observation.")) { try Scope.parse("patient/Observation.") }
        #expect(throws: ScopeError.missingPermissions(scope: "user/*")) { try Scope.parse("user/*") }
        #expect(throws: ScopeError.missingPermissions(scope: "system/Observation.?category=x")) { try Scope.parse("system/Observation.?category=x") }
    }

    @Test func unknownPermissionLetters() {
        #expect(throws: ScopeError.unknownPermission(scope: "patient/Observation.rx", letter: "x")) { try Scope.parse("patient/Observation.rx") }
        #expect(throws: ScopeError.unknownPermission(scope: "patient/Observation.RS", letter: "R")) { try Scope.parse("patient/Observation.RS") }
        #expect(throws: ScopeError.unknownPermission(scope: "patient/Observation.r,s", letter: ",")) { try Scope.parse("patient/Observation.r,s") }
        #expect(throws: ScopeError.unknownPermission(scope: "user/*.all", letter: "a")) { try Scope.parse("user/*.all") }
        #expect(throws: ScopeError.unknownPermission(scope: "user/Observation.rs.x", letter: ".")) { try Scope.parse("user/Observation.rs.x") }
    }

    @Test func permissionsOutOfOrder() {
        #expect(throws: ScopeError.permissionsOutOfOrder(scope: "patient/Observation.sr", permissions: "sr")) { try Scope.parse("patient/Observation.sr") }
        #expect(throws: ScopeError.permissionsOutOfOrder(scope: "user/*.rcuds", permissions: "rcuds")) { try Scope.parse("user/*.rcuds") }
        #expect(throws: ScopeError.permissionsOutOfOrder(scope: "user/*.crusd", permissions: "crusd")) { try Scope.parse("user/*.crusd") }
    }

    @Test func repeatedPermissions() {
        #expect(throws: ScopeError.repeatedPermission(scope: "patient/Observation.rrs", letter: "r")) { try Scope.parse("patient/Observation.rrs") }
        #expect(throws: ScopeError.repeatedPermission(scope: "patient/Observation.rsr", letter: "r")) { try Scope.parse("patient/Observation.rsr") }
    }

    @Test func mixedVersion1AndVersion2() {
        for permissions in ["readrs", "rsread", "r*", "*s", "cruds*", "write,u", "read.s"] {
            let text = "patient/Observation.\(permissions)"
            #expect(throws: ScopeError.mixedSyntax(scope: text, permissions: permissions)) { try Scope.parse(text) }
        }
    }

    @Test func queryAfterVersion1Permission() {
        let text = "patient/Observation.read?category=laboratory"
        #expect(throws: ScopeError.queryOnVersion1Scope(scope: text)) { try Scope.parse(text) }
    }

    @Test func queryOnWildcardType() {
        let text = "patient/*.rs?category=laboratory"
        #expect(throws: ScopeError.queryOnWildcard(scope: text)) { try Scope.parse(text) }
    }

    @Test func queryWithWritePermissions() {
        let text = "patient/Observation.cruds?category=laboratory"
        #expect(throws: ScopeError.queryWithWritePermissions(scope: text, permissions: "cruds")) { try Scope.parse(text) }
        let update = "user/Observation.u?category=laboratory"
        #expect(throws: ScopeError.queryWithWritePermissions(scope: update, permissions: "u")) { try Scope.parse(update) }
    }

    @Test func chainedParameter() {
        let text = "patient/Observation.rs?subject.name=smith"
        #expect(throws: ScopeError.chainedParameter(scope: text, name: "subject.name")) { try Scope.parse(text) }
        let typed = "patient/Observation.rs?subject:Patient.name=smith"
        #expect(throws: ScopeError.chainedParameter(scope: typed, name: "subject:Patient.name")) { try Scope.parse(typed) }
        let encoded = "patient/Observation.rs?subject%2Ename=smith"
        #expect(throws: ScopeError.chainedParameter(scope: encoded, name: "subject.name")) { try Scope.parse(encoded) }
    }

    @Test func reverseChain() {
        let text = "patient/Patient.rs?_has:Observation:patient:code=1234-5"
        #expect(throws: ScopeError.reverseChain(scope: text, name: "_has:Observation:patient:code")) { try Scope.parse(text) }
    }

    @Test func modifiedParameter() {
        let text = "patient/Observation.rs?code:in=http://example.org/ValueSet/labs"
        #expect(throws: ScopeError.modifiedParameter(scope: text, name: "code:in")) { try Scope.parse(text) }
        let missing = "user/Observation.s?category:missing=false"
        #expect(throws: ScopeError.modifiedParameter(scope: missing, name: "category:missing")) { try Scope.parse(missing) }
    }

    @Test func includeParameters() {
        let include = "patient/Observation.rs?_include=Observation:subject"
        #expect(throws: ScopeError.includeParameter(scope: include, name: "_include")) { try Scope.parse(include) }
        let revinclude = "patient/Patient.rs?_revinclude=Observation:subject"
        #expect(throws: ScopeError.includeParameter(scope: revinclude, name: "_revinclude")) { try Scope.parse(revinclude) }
        let iterate = "patient/Patient.rs?_include:iterate=Patient:link"
        #expect(throws: ScopeError.includeParameter(scope: iterate, name: "_include:iterate")) { try Scope.parse(iterate) }
    }

    @Test func resultParameters() {
        for name in ["_count", "_sort", "_total", "_summary", "_elements", "_contained", "_containedType", "_format"] {
            let text = "patient/Observation.rs?\(name)=1"
            #expect(throws: ScopeError.resultParameter(scope: text, name: name)) { try Scope.parse(text) }
        }
    }

    @Test func otherUnderscoreParameters() {
        for name in ["_text", "_content", "_filter", "_query", "_list", "_type", "_anything"] {
            let text = "user/Observation.rs?\(name)=x"
            #expect(throws: ScopeError.unsupportedParameter(scope: text, name: name)) { try Scope.parse(text) }
        }
    }

    @Test func emptyNameOrValue() {
        let noName = "patient/Observation.rs?=laboratory"
        #expect(throws: ScopeError.emptyParameterName(scope: noName)) { try Scope.parse(noName) }
        let noValue = "patient/Observation.rs?category="
        #expect(throws: ScopeError.emptyParameterValue(scope: noValue, name: "category")) { try Scope.parse(noValue) }
    }

    @Test func malformedQueries() {
        let cases: [(String, String)] = [
            ("patient/Observation.rs?", "nothing follows '?'"),
            ("patient/Observation.rs?category", "'category' has no '='"),
            ("patient/Observation.rs?category=a&&status=final", "an empty pair between '&'s"),
            ("patient/Observation.rs?category=a&", "an empty pair between '&'s"),
            ("patient/Observation.rs?category=a=b", "'category=a=b' has more than one '='; write an '=' inside a value as %3D"),
            ("patient/Observation.rs?category=%zz", "'category=%zz' has a '%' that is not followed by two hex digits of UTF-8 text"),
            ("patient/Observation.rs?category=%C3", "'category=%C3' has a '%' that is not followed by two hex digits of UTF-8 text"),
            ("patient/Observation.rs?cate gory=a", "'cate gory' is not a search parameter name (letters, digits and '-')"),
            ("patient/Observation.rs?1category=a", "'1category' is not a search parameter name (letters, digits and '-')"),
        ]
        for (text, reason) in cases {
            #expect(throws: ScopeError.malformedQuery(scope: text, reason: reason)) { try Scope.parse(text) }
        }
    }

    @Test func descriptionsNameTheScopeAndTheFix() throws {
        let error = try #require(throws: ScopeError.self) { try Scope.parse("patient/Observation.sr") }
        #expect(error.scope == "patient/Observation.sr")
        #expect(error.description == "The scope 'patient/Observation.sr' lists its permissions as 'sr'; write them in the order c, r, u, d, s ('rs')")
        let context = try #require(throws: ScopeError.self) { try Scope.parse("group/*.rs") }
        #expect(context.description == "The scope 'group/*.rs' starts with 'group/'; a resource scope starts with patient/, user/ or system/ (lowercase)")
        let chain = try #require(throws: ScopeError.self) { try Scope.parse("patient/Observation.rs?subject.name=x") }
        #expect(chain.description == "The scope 'patient/Observation.rs?subject.name=x' restricts by the chained parameter 'subject.name'; a scope may restrict only by parameters of its own resource type, without chains")
        let underscore = try #require(throws: ScopeError.self) { try Scope.parse("patient/Observation.rs?_text=x") }
        #expect(underscore.description == "The scope 'patient/Observation.rs?_text=x' restricts by '_text'; of the parameters starting with '_', a scope may use only _id, _lastUpdated, _profile, _security, _source, _tag")
    }
}
