import FHIRAudit
import FHIRModel

extension AuditedInteraction {
    /// The interaction of a decoded FHIR request, named by its restful-interaction code; for a
    /// search it carries `requestLine` (method, path and query) as the query the record keeps.
    init(_ request: FHIRRequest, requestLine: String) {
        let read = request.method == .get || request.method == .head
        switch request.route {
        case .metadata:
            self.init(name: "capabilities")
        case .system:
            if read {
                self.init(name: "search-system", query: requestLine)
            } else {
                let type = request.body?["type"]?.stringValue
                self.init(name: type == "batch" ? "batch" : "transaction")
            }
        case .systemSearch:
            self.init(name: "search-system", query: requestLine)
        case .systemHistory:
            self.init(name: "history-system")
        case .type(let type):
            switch request.method {
            case .post: self.init(name: "create", resourceType: type)
            case .put: self.init(name: "update", resourceType: type)
            case .delete: self.init(name: "delete", resourceType: type)
            default: self.init(name: "search-type", resourceType: type, query: requestLine)
            }
        case .typeSearch(let type):
            self.init(name: "search-type", resourceType: type, query: requestLine)
        case .typeHistory(let type):
            self.init(name: "history-type", resourceType: type)
        case .instance(let type, let id):
            switch request.method {
            case .put: self.init(name: "update", resourceType: type, resourceID: id)
            case .patch: self.init(name: "patch", resourceType: type, resourceID: id)
            case .delete: self.init(name: "delete", resourceType: type, resourceID: id)
            default: self.init(name: "read", resourceType: type, resourceID: id)
            }
        case .instanceHistory(let type, let id):
            self.init(name: "history-instance", resourceType: type, resourceID: id)
        case .version(let type, let id, _):
            self.init(name: "vread", resourceType: type, resourceID: id)
        case .operation(let name, let type, let id):
            self.init(name: "operation", resourceType: type, resourceID: id, operation: name, query: read ? requestLine : nil)
        }
    }

    /// The interaction of a request outside the FHIR bases, or of a FHIR request refused before
    /// it was decoded (401, 400, 413 …), named from its method and path alone.
    static func classifying(method: String, path: String) -> (AuditedInteraction, AuditEventFacts.View) {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        switch segments.first {
        case "auth":
            let endpoint = segments.count > 1 ? segments[1] : ""
            switch (method, endpoint) {
            case ("POST", "token"): return (AuditedInteraction(name: "token"), .authorization)
            case ("POST", "revoke"): return (AuditedInteraction(name: "revocation"), .authorization)
            case ("POST", "introspect"): return (AuditedInteraction(name: "introspection"), .authorization)
            case ("POST", "authorize"): return (AuditedInteraction(name: "login"), .authorization)
            case (_, "authorize"): return (AuditedInteraction(name: "authorize"), .authorization)
            default: return (AuditedInteraction(name: endpoint.isEmpty ? "authorization" : endpoint), .authorization)
            }
        case "admin":
            let collection = segments.count > 1 ? segments[1] : ""
            let noun = collection == "clients" ? "client" : collection == "users" ? "user" : collection
            let subject = segments.count > 2 ? segments[2] : nil
            let action: String
            switch (method, segments.count) {
            case ("POST", 2): action = "\(noun) registered"
            case ("DELETE", 3): action = "\(noun) removed"
            case ("POST", 4) where segments[3] == "patients": action = "\(noun) patients assigned"
            case ("GET", 2): action = "\(noun) list read"
            case ("GET", _): action = "\(noun) read"
            default: action = "\(method) \(collection)"
            }
            return (AuditedInteraction(name: "administration", resourceID: subject, operation: action), .administration)
        case "audit":
            return (AuditedInteraction(name: "operation", operation: "audit-keys"), .system)
        case "fhir", "research":
            let research = segments.first == "research"
            let rest = Array(segments.dropFirst(research ? 2 : 1))
            let view: AuditEventFacts.View = research ? .research(project: "") : .clinical
            guard let type = rest.first, type.first?.isUppercase == true else {
                return (AuditedInteraction(name: rest.first == "metadata" ? "capabilities" : method == "POST" ? "transaction" : "search-system"), view)
            }
            switch (method, rest.count) {
            case ("POST", 1): return (AuditedInteraction(name: "create", resourceType: type), view)
            case ("GET", 1), ("HEAD", 1): return (AuditedInteraction(name: "search-type", resourceType: type), view)
            case ("PUT", 2): return (AuditedInteraction(name: "update", resourceType: type, resourceID: rest[1]), view)
            case ("PATCH", 2): return (AuditedInteraction(name: "patch", resourceType: type, resourceID: rest[1]), view)
            case ("DELETE", _): return (AuditedInteraction(name: "delete", resourceType: type, resourceID: rest.count > 1 ? rest[1] : nil), view)
            case (_, 2): return (AuditedInteraction(name: "read", resourceType: type, resourceID: rest[1]), view)
            default: return (AuditedInteraction(name: method == "GET" ? "read" : "operation", resourceType: type), view)
            }
        default:
            return (AuditedInteraction(name: "other"), .system)
        }
    }
}
