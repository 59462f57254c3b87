import AsyncHTTPClient
import KilnTesting
import NIOHTTP1

/// Kiln under test, over its HTTP API: loads transaction Bundles and reads Observations by id.
struct KilnTarget: Sendable {
    /// The client, on a connection pool large enough for the highest read concurrency.
    let client: KilnClient

    /// Posts every Bundle with `concurrency` loaders and returns the figures and the ids of the
    /// Observations the server created.
    ///
    /// Bundles are sent with `Prefer: return=minimal`, as a bulk loader would: the response still
    /// carries each entry's status and location, which is all the benchmark needs.
    func load(_ bundles: TransactionBundles, plan: LoadPlan, concurrency: Int, output: BenchmarkOutput) async throws -> (figures: LoadFigures, observationIDs: [String]) {
        let target = self
        let bodies = bundles.bodies
        let (figures, responses) = try await LoadDriver.run(
            batches: bodies.count,
            resources: plan.resourceCount,
            concurrency: concurrency,
            progress: ProgressReporter(total: bodies.count, label: "Kiln load", output: output)
        ) { batch in
            try await target.postTransaction(bodies[batch], name: "transaction Bundle \(batch)")
        }
        var observationIDs: [String] = []
        observationIDs.reserveCapacity(plan.observationCount)
        for body in responses {
            for resource in try TransactionResponse(body: body).created where resource.type == "Observation" {
                observationIDs.append(resource.id)
            }
        }
        guard observationIDs.count == plan.observationCount else {
            throw BenchmarkError.nothingToDo("Kiln created \(observationIDs.count) Observations; the plan had \(plan.observationCount)")
        }
        return (figures, observationIDs)
    }

    /// Posts one transaction Bundle with `Prefer: return=minimal` and returns the response body
    /// (a transaction-response Bundle); anything but 200 throws, naming the Bundle `name`.
    func postTransaction(_ body: [UInt8], name: String) async throws -> [UInt8] {
        let response = try await client.request(.POST, "", headers: ["Prefer": "return=minimal"], body: body)
        guard response.status == 200 else {
            throw BenchmarkError.unexpectedResponse(request: "POST \(name)", status: response.status, body: response.text)
        }
        return response.body
    }

    /// Reads random Observations of `ids` by id (`GET Observation/{id}`) with `concurrency` clients.
    func read(ids: [String], concurrency: Int, warmup: Duration, duration: Duration) async throws -> ReadFigures {
        guard !ids.isEmpty else { throw BenchmarkError.nothingToDo("There are no Observation ids to read") }
        let client = self.client
        return try await ReadDriver.run(concurrency: concurrency, warmup: warmup, duration: duration, keys: ids.count) { key in
            let path = "Observation/\(ids[key])"
            let response = try await client.get(path)
            guard response.status == 200, !response.body.isEmpty else {
                throw BenchmarkError.unexpectedResponse(request: "GET \(path)", status: response.status, body: response.text)
            }
        }
    }
}
