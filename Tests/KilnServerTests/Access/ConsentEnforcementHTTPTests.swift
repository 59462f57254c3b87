import FHIRAccess
import FHIRModel
import Foundation
import KilnTesting
import Testing

/// Patients' Consents deciding, inside the SQL, what each kind of caller sees on every read
/// path, against a real PostgreSQL through the HTTP server. The caller is a consent scope as
/// the SMART policy makes it (purpose, actors, default); each Consent kind hides a known set.
@Suite("Consent enforcement on every read path (HTTP)")
struct ConsentEnforcementHTTPTests {
    static let privacy = #""scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "patient-privacy"}]}, "category": [{"coding": [{"system": "http://loinc.org", "code": "59284-0"}]}]"#
    static let optIn = #""policyRule": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "OPTIN"}]}"#
    static let optOut = #""policyRule": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "OPTOUT"}]}"#
    static let role = #""role": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code": "PRCP"}]}"#

    /// The patients, each with the Consent kind its name says ("open" has none).
    static let patients = ["open", "out", "dr", "org", "label", "period", "res", "rin"]

    static func consent(_ patient: String, _ body: String) -> String {
        #"{"resourceType": "Consent", "id": "consent-\#(patient)", "status": "active", "patient": {"reference": "Patient/\#(patient)"}, "dateTime": "2026-01-01", \#(body)}"#
    }

