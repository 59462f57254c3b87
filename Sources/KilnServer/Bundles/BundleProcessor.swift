import FHIRAccess
import FHIRModel
import FHIRStore
import Foundation

/// Processes `POST /fhir` with a batch or transaction Bundle.
///
/// A transaction runs in one PostgreSQL transaction, in the order the specification gives
/// (DELETE, POST, PUT and PATCH, then GET and HEAD), after assigning ids to every create and
/// rewriting references to `urn:uuid:` fullUrls; any failure rolls back every entry. A batch runs
/// each entry on its own, and a failed entry carries its OperationOutcome in the response.
///
/// What is written is recorded (``FHIRService/recordWrites(_:for:in:)``) once per PostgreSQL
/// transaction: a transaction's one Provenance targets every version its entries wrote; each
/// write entry of a batch gets its own. Entries carry the Bundle's request id, and a batch's
/// entries its `X-Provenance` header, which is checked before any entry runs.
struct BundleProcessor {
    let service: FHIRService

    func process(_ request: FHIRRequest) async throws -> FHIRResponse {
        guard let body = request.body else {
            throw FHIRError.badRequest("POST to the base needs a batch or transaction Bundle in the body")
        }
        guard body["resourceType"]?.stringValue == "Bundle" else {
            throw FHIRError.badRequest("POST to the base needs a Bundle; got \(body["resourceType"]?.stringValue ?? "no resourceType")", expression: ["resourceType"])
        }
        let type = body["type"]?.stringValue
        guard type == "batch" || type == "transaction" else {
            throw FHIRError.badRequest("Bundle.type must be batch or transaction to be processed, not \(type ?? "missing")", code: .value, expression: ["Bundle.type"])
        }
        let entries = body["entry"]?.arrayValue ?? []
        if let entry = body["entry"], entry.arrayValue == nil {
            throw FHIRError.badRequest("Bundle.entry must be an array", code: .structure, expression: ["Bundle.entry"])
        }
        guard entries.count <= service.limits.maximumBundleEntries else {
            throw FHIRError.payloadTooLarge("The Bundle has \(entries.count) entries; the limit is \(service.limits.maximumBundleEntries)")
        }
        _ = try service.authorize(type == "transaction" ? .transaction : .batch, request: request)
        try service.checkProvenanceHeader(of: request, now: Date())
        if type == "transaction" {
            return try await transaction(entries, request: request)
        }
        return try await batch(entries, request: request)
    }

    // MARK: Transaction

    private func transaction(_ rawEntries: [JSONValue], request: FHIRRequest) async throws -> FHIRResponse {
        var entries: [BundleEntryRequest] = []
        for (index, entry) in rawEntries.enumerated() {
            var decoded = try BundleEntryRequest(entry: entry, index: index, baseURL: service.baseURL, principal: request.principal, accessController: request.accessController, prefer: request.preferReturn)
            decoded.request.requestID = request.requestID
            entries.append(decoded)
        }
        try checkDistinctTargets(entries)
        try validateEntries(&entries)
        let validated = entries
        let responses = try await service.store.withTransaction { transaction in
            let run = try await runTransaction(validated, in: transaction)
            try await service.recordWrites(run.written, for: request, in: transaction)
            return run.responses
        }
        await service.registerWrittenDefinitions(responses)
        var responseEntries: [JSONValue] = []
        for (entry, response) in zip(entries, responses) {
            responseEntries.append(try responseEntry(response, for: entry))
        }
        return FHIRResponse(status: 200, body: .json(BundleBuilder.bundle(type: "transaction-response", entries: responseEntries)))
    }

