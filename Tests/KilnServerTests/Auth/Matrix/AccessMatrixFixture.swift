import FHIRModel
import FHIRStore
import Foundation
import KilnTesting
import Logging
import PostgresNIO
import SMARTAuth
import Testing

/// Which data a matrix server holds.
enum MatrixData: Sendable {
    /// Two patients' records, read by the read and search cells.
    case records
    /// The records and the targets of the write cells.
    case recordsAndWriteTargets
}

/// One server with authorization on for all the cells of a suite: the suite's trait starts it
/// and seeds it once, and every cell (a test case of a parameterised test) uses it.
struct AccessMatrixServer: SuiteTrait, TestScoping {
    let data: MatrixData

    var isRecursive: Bool { false }

    func scopeProvider(for test: Test, testCase: Test.Case?) -> AccessMatrixServer? {
        test.isSuite ? self : nil
    }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        try await AuthTestServer.run { auth in
            let fixture = try await AccessMatrixFixture.start(auth, data: data)
            try await AccessMatrixFixture.$current.withValue(fixture) {
                try await function()
            }
        }
    }
}

extension Trait where Self == AccessMatrixServer {
    /// A seeded matrix server shared by the suite's cells.
    static func accessMatrixServer(_ data: MatrixData) -> Self {
        AccessMatrixServer(data: data)
    }
}

/// The running server of a suite, its data, and the checks every cell goes through.
struct AccessMatrixFixture: Sendable {
    @TaskLocal static var current: AccessMatrixFixture?

    /// Every id of the hidden patient's data contains this word.
    static let canary = "canary"
    /// The hidden patient's content contains this word; no confined caller may ever see it.
    static let marker = "zebrafinch"

    let auth: AuthTestServer
    let issuer: TokenIssuer

    /// Starts the fixture on a running server: users, then data stored with a backend token.
    static func start(_ auth: AuthTestServer, data: MatrixData) async throws -> AccessMatrixFixture {
        let stored = try #require(try await auth.store.currentSigningKey())
        let key = try ServerSigningKey(pemRepresentation: stored.privateKeyPEM)
        let base = auth.server.baseURL
        let fixture = AccessMatrixFixture(auth: auth, issuer: TokenIssuer(issuer: base, audience: base, key: key))
        try await auth.store.addUser(UserRecord(username: "matrix-clinician", passwordHash: "h", role: "clinician", fhirUser: "Practitioner/gp", patients: ["p1"]))
        try await auth.store.addUser(UserRecord(username: "matrix-patient", passwordHash: "h", role: "patient", fhirUser: "Patient/p1"))
        let seed = try await auth.backendToken(clientID: "matrix-seed", scope: "system/*.cruds").token
        for resource in AccessMatrixData.records {
            try await fixture.store(resource, token: seed)
        }
        // Second versions, for vread and history.
        for resource in AccessMatrixData.secondVersions {
            try await fixture.store(resource, token: seed, status: 200)
        }
        if case .recordsAndWriteTargets = data {
            for resource in AccessMatrixData.writeTargets {
                try await fixture.store(resource, token: seed)
            }
            for resource in AccessMatrixData.writeTargetSecondVersions {
                try await fixture.store(resource, token: seed, status: 200)
            }
            for reference in AccessMatrixData.deletedWriteTargets {
                let response = try await auth.client.delete(reference, headers: ["Authorization": "Bearer \(seed)"])
                try #require(response.status == 204, "deleting \(reference): \(response.status) \(response.text)")
            }
        }
        return fixture
    }

    /// `PUT [type]/[id]` of seed data.
    private func store(_ text: String, token: String, status: Int = 201) async throws {
        let resource = resourceJSON(text)
        let reference = "\(resource["resourceType"]?.stringValue ?? "")/\(resource["id"]?.stringValue ?? "")"
        let response = try await auth.client.put(reference, json: resource, headers: ["Authorization": "Bearer \(token)"])
        try #require(response.status == status, "seeding \(reference): \(response.status) \(response.text)")
    }

