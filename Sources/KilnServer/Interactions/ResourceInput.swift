import FHIRModel

/// Checks on a resource a client sends, before anything is written: the shape FHIR requires of
/// every resource, whatever its type. Profile validation comes on top of this.
enum ResourceInput {
    /// The FHIR `id` rule: 1 to 64 of `A-Z a-z 0-9 - .`.
    static func isValidID(_ id: String) -> Bool {
        guard (1...64).contains(id.utf8.count) else { return false }
        return id.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x2E
        }
    }

    /// Throws 400 unless `id` is a valid FHIR id.
    static func checkID(_ id: String) throws(FHIRError) {
        guard isValidID(id) else {
            throw FHIRError.badRequest("'\(id)' is not a valid resource id: 1 to 64 characters from A-Z, a-z, 0-9, '-' and '.'")
        }
    }

    /// The body as a resource object of `expectedType`, or 400 saying what is wrong.
    static func resource(_ body: JSONValue?, expectedType: String) throws(FHIRError) -> JSONObject {
        guard let body else {
            throw FHIRError.badRequest("The request has no body; expected a \(expectedType) resource")
        }
        guard case .object(let object) = body else {
            throw FHIRError.badRequest("The body is a JSON \(body.kindName); expected a \(expectedType) resource object", code: .structure)
        }
        guard let resourceType = object["resourceType"] else {
            throw FHIRError.badRequest("The resource has no 'resourceType'; expected \"\(expectedType)\"", code: .required, expression: ["resourceType"])
        }
        guard let name = resourceType.stringValue else {
            throw FHIRError.badRequest("'resourceType' must be a string", code: .structure, expression: ["resourceType"])
        }
        guard name == expectedType else {
            throw FHIRError.badRequest("The resource is a \(name) but the URL is for \(expectedType)", expression: ["resourceType"])
        }
        if let id = object["id"] {
            guard let text = id.stringValue else {
                throw FHIRError.badRequest("'id' must be a string", code: .structure, expression: ["\(expectedType).id"])
            }
            guard isValidID(text) else {
                throw FHIRError.badRequest("'\(text)' is not a valid resource id: 1 to 64 characters from A-Z, a-z, 0-9, '-' and '.'", expression: ["\(expectedType).id"])
            }
        }
        if let meta = object["meta"], meta.objectValue == nil {
            throw FHIRError.badRequest("'meta' must be an object", code: .structure, expression: ["\(expectedType).meta"])
        }
        return object
    }

    /// The id in the body, if any.
    static func bodyID(_ object: JSONObject) -> String? {
        object["id"]?.stringValue
    }
}