    /// Two writes of one resource in one transaction are ambiguous, so they are refused.
    private func checkDistinctTargets(_ entries: [BundleEntryRequest]) throws(FHIRError) {
        var seen: [String: Int] = [:]
        for entry in entries where entry.request.method.isWrite {
            guard case .instance(let type, let id) = entry.request.route else { continue }
            if let first = seen["\(type)/\(id)"] {
                throw FHIRError.badRequest("Bundle.entry[\(first)] and \(entry.expression) both change \(type)/\(id); a transaction may change a resource once", code: .duplicate, expression: [entry.expression])
            }
            seen["\(type)/\(id)"] = entry.index
        }
    }

    /// Validates the resource of every create and update entry before the transaction opens.
    /// Entries that their type's mode rejects fail the whole transaction with 422, with the
    /// issues of every such entry located at it (`Bundle.entry[2].resource.birthDate`).
    private func validateEntries(_ entries: inout [BundleEntryRequest]) throws(FHIRError) {
        var rejected: [OperationOutcomeIssue] = []
        for position in entries.indices {
            do {
                entries[position].request = try service.validateBeforeTransaction(entries[position].request)
            } catch {
                let error = located(error, at: entries[position])
                guard error.status == 422 else { throw error }
                rejected += error.issues
            }
        }
        if !rejected.isEmpty {
            throw FHIRError(status: 422, issues: rejected)
        }
    }

    /// Runs a transaction's entries; returns their responses and the versions they wrote, in
    /// the order of the entries.
    private func runTransaction(_ entries: [BundleEntryRequest], in transaction: StoreTransaction) async throws -> (responses: [FHIRResponse], written: [WrittenVersion]) {
        var entries = entries
        var responses = [FHIRResponse?](repeating: nil, count: entries.count)
        var written: [(position: Int, version: WrittenVersion)] = []
        var references: [String: String] = [:]
        var createTargets: [Int: CreateTarget] = [:]

        // 1. Decide where every create and conditional update lands, so references can be rewritten.
        for position in entries.indices {
            let entry = entries[position]
            do {
                switch (entry.request.route, entry.request.method) {
                case (.type(let type), .post):
                    try service.checkResourceType(type)
                    let target = try await service.resolveCreate(type: type, request: entry.request, in: transaction)
                    createTargets[position] = target
                    if let fullURL = entry.fullURL {
                        switch target {
                        case .new(let id), .existing(let id): references[fullURL] = "\(type)/\(id)"
                        }
                    }
                case (.type(let type), .put):
                    try service.checkResourceType(type)
                    let id = try await resolveConditionalUpdate(type: type, entry: entry, in: transaction)
                    entries[position].request.route = .instance(type, id)
                    entries[position].request.query = []
                    if case .object(var resource)? = entry.request.body {
                        resource["id"] = .string(id)
                        entries[position].request.body = .object(resource)
                    }
                    if let fullURL = entry.fullURL { references[fullURL] = "\(type)/\(id)" }
                case (.instance(let type, let id), .put):
                    if let fullURL = entry.fullURL { references[fullURL] = "\(type)/\(id)" }
                default:
                    break
                }
            } catch let error as FHIRError {
                throw located(error, at: entry)
            }
        }

        // 2. Resolve conditional references (`Patient?identifier=…`) and rewrite every reference.
        for position in entries.indices {
            guard let body = entries[position].request.body, entries[position].request.method != .patch else { continue }
            for reference in ReferenceRewriter.references(in: body) where references[reference] == nil && isConditionalReference(reference) {
                references[reference] = try await resolveConditionalReference(reference, entry: entries[position], in: transaction)
            }
        }
        if !references.isEmpty {
            for position in entries.indices {
                guard let body = entries[position].request.body, entries[position].request.method != .patch else { continue }
                entries[position].request.body = try ReferenceRewriter.rewrite(body, map: references, expression: entries[position].expression)
            }
        }

        // 3. Run the entries in the specification's order; creates are written together.
        let order: [[FHIRMethod]] = [[.delete], [.post], [.put, .patch], [.get, .head]]
        for methods in order {
            var pendingCreates: [(position: Int, write: ResourceVersionWrite)] = []
            for position in entries.indices where methods.contains(entries[position].request.method) {
                let entry = entries[position]
                do {
                    if case .type(let type) = entry.request.route, entry.request.method == .post, let target = createTargets[position] {
                        switch target {
                        case .existing(let id):
                            responses[position] = try await service.existingResponse(type: type, id: id, request: entry.request, in: transaction)
                        case .new(let id):
                            let write = try service.planCreate(type: type, id: id, body: entry.request.body, in: transaction)
                            entries[position].request.validationIssues = try service.validationIssues(of: entry.request, resource: try ResourceInput.resource(entry.request.body, expectedType: type), type: type)
                            pendingCreates.append((position, write))
                        }
                    } else if entry.request.method.isWrite {
                        let outcome = try await service.unrecordedWrite(entry.request, in: transaction)
                        responses[position] = outcome.response
                        written += outcome.written.map { (position, $0) }
                    } else {
                        responses[position] = try await service.perform(entry.request, in: transaction)
                    }
                } catch let error as FHIRError {
                    throw located(error, at: entry)
                }
            }
            if !pendingCreates.isEmpty {
                try await transaction.write(pendingCreates.map(\.write))
                for pending in pendingCreates {
                    let request = entries[pending.position].request
                    do {
                        try await service.requireCreatedVisible(type: pending.write.resourceType, id: pending.write.id, request: request, in: transaction)
                    } catch let error as FHIRError {
                        throw located(error, at: entries[pending.position])
                    }
                    responses[pending.position] = service.writeResponse(pending.write.stored, status: 201, prefer: request.preferReturn, message: "Created", issues: request.validationIssues ?? [])
                    written.append((pending.position, WrittenVersion(pending.write)))
                }
            }
        }
        let versions = written.sorted { $0.position < $1.position }.map(\.version)
        return (responses.map { $0 ?? FHIRResponse(status: 500) }, versions)
    }