    /// A token for the cell's caller, minted with the server's own key.
    func token(role: MatrixRole, scopes: String, launchPatient: String?) async throws -> String {
        let scopeSet = try ScopeSet(parsing: scopes)
        let (subject, smartRole, fhirUser): (String, Role?, String?) = switch role {
        case .patient: ("matrix-patient", .patient, "Patient/p1")
        case .clinician: ("matrix-clinician", .clinician, "Practitioner/gp")
        case .dataSteward: ("matrix-steward", .dataSteward, nil)
        case .administrator: ("matrix-administrator", .administrator, nil)
        case .researcher: ("matrix-researcher", .researcher, nil)
        case .noRole: ("matrix-system-client", nil, nil)
        }
        return try await issuer.issueAccessToken(subject: subject, clientID: "matrix-app", scopes: scopeSet, patient: launchPatient, fhirUser: fhirUser, role: smartRole).token
    }

    /// Sends a request with a bearer token.
    func send(_ request: MatrixRequest, token: String, headers extra: [String: String] = [:]) async throws -> KilnResponse {
        let headers = extra.merging(["Authorization": "Bearer \(token)"]) { $1 }
        let client = auth.client
        switch request {
        case .get(let path):
            // A system-level search is addressed to the base itself.
            let url = path.hasPrefix("?") ? auth.server.baseURL + path : path
            return try await client.get(SearchURL.encode(url), headers: headers)
        case .post(let path, let body): return try await client.post(path, json: resourceJSON(body), headers: headers)
        case .put(let path, let body): return try await client.put(SearchURL.encode(path), json: resourceJSON(body), headers: headers)
        case .patch(let path, let body): return try await client.patch(path, jsonPatch: resourceJSON(body), headers: headers)
        case .delete(let path): return try await client.delete(SearchURL.encode(path), headers: headers)
        case .batch(let entries): return try await client.post("", json: Self.bundle("batch", entries), headers: headers)
        case .transaction(let entries): return try await client.post("", json: Self.bundle("transaction", entries), headers: headers)
        case .headers(let more, let request): return try await send(request, token: token, headers: extra.merging(more) { $1 })
        }
    }

    /// A batch or transaction Bundle of `entries`.
    static func bundle(_ type: String, _ entries: [MatrixRequest]) -> JSONValue {
        var rendered: [JSONValue] = []
        for var entry in entries {
            var object = JSONObject()
            var conditions = JSONObject()
            if case .headers(let headers, let request) = entry {
                if let ifNoneExist = headers["If-None-Exist"] { conditions["ifNoneExist"] = .string(ifNoneExist) }
                if let ifMatch = headers["If-Match"] { conditions["ifMatch"] = .string(ifMatch) }
                entry = request
            }
            let method: String
            let url: String
            switch entry {
            case .get(let path): (method, url) = ("GET", path)
            case .delete(let path): (method, url) = ("DELETE", path)
            case .post(let path, let body):
                (method, url) = ("POST", path)
                object["fullUrl"] = .string("urn:uuid:\(UUID().uuidString.lowercased())")
                object["resource"] = resourceJSON(body)
            case .put(let path, let body):
                (method, url) = ("PUT", path)
                object["resource"] = resourceJSON(body)
            case .patch(let path, let body):
                // A JSON Patch travels as a Binary in a Bundle.
                (method, url) = ("PATCH", path)
                object["resource"] = ["resourceType": "Binary", "contentType": "application/json-patch+json", "data": .string(Data(body.utf8).base64EncodedString())]
            case .batch, .transaction, .headers:
                (method, url) = ("POST", "")
            }
            var request = JSONObject()
            request["method"] = .string(method)
            request["url"] = .string(url)
            for (key, value) in conditions { request[key] = value }
            object["request"] = .object(request)
            rendered.append(.object(object))
        }
        return ["resourceType": "Bundle", "type": .string(type), "entry": .array(rendered)]
    }

    // MARK: Checking a cell

    /// Runs the cell and checks the answer, the leaks and what must hold afterwards.
    static func check(_ cell: Cell) async throws {
        let fixture = try #require(current, "no matrix server: the suite needs the .accessMatrixServer trait")
        try await fixture.check(cell)
    }

