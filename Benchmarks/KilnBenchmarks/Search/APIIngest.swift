import FHIRModel
import KilnTesting

/// Posts the API slice of the data as transaction Bundles over HTTP — the way clients write —
/// to measure ingest through the whole server (parsing, validation, reference rewriting,
/// indexing, storage) beside the bulk path.
struct APIIngest: Sendable {
    /// The server.
    let target: KilnTarget
    /// What to post.
    let plan: SearchDataPlan

    /// Serializes every Bundle first (outside the clock), posts them with `concurrency` loaders,
    /// checks that every entry was created, and returns the figures.
    func load(concurrency: Int, output: BenchmarkOutput) async throws -> LoadFigures {
        let bodies = (0..<plan.apiBundles).map { bundle in
            let records = plan.apiPatients(inBundle: bundle).map { PatientRecord(index: $0, identity: .bundleURNs) }
            let entries = records.flatMap(\.entries).map { (fullURL: $0.key, resource: $0.resource) }
            return JSONSerializer().serialize(Fixtures.transaction(entries))
        }
        let target = self.target
        let (figures, responses) = try await LoadDriver.run(
            batches: bodies.count,
            resources: plan.apiResources,
            concurrency: concurrency,
            progress: ProgressReporter(total: bodies.count, label: "API ingest", output: output)
        ) { bundle in
            try await target.postTransaction(bodies[bundle], name: "transaction Bundle \(bundle)")
        }
        let created = try responses.reduce(0) { count, body in count + (try TransactionResponse(body: body).created.count) }
        guard created == plan.apiResources else {
            throw BenchmarkError.nothingToDo("Kiln created \(created) resources from the API Bundles; they held \(plan.apiResources)")
        }
        return figures
    }
}
