import FHIRModel

/// What a transaction-response Bundle says was created: the type and id of each entry's resource.
struct TransactionResponse {
    /// The created resources, as (type, id), in entry order.
    let created: [(type: String, id: String)]

    /// Reads `body`, a transaction-response Bundle whose every entry must be `201 Created`.
    init(body: [UInt8]) throws {
        guard let bundle = try? JSONParser().parse(body),
              let entries = bundle["entry"]?.arrayValue
        else {
            throw BenchmarkError.unexpectedResponse(request: "POST transaction", status: 200, body: String(decoding: body, as: UTF8.self))
        }
        var created: [(type: String, id: String)] = []
        created.reserveCapacity(entries.count)
        for entry in entries {
            let status = entry["response"]?["status"]?.stringValue ?? ""
            guard status.hasPrefix("201"),
                  let location = entry["response"]?["location"]?.stringValue,
                  let resource = Self.resource(inLocation: location)
            else {
                throw BenchmarkError.unexpectedResponse(request: "POST transaction (entry)", status: 200, body: entry.jsonString)
            }
            created.append(resource)
        }
        self.created = created
    }

    /// The type and id in a location such as `http://host/fhir/Observation/123/_history/1`.
    static func resource(inLocation location: String) -> (type: String, id: String)? {
        let parts = location.split(separator: "/").map(String.init)
        guard let history = parts.lastIndex(of: "_history"), history >= 2 else { return nil }
        return (parts[history - 2], parts[history - 1])
    }
}