    func check(_ cell: Cell) async throws {
        let token = try await token(role: cell.role, scopes: cell.scopes, launchPatient: cell.launchPatient)
        let requestID = "matrix-\(UUID().uuidString.lowercased())"
        let response = try await send(cell.request, token: token, headers: ["X-Request-ID": requestID])
        let shown = "\(response.status) \(Self.excerpt(response.text))"
        try await checkAudit(of: cell, requestID: requestID, response: response, shown: shown)
        switch cell.expect {
        case .ok(let ids):
            #expect(response.status == 200, "status: \(shown)")
            let bundle = response.json
            #expect(bundle?["resourceType"] == "Bundle", "not a Bundle: \(shown)")
            #expect(Self.entryIDs(bundle).sorted() == ids.sorted(), "resources: \(shown)")
        case .total(let total):
            #expect(response.status == 200, "status: \(shown)")
            #expect(response.json?["total"]?.numberValue?.intValue == total, "total: \(shown)")
        case .resource(let id, let version):
            #expect(response.status == 200, "status: \(shown)")
            #expect(Self.reference(response.json) == id, "resource: \(shown)")
            if let version {
                #expect(response.json?["meta"]?["versionId"]?.stringValue == version, "version: \(shown)")
            }
        case .created(let what):
            #expect(response.status == 201, "status: \(shown)")
            let reference = Self.reference(response.json) ?? ""
            if what.contains("/") {
                #expect(reference == what, "resource: \(shown)")
            } else {
                #expect(reference.hasPrefix(what + "/"), "resource: \(shown)")
            }
        case .status(let status):
            #expect(response.status == status, "status: \(shown)")
        case .entries(let statuses, let ids):
            #expect(response.status == 200, "status: \(shown)")
            let entries = response.json?["entry"]?.arrayValue ?? []
            let actual = entries.map { entry in Int(entry["response"]?["status"]?.stringValue?.prefix(3) ?? "") ?? 0 }
            #expect(actual == statuses, "entry statuses: \(shown)")
            let resources = entries.flatMap { entry -> [String] in
                guard let resource = entry["resource"] else { return [] }
                if resource["resourceType"] == "Bundle" { return Self.entryIDs(resource) }
                if resource["resourceType"] == "OperationOutcome" { return [] }
                return Self.reference(resource).map { [$0] } ?? []
            }
            if let ids {
                #expect(resources.sorted() == ids.sorted(), "entry resources: \(shown)")
            }
        }
        if !cell.expect.showsCanary {
            for leak in Self.leaks(response, mayNameCanary: cell.request.writesCanary) {
                Issue.record("LEAK: \(leak): \(shown)")
            }
        }
        if !cell.then.isEmpty {
            let unrestricted = try await self.token(role: .noRole, scopes: "system/*.cruds", launchPatient: nil)
            for afterwards in cell.then {
                try await check(afterwards, token: unrestricted)
            }
        }
    }

    /// Every cell's request, allowed or refused, leaves its audit record: one for the request
    /// (a batch: one more per entry that wrote, a denial or override of Consent: one more for
    /// the decision), with the outcome of its status, naming a Patient it returned and no
    /// patient when it refused a read.
    private func checkAudit(of cell: Cell, requestID: String, response: KilnResponse, shown: String) async throws {
        let rows = try await auth.store.client.query(
            "SELECT outcome, patients, subtypes FROM audit_record WHERE position(convert_to(\(requestID), 'UTF8') in canonical) > 0 ORDER BY seq",
            logger: Logger(label: "matrix"))
        var records: [(outcome: String, patients: [String], subtypes: [String])] = []
        for try await row in rows.decode((String, [String], [String]).self) { records.append(row) }
        guard let last = records.last else {
            Issue.record("no audit record of \(cell.request): \(shown)")
            return
        }
        if case .batch = cell.request {} else {
            #expect(records.count <= 2, "\(records.count) audit records of \(cell.request): \(records)")
        }
        let outcome = response.status < 400 ? "0" : response.status < 500 ? "4" : "8"
        #expect(records.contains { $0.outcome == outcome }, "audit outcome of \(response.status): \(records)")
        // A refused read names no patient (a refused write may have read the current version first).
        if case .get = cell.request, response.status == 401 || response.status == 403 {
            #expect(last.patients.isEmpty, "a refused read names no patient: \(records)")
        }
        if case .resource(let id, _) = cell.expect, id.hasPrefix("Patient/") {
            #expect(records.contains { $0.patients.contains(id) }, "the record names \(id): \(records)")
        }
    }