    private func resolveConditionalUpdate(type: String, entry: BundleEntryRequest, in transaction: StoreTransaction) async throws -> String {
        let filter = try service.authorize(.update, request: entry.request, type: type)
        let criteria = try ConditionalCriteria(resourceType: type, parameters: entry.request.query, example: "\(type)?identifier=system|value in request.url")
        let matches = try await service.matches(criteria, filter: filter, lock: true, in: transaction)
        let bodyID = entry.request.body?["id"]?.stringValue
        switch matches.count {
        case 0: return bodyID ?? ResourceIDGenerator.make(now: transaction.now)
        case 1:
            if let bodyID, bodyID != matches[0] {
                throw FHIRError.badRequest("The id in the body ('\(bodyID)') is not the id of the matching resource ('\(matches[0])')")
            }
            return matches[0]
        default:
            throw FHIRError.preconditionFailed("The criteria match more than one \(type); a conditional update needs exactly one", code: .multipleMatches)
        }
    }

    private func isConditionalReference(_ reference: String) -> Bool {
        guard let mark = reference.firstIndex(of: "?") else { return false }
        let type = reference[..<mark]
        return !type.contains("/") && !type.contains(":") && service.resourceTypes.contains(String(type))
    }

    private func resolveConditionalReference(_ reference: String, entry: BundleEntryRequest, in transaction: StoreTransaction) async throws -> String {
        guard let mark = reference.firstIndex(of: "?") else { return reference }
        let type = String(reference[..<mark])
        let filter = try service.authorize(.searchType, request: entry.request, type: type)
        let matches: [String]
        do {
            let criteria = try ConditionalCriteria(resourceType: type, queryString: String(reference[reference.index(after: mark)...]))
            matches = try await service.matches(criteria, filter: filter, lock: false, in: transaction)
        } catch let error as FHIRError {
            throw located(error, at: entry)
        }
        switch matches.count {
        case 1: return "\(type)/\(matches[0])"
        case 0: throw located(FHIRError.notFound("The conditional reference \(reference) matches no \(type)"), at: entry)
        default: throw located(FHIRError.preconditionFailed("The conditional reference \(reference) matches more than one \(type)", code: .multipleMatches), at: entry)
        }
    }

