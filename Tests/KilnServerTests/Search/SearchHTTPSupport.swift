import FHIRModel
import Foundation
import KilnTesting
import Testing

// Helpers for the end-to-end search tests: resources are written as JSON text with ids the
// test chooses (PUT [type]/[id], update as create), so every expected result is written by hand.

/// A resource from JSON text written in a test.
func resourceJSON(_ text: String) -> JSONValue {
    do {
        return try JSONParser().parse(text)
    } catch {
        Issue.record("The test's JSON does not parse: \(error)\n\(text)")
        return .null
    }
}

extension TestServer {
    /// `PUT [type]/[id]` of each resource (update as create); each must answer 201.
    func put(_ resources: JSONValue...) async throws {
        for resource in resources {
            let type = resource["resourceType"]?.stringValue ?? ""
            let id = resource["id"]?.stringValue ?? ""
            let response = try await client.put("\(type)/\(id)", json: resource)
            try #require(response.status == 201, "PUT \(type)/\(id) failed: \(response.status) \(response.text)")
        }
    }

    /// `PUT [type]/[id]` of each resource written as JSON text.
    func put(json texts: String...) async throws {
        for text in texts { try await put(resourceJSON(text)) }
    }

    /// `GET` a search (relative to the base, or absolute), its query percent-encoded where
    /// needed (`|`, `$`, `+`, spaces, non-ASCII); the raw response.
    func get(_ path: String, headers: [String: String] = [:]) async throws -> KilnResponse {
        try await client.get(SearchURL.encode(path), headers: headers)
    }

    /// `GET` a search that must succeed; the searchset Bundle.
    func searchset(_ path: String, headers: [String: String] = [:]) async throws -> JSONValue {
        let response = try await get(path, headers: headers)
        try #require(response.status == 200, "GET \(path) failed: \(response.status) \(response.text)")
        let bundle = response.resource
        #expect(bundle["resourceType"] == "Bundle" && bundle["type"] == "searchset", "GET \(path) did not answer a searchset")
        return bundle
    }

    /// The `Type/id` of the matches of a search, as a set.
    func matches(_ path: String, headers: [String: String] = [:]) async throws -> Set<String> {
        Set(try await searchset(path, headers: headers).matchIDs)
    }

    /// The `Type/id` of the matches of a search, in the order returned (first page only).
    func orderedMatches(_ path: String) async throws -> [String] {
        try await searchset(path).matchIDs
    }

    /// The `Type/id` of every match, following next links to the end (at most 50 pages).
    func allPages(_ path: String) async throws -> (ids: [String], pages: Int) {
        var bundle = try await searchset(path)
        var ids = bundle.matchIDs
        var pages = 1
        while let next = bundle.link("next"), pages < 50 {
            bundle = try await searchset(next)
            ids += bundle.matchIDs
            pages += 1
        }
        return (ids, pages)
    }
}

extension JSONValue {
    /// The entries of a Bundle.
    var entries: [JSONValue] { self["entry"]?.arrayValue ?? [] }

    /// `Type/id` of the entries with `search.mode` = `mode`, in order; Kiln's Provenance of a
    /// write by what it targets (``WriteRecord``).
    func ids(mode: String) -> [String] {
        entries.filter { $0["search"]?["mode"]?.stringValue == mode }.compactMap { entry in
            guard let resource = entry["resource"], let type = resource["resourceType"]?.stringValue, let id = resource["id"]?.stringValue else { return nil }
            return WriteRecord.name(resource) ?? "\(type)/\(id)"
        }
    }

    /// `Type/id` of the match entries, in order.
    var matchIDs: [String] { ids(mode: "match") }

    /// `Type/id` of the include entries, as a set.
    var includeIDs: Set<String> { Set(ids(mode: "include")) }

    /// The `url` of the Bundle link with `relation`.
    func link(_ relation: String) -> String? {
        (self["link"]?.arrayValue ?? []).first { $0["relation"]?.stringValue == relation }?["url"]?.stringValue
    }

    /// `Bundle.total` as an integer.
    var total: Int? { self["total"]?.numberValue?.intValue }

    /// The `search.mode` = `outcome` entries' OperationOutcome resources.
    var outcomes: [JSONValue] {
        entries.filter { $0["search"]?["mode"]?.stringValue == "outcome" }.compactMap { $0["resource"] }
    }
}

/// Percent-encoding of the query part of a test URL.
enum SearchURL {
    /// Characters kept as written in a query: unreserved, and the delimiters a test writes on
    /// purpose (`&`, `=`, `,`, `:`, `/`, `.`, `%` of an escape already made).
    private static let kept = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~&=,:/%*".unicodeScalars)

    /// `path` with everything after its first `?` percent-encoded where needed.
    static func encode(_ path: String) -> String {
        guard let mark = path.firstIndex(of: "?") else { return path }
        var result = String(path[...mark])
        for byte in path[path.index(after: mark)...].utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, kept.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }

    /// One query value, fully percent-encoded (for values that hold `&`, `=` or `,` literally).
    static func value(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._~".unicodeScalars.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }
}