    static let consents = [
        // Opt-out of everything for care purposes.
        consent("out", "\(privacy), \(optOut)"),
        // Deny one practitioner.
        consent("dr", #"\#(privacy), \#(optIn), "provision": {"type": "permit", "provision": [{"type": "deny", "actor": [{\#(role), "reference": {"reference": "Practitioner/dr-b"}}]}]}"#),
        // Deny an organization (at the root: the Consent is about that organization only).
        consent("org", #"\#(privacy), \#(optIn), "provision": {"type": "deny", "actor": [{\#(role), "reference": {"reference": "Organization/org-other"}}]}"#),
        // Deny a security label.
        consent("label", #"\#(privacy), \#(optIn), "provision": {"type": "permit", "provision": [{"type": "deny", "securityLabel": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "PSY"}]}]}"#),
        // Deny a data period.
        consent("period", #"\#(privacy), \#(optIn), "provision": {"type": "permit", "provision": [{"type": "deny", "dataPeriod": {"start": "2020-01-01", "end": "2020-12-31"}}]}"#),
        // Deny one resource.
        consent("res", #"\#(privacy), \#(optIn), "provision": {"type": "permit", "provision": [{"type": "deny", "data": [{"meaning": "instance", "reference": {"reference": "Observation/obs-res-x"}}]}]}"#),
        // Opt in to research.
        consent("rin", #""scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "research"}]}, "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentcategorycodes", "code": "research"}]}], \#(optIn)"#),
    ]

    static func observation(_ id: String, patient: String, date: String = "2021-06-01", code: String = "2339-0", label: Bool = false) -> String {
        let meta = label ? #""meta": {"security": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "PSY"}]}, "# : ""
        return """
        {"resourceType": "Observation", "id": "\(id)", \(meta)"status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "\(code)"}]},
         "subject": {"reference": "Patient/\(patient)"}, "effectiveDateTime": "\(date)", "valueQuantity": {"value": 95, "unit": "mg/dL"}}
        """
    }

    /// Every Observation: one ordinary per patient, and the ones a resource-level Consent hides.
    static let observations = patients.map { observation("obs-\($0)", patient: $0) } + [
        observation("obs-label-x", patient: "label", code: "11111-1", label: true),
        observation("obs-period-x", patient: "period", date: "2020-05-01"),
        observation("obs-res-x", patient: "res"),
    ]

    static func seed(_ server: TestServer) async throws {
        try await server.put(json: #"{"resourceType": "Organization", "id": "org-home", "name": "Home"}"#,
                             #"{"resourceType": "Organization", "id": "org-other", "name": "Other"}"#,
                             #"{"resourceType": "Practitioner", "id": "dr-a"}"#, #"{"resourceType": "Practitioner", "id": "dr-b"}"#)
        for patient in patients {
            try await server.put(json: #"{"resourceType": "Patient", "id": "\#(patient)", "gender": "other", "name": [{"family": "F-\#(patient)"}]}"#)
        }
        for text in observations + consents { try await server.put(json: text) }
    }

    /// A caller and what it must not see: whole patients (their compartments) and single resources.
    struct Caller: CustomStringConvertible {
        var name: String
        var consent: ConsentScope?
        var hiddenPatients: Set<String>
        var hiddenObservations: Set<String>
        var description: String { name }
    }

    static let resourceLevel: Set<String> = ["obs-label-x", "obs-period-x", "obs-res-x"]

    static let callers: [Caller] = [
        Caller(name: "clinician dr-b for org-other (TREAT)",
               consent: ConsentScope(purpose: "TREAT", actors: ["Practitioner/dr-b", "Organization/org-other"], actions: ["access"], permitsByDefault: true),
               hiddenPatients: ["out", "dr", "org"], hiddenObservations: resourceLevel),
        Caller(name: "clinician dr-a for org-home (TREAT)",
               consent: ConsentScope(purpose: "TREAT", actors: ["Practitioner/dr-a", "Organization/org-home"], actions: ["access"], permitsByDefault: true),
               hiddenPatients: ["out"], hiddenObservations: resourceLevel),
        Caller(name: "clinician under break-glass (ETREAT: no consent scope)", consent: nil, hiddenPatients: [], hiddenObservations: []),
        Caller(name: "researcher (HRESCH, identifiable: deny by default)",
               consent: ConsentScope(purpose: "HRESCH", actors: ["Practitioner/res-1"], actions: ["access"], permitsByDefault: false),
               hiddenPatients: Set(patients).subtracting(["rin"]), hiddenObservations: []),
        Caller(name: "data steward (HOPERAT)",
               consent: ConsentScope(purpose: "HOPERAT", actors: [], actions: ["access"], permitsByDefault: true),
               hiddenPatients: ["out"], hiddenObservations: resourceLevel),
        Caller(name: "backend client for org-other (TREAT)",
               consent: ConsentScope(purpose: "TREAT", actors: ["Organization/org-other", "identifier:urn:kiln:client-id|lab-app"], actions: ["access"], permitsByDefault: true),
               hiddenPatients: ["out", "org"], hiddenObservations: resourceLevel),
        Caller(name: "patient (own access: no consent scope)", consent: nil, hiddenPatients: [], hiddenObservations: []),
    ]

    func visiblePatients(_ caller: Caller) -> Set<String> {
        Set(Self.patients.filter { !caller.hiddenPatients.contains($0) }.map { "Patient/\($0)" })
    }

    func visibleObservations(_ caller: Caller) -> Set<String> {
        let all = Self.patients.map { "obs-\($0)" } + Array(Self.resourceLevel)
        return Set(all.filter { id in
            !caller.hiddenObservations.contains(id) && !caller.hiddenPatients.contains(where: { id == "obs-\($0)" || id.hasPrefix("obs-\($0)-") })
        }.map { "Observation/\($0)" })
    }

    @Test("Every caller × every read path: hidden data never appears, counts equal a full crawl", arguments: callers)
    func matrix(_ caller: Caller) async throws {
        let access = SwitchableAccess()
        try await TestServer.run(access: access) { (server: TestServer) async throws in
            try await Self.seed(server)
            access.set(AccessFilter().consenting(caller.consent))
            let patients = visiblePatients(caller), observations = visibleObservations(caller)
            let hidden = Set(Self.patients.map { "Patient/\($0)" }).subtracting(patients)
                .union(Set((Self.patients.map { "obs-\($0)" } + Array(Self.resourceLevel)).map { "Observation/\($0)" }).subtracting(observations))
            let client = server.client

            // Read and vread: hidden is 404 with the body of a missing resource.
            for reference in hidden {
                let read = try await client.get(reference)
                #expect(read.status == 404, "\(caller): read \(reference) → \(read.status)")
                #expect(try await client.get("\(reference)/_history/1").status == 404, "\(caller): vread \(reference)")
                #expect(try await client.get("\(reference)/_history").status == 404, "\(caller): instance history \(reference)")
            }
            for reference in patients.union(observations) {
                #expect(try await client.get(reference).status == 200, "\(caller): read \(reference)")
            }
            #expect(try await client.get("Practitioner/dr-b").status == 200)
            let missing = try await client.get("Observation/never-was")
            if let reference = hidden.first {
                let read = try await client.get(reference)
                #expect(read.diagnostics.replacingOccurrences(of: reference, with: "R") == missing.diagnostics.replacingOccurrences(of: "Observation/never-was", with: "R"),
                        "\(caller): a consent-denied read must look like a missing resource")
            }

            // Search: the match set, counts and paging.
            #expect(try await server.matches("Observation") == observations, "\(caller): Observation search")
            #expect(try await server.matches("Patient") == patients, "\(caller): Patient search")
            #expect(try await server.searchset("Observation?_summary=count").total == observations.count, "\(caller): _summary=count")
            #expect(try await server.searchset("Observation?_total=accurate").total == observations.count, "\(caller): _total=accurate")
            let crawl = try await server.allPages("Observation?_count=2&_sort=_id")
            #expect(Set(crawl.ids) == observations && crawl.ids.count == observations.count, "\(caller): paging")
            #expect(crawl.pages == max(1, (observations.count + 1) / 2), "\(caller): full pages")

            // Includes, chains and _has.
            let included = try await server.searchset("Observation?_include=Observation:subject").includeIDs
            #expect(included.isSubset(of: patients), "\(caller): _include reached \(included.subtracting(patients))")
            let revincluded = try await server.searchset("Patient?_revinclude=Observation:subject").includeIDs
            #expect(revincluded == observations, "\(caller): _revinclude")
            let iterated = try await server.searchset("Observation?_include=Observation:subject&_revinclude:iterate=Observation:subject").includeIDs
            #expect(iterated.isSubset(of: patients.union(observations)), "\(caller): :iterate")
            #expect(try await server.matches("Observation?subject.gender=other") == observations, "\(caller): chain")
            let withPsychiatric = try await server.matches("Patient?_has:Observation:subject:code=11111-1")
            #expect(withPsychiatric == (observations.contains("Observation/obs-label-x") ? ["Patient/label"] : []), "\(caller): _has")

            // History at every level.
            let typeHistory = try await client.get("Observation/_history?_total=accurate").resource
            #expect(Set(typeHistory.entries.compactMap(Self.reference)) == observations, "\(caller): type history")
            #expect(typeHistory.total == observations.count, "\(caller): type history total")
            let systemHistory = try await client.get("_history?_count=100")
            let systemReferences = Set(systemHistory.resource["entry"]?.arrayValue?.compactMap(Self.reference) ?? [])
            #expect(systemReferences.isDisjoint(with: hidden), "\(caller): system history shows \(systemReferences.intersection(hidden))")

            // $everything: each visible patient's compartment, page by page; a hidden patient is 404.
            for patient in Self.patients {
                let reference = "Patient/\(patient)"
                guard patients.contains(reference) else {
                    #expect(try await server.get("\(reference)/$everything").status == 404, "\(caller): $everything of hidden \(reference)")
                    continue
                }
                let crawl = try await server.allPages("\(reference)/$everything?_count=1")
                // With Kiln's Provenance of the Patient's create, which is in its compartment.
                let expected = Set([reference, WriteRecord.name(of: "\(reference)/_history/1")]
                    + observations.filter { $0 == "Observation/obs-\(patient)" || $0.hasPrefix("Observation/obs-\(patient)-") })
                #expect(Set(crawl.ids.filter { !$0.hasPrefix("Consent/") }) == expected, "\(caller): $everything of \(reference) → \(crawl.ids)")
                #expect(crawl.pages == crawl.ids.count && Set(crawl.ids).count == crawl.ids.count, "\(caller): $everything pages")
            }

            // Batch and transaction entries.
            for type in ["batch", "transaction"] {
                let entries = hidden.sorted().prefix(3).map { #"{"request": {"method": "GET", "url": "\#($0)"}}"# }
                guard !entries.isEmpty else { continue }
                let bundle = try await client.post("", json: resourceJSON(#"{"resourceType": "Bundle", "type": "\#(type)", "entry": [\#(entries.joined(separator: ","))]}"#))
                let statuses = bundle.resource["entry"]?.arrayValue?.compactMap { $0["response"]?["status"]?.stringValue } ?? []
                if type == "batch" {
                    #expect(statuses.count == entries.count && statuses.allSatisfy { $0.hasPrefix("404") }, "\(caller): batch \(statuses)")
                } else {
                    #expect(bundle.status == 404, "\(caller): transaction reading a hidden resource → \(bundle.status)")
                }
            }

            // Writes aimed at hidden resources: a patch is 404, conditional criteria do not see them.
            let hiddenObservations = hidden.filter { $0.hasPrefix("Observation/") }.sorted()
            if let target = hiddenObservations.first {
                let id = String(target.dropFirst("Observation/".count))
                let patch = try await client.patch(target, jsonPatch: resourceJSON(#"[{"op": "replace", "path": "/status", "value": "amended"}]"#))
                #expect(patch.status == 404, "\(caller): patch of \(target) → \(patch.status)")
                let writable = patients.sorted().first.map { String($0.dropFirst("Patient/".count)) } ?? "open"
                let replacement = resourceJSON(Self.observation("unused", patient: writable).replacingOccurrences(of: #""id": "unused", "#, with: ""))
                let conditionalUpdate = try await client.put("Observation?_id=\(id)", json: replacement)
                #expect(conditionalUpdate.status == 201, "\(caller): conditional update matching only \(target) must create, not update: \(conditionalUpdate.status)")
                let conditionalDelete = try await client.delete("Observation?_id=\(id)")
                #expect([200, 204].contains(conditionalDelete.status), "\(caller): conditional delete → \(conditionalDelete.status)")
                access.set(AccessFilter())
                let untouched = try await client.get(target)
                #expect(untouched.status == 200 && untouched.resource["meta"]?["versionId"]?.stringValue == "1", "\(caller): \(target) was changed through a denial")
            }
        }
    }

    /// `Type/id` of a Bundle entry's resource.
    static func reference(_ entry: JSONValue) -> String? {
        guard let type = entry["resource"]?["resourceType"]?.stringValue, let id = entry["resource"]?["id"]?.stringValue else {
            if let url = entry["request"]?["url"]?.stringValue { return url.split(separator: "/").prefix(2).joined(separator: "/") }
            return nil
        }
        return "\(type)/\(id)"
    }
}

/// `Patient/[id]/$consent-decision`: the decision, the deciding Consent and the reasons.
@Suite("$consent-decision (HTTP)")
struct ConsentDecisionHTTPTests {
    func parameters(_ response: KilnResponse, _ name: String) -> [JSONValue] {
        (response.resource["parameter"]?.arrayValue ?? []).filter { $0["name"]?.stringValue == name }
    }

    @Test("Explains the patient-level and the resource-level decision, and the default")
    func explains() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            try await ConsentEnforcementHTTPTests.seed(server)
            let denied = try await server.client.get("Patient/dr/$consent-decision?purpose=TREAT&actor=Practitioner/dr-b")
            #expect(denied.status == 200, "\(denied.text)")
            #expect(parameters(denied, "decision").first?["valueCode"]?.stringValue == "deny")
            #expect(parameters(denied, "consent").first?["valueReference"]?["reference"]?.stringValue == "Consent/consent-dr")
            #expect(parameters(denied, "explanation").contains { $0["valueString"]?.stringValue?.contains("provision[0]") == true })

            let other = try await server.client.get("Patient/dr/$consent-decision?purpose=TREAT&actor=Practitioner/dr-a")
            #expect(parameters(other, "decision").first?["valueCode"]?.stringValue == "permit")

            let labelled = try await server.client.get("Patient/label/$consent-decision?purpose=TREAT&resource=Observation/obs-label-x")
            #expect(parameters(labelled, "decision").first?["valueCode"]?.stringValue == "deny")
            let plain = try await server.client.get("Patient/label/$consent-decision?purpose=TREAT&resource=Observation/obs-label")
            #expect(parameters(plain, "decision").first?["valueCode"]?.stringValue == "permit")

            let research = try await server.client.get("Patient/open/$consent-decision?purpose=HRESCH")
            #expect(parameters(research, "decision").first?["valueCode"]?.stringValue == "deny")
            #expect(parameters(research, "explanation").contains { $0["valueString"]?.stringValue?.contains("default") == true })

            #expect(try await server.client.get("Patient/open/$consent-decision").status == 400)

            let patient = (try await server.client.get("metadata")).resource["rest"]?.arrayValue?.first?["resource"]?.arrayValue?
                .first { $0["type"]?.stringValue == "Patient" }
            #expect(patient?["operation"]?.arrayValue?.contains { $0["name"]?.stringValue == "consent-decision" } == true)
        }
    }
}