    /// The error with the entry named in its messages and expressions: an expression into the
    /// entry's resource (`Patient.birthDate`) becomes one into the Bundle
    /// (`Bundle.entry[2].resource.birthDate`).
    private func located(_ error: FHIRError, at entry: BundleEntryRequest) -> FHIRError {
        var located = error
        let resourceType = entry.request.route.resourceType
        located.issues = error.issues.map { issue in
            var issue = issue
            if !issue.diagnostics.hasPrefix("Bundle.entry[") {
                issue.diagnostics = "\(entry.expression): \(issue.diagnostics)"
            }
            if issue.expression.isEmpty {
                issue.expression = [entry.expression]
            } else if let resourceType {
                issue.expression = issue.expression.map { Self.expression($0, inResourceOf: entry, type: resourceType) }
            }
            return issue
        }
        return located
    }

    /// `expression`, rooted at a resource of `type`, rooted at the entry's resource instead.
    static func expression(_ expression: String, inResourceOf entry: BundleEntryRequest, type: String) -> String {
        guard expression.hasPrefix(type) else { return expression }
        let rest = expression.dropFirst(type.count)
        guard rest.isEmpty || rest.hasPrefix(".") || rest.hasPrefix("[") else { return expression }
        return "\(entry.expression).resource\(rest)"
    }

    // MARK: Batch

    private func batch(_ rawEntries: [JSONValue], request: FHIRRequest) async throws -> FHIRResponse {
        var responseEntries: [JSONValue] = []
        for (index, rawEntry) in rawEntries.enumerated() {
            let response: FHIRResponse
            do {
                var entry = try BundleEntryRequest(entry: rawEntry, index: index, baseURL: service.baseURL, principal: request.principal, accessController: request.accessController, prefer: request.preferReturn)
                // Each write entry commits on its own, so it records its own writes, as the Bundle's request.
                entry.request.requestID = request.requestID
                entry.request.provenanceHeader = request.provenanceHeader
                if case .system = entry.request.route {
                    throw FHIRError.badRequest("\(entry.expression): a batch entry cannot itself be a batch or transaction")
                }
                if entry.request.method.isWrite {
                    let validated = try service.validateBeforeTransaction(entry.request)
                    response = try await service.store.withTransaction { transaction in
                        try await service.perform(validated, in: transaction)
                    }
                    await service.registerWrittenDefinitions([response])
                } else {
                    response = try await service.perform(entry.request, in: nil)
                }
                responseEntries.append(try responseEntry(response, for: entry))
            } catch let error as FHIRError {
                responseEntries.append(errorEntry(error))
            }
        }
        return FHIRResponse(status: 200, body: .json(BundleBuilder.bundle(type: "batch-response", entries: responseEntries)))
    }

    // MARK: Response entries

    private func responseEntry(_ response: FHIRResponse, for entry: BundleEntryRequest) throws(FHIRError) -> JSONValue {
        var object = JSONObject()
        if let location = response.location, let range = location.range(of: "/_history/") {
            object["fullUrl"] = .string(String(location[..<range.lowerBound]))
        }
        if let resource = try response.bodyJSON() {
            object["resource"] = resource
        }
        var result = JSONObject()
        result["status"] = .string(HTTPStatusText.line(response.status))
        if let location = response.location { result["location"] = .string(location) }
        if let etag = response.etag { result["etag"] = .string(etag) }
        if let lastModified = response.lastModified { result["lastModified"] = .string(FHIRInstant.format(lastModified)) }
        object["response"] = .object(result)
        return .object(object)
    }

    private func errorEntry(_ error: FHIRError) -> JSONValue {
        [
            "response": [
                "status": .string(HTTPStatusText.line(error.status)),
                "outcome": error.operationOutcome,
            ],
        ]
    }
}