    private func check(_ afterwards: MatrixAfterwards, token: String) async throws {
        switch afterwards {
        case .unchanged(let id):
            let response = try await send(.get(id), token: token)
            #expect(response.status == 200 && response.json?["meta"]?["versionId"]?.stringValue == "1", "afterwards \(afterwards): \(response.status) \(Self.excerpt(response.text))")
        case .version(let id, let version):
            let response = try await send(.get(id), token: token)
            #expect(response.status == 200 && response.json?["meta"]?["versionId"]?.stringValue == version, "afterwards \(afterwards): \(response.status) \(Self.excerpt(response.text))")
        case .gone(let id):
            let response = try await send(.get(id), token: token)
            #expect(response.status == 404 || response.status == 410, "afterwards \(afterwards): \(response.status) \(Self.excerpt(response.text))")
        case .noMatch(let search):
            let response = try await send(.get(search), token: token)
            #expect(response.status == 200 && Self.entryIDs(response.json).isEmpty, "afterwards \(afterwards): \(response.status) \(Self.excerpt(response.text))")
        case .matchCount(let search, let count):
            let response = try await send(.get(search), token: token)
            #expect(response.status == 200 && Self.entryIDs(response.json).count == count, "afterwards \(afterwards): \(response.status) \(Self.excerpt(response.text))")
        }
    }

    // MARK: Reading responses

    /// `Type/id` of a resource.
    static func reference(_ resource: JSONValue?) -> String? {
        guard let type = resource?["resourceType"]?.stringValue, let id = resource?["id"]?.stringValue else { return nil }
        return "\(type)/\(id)"
    }

    /// `Type/id` of each entry of a searchset or history Bundle (outcome entries left out); a
    /// deleted version's entry, which has no resource, by its fullUrl; Kiln's Provenance of a
    /// write by what it targets (``WriteRecord``).
    static func entryIDs(_ bundle: JSONValue?) -> [String] {
        (bundle?["entry"]?.arrayValue ?? []).compactMap { entry in
            if entry["search"]?["mode"] == "outcome" { return nil }
            if let resource = entry["resource"], let record = WriteRecord.name(resource) { return record }
            if let reference = reference(entry["resource"]) { return reference }
            guard let fullURL = entry["fullUrl"]?.stringValue else { return "?" }
            return fullURL.split(separator: "/").suffix(2).joined(separator: "/") + " (deleted)"
        }
    }

    /// What in a response shows the hidden patient's data to a caller that may not see it.
    ///
    /// The marker word may appear nowhere but in Bundle links (which repeat the request's own
    /// query). A Bundle's resources may not name the hidden patient's ids either; its links and
    /// the outcomes of failed batch entries may, since they repeat what the request named. Any
    /// other resource returned (not an OperationOutcome) may not name them, unless the request
    /// wrote something that names them (`mayNameCanary`): the written resource comes back.
    static func leaks(_ response: KilnResponse, mayNameCanary: Bool) -> [String] {
        guard let json = response.json else {
            return response.text.lowercased().contains(marker) ? ["the body shows the marker word"] : []
        }
        var found: [String] = []
        let withoutLinks = withoutBundleLinks(json)
        if text(withoutLinks).lowercased().contains(marker) {
            found.append("the response shows the hidden patient's content (\(marker))")
        }
        if !mayNameCanary, json["resourceType"] != "OperationOutcome", text(withoutOutcomes(withoutLinks)).lowercased().contains(canary) {
            found.append("the response names the hidden patient's resources (\(canary))")
        }
        return found
    }

    /// `value` with the `link` of every Bundle in it removed.
    static func withoutBundleLinks(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(var object):
            if object["resourceType"] == "Bundle" { object["link"] = nil }
            var result = JSONObject()
            for (key, member) in object { result[key] = withoutBundleLinks(member) }
            return .object(result)
        case .array(let array):
            return .array(array.map(withoutBundleLinks))
        default:
            return value
        }
    }

    /// `value` without OperationOutcomes (of failed entries, or search outcome entries).
    static func withoutOutcomes(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            var result = JSONObject()
            for (key, member) in object where member["resourceType"] != "OperationOutcome" {
                result[key] = withoutOutcomes(member)
            }
            return .object(result)
        case .array(let array):
            return .array(array.filter { $0["resourceType"] != "OperationOutcome" }.map(withoutOutcomes))
        default:
            return value
        }
    }

    static func text(_ value: JSONValue) -> String {
        String(decoding: value.jsonBytes, as: UTF8.self)
    }

    static func excerpt(_ text: String) -> String {
        text.count > 1500 ? String(text.prefix(1500)) + "…" : text
    }
}
