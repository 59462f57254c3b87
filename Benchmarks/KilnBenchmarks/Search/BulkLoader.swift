import FHIRModel
import FHIRSearch
import FHIRStore
import Foundation

/// Loads the bulk part of the data through Kiln's store, below HTTP: each batch of patients is
/// generated, stamped with id and meta, given its search index values by Kiln's
/// ``FHIRSearch/SearchIndexer``, and written with one ``FHIRStore/StoreTransaction/write(_:)`` in one
/// transaction — the statements the server's own writes use.
struct BulkLoader: Sendable {
    /// The store over the server's database.
    let store: ResourceStore
    /// The indexer, as the server builds it.
    let indexer: SearchIndexer
    /// What to load.
    let plan: SearchDataPlan

    /// What one batch took and held.
    struct BatchResult: Sendable {
        /// The facts of its patients.
        let facts: DatasetFacts
        /// Time spent generating the documents, in nanoseconds.
        let generateNanoseconds: Int64
        /// Time spent extracting search index values, in nanoseconds.
        let indexNanoseconds: Int64
        /// Time from starting the transaction to its commit, less the indexing, in nanoseconds.
        let writeNanoseconds: Int64
    }

    /// Loads every batch with `concurrency` loaders; returns the figures, the facts of the data
    /// and the loaders' summed time in generating, indexing and writing.
    func load(concurrency: Int, output: BenchmarkOutput) async throws -> (figures: LoadFigures, facts: DatasetFacts, split: LoadTimeSplit) {
        let store = self.store
        let indexer = self.indexer
        let plan = self.plan
        let (figures, results) = try await LoadDriver.run(
            batches: plan.bulkBatches,
            resources: plan.bulkResources,
            concurrency: concurrency,
            progress: ProgressReporter(total: plan.bulkBatches, label: "Bulk load", output: output)
        ) { batch in
            let clock = ContinuousClock()
            let started = clock.now
            let records = plan.bulkPatients(inBatch: batch).map { PatientRecord(index: $0, identity: .storedIDs) }
            let generated = clock.now
            let indexing = try await store.withTransaction { transaction in
                let indexStarted = clock.now
                let versions = Self.versions(of: records, at: transaction.now, indexer: indexer)
                let indexing = clock.now - indexStarted
                try await transaction.write(versions)
                return indexing
            }
            let finished = clock.now
            return BatchResult(
                facts: DatasetFacts(records: records),
                generateNanoseconds: (generated - started).nanoseconds,
                indexNanoseconds: indexing.nanoseconds,
                writeNanoseconds: (finished - generated - indexing).nanoseconds
            )
        }
        var facts = DatasetFacts()
        for result in results { facts.merge(result.facts) }
        let split = LoadTimeSplit(
            generateSeconds: Double(results.reduce(0) { $0 + $1.generateNanoseconds }) / 1e9,
            indexSeconds: Double(results.reduce(0) { $0 + $1.indexNanoseconds }) / 1e9,
            writeSeconds: Double(results.reduce(0) { $0 + $1.writeNanoseconds }) / 1e9
        )
        return (figures, facts, split)
    }

    /// The first versions of `records`' resources, stamped at `now`, with their index values.
    static func versions(of records: [PatientRecord], at now: Date, indexer: SearchIndexer) -> [ResourceVersionWrite] {
        let instant = FHIRInstant.format(now)
        return records.flatMap(\.entries).map { entry in
            let stored = StoredForm.stamped(entry.resource, id: entry.key, lastUpdated: instant)
            return ResourceVersionWrite(
                resourceType: entry.resourceType, id: entry.key, versionID: 1, lastUpdated: now,
                method: .create, resource: stored, index: indexer.entries(for: stored)
            )
        }
    }
}
