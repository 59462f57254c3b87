import FHIRDefinitions
import FHIRPath
import Foundation

/// The benchmark behind `kiln bench fhirpath`: Kiln's FHIRPath evaluations per second on the R4
/// search parameter expressions of Patient, Observation, DiagnosticReport, Consent and Provenance
/// over example resources of those types, next to fhirpathpy's on the same pairs in the same run.
///
/// ```swift
/// try await FHIRPathBenchmark.run(FHIRPathBenchmarkOptions(seconds: 3, examplesDirectory: "/data/fhir-data"))
/// ```
///
/// Every expression is parsed once; the measured loops only evaluate. Kiln is measured on one
/// thread and on ``FHIRPathBenchmarkOptions/workers`` workers that share the compiled expressions
/// and the resources; fhirpathpy (one Python thread) runs as a subprocess on a workload file.
public enum FHIRPathBenchmark {
    /// Below this share of the cores a loop should keep busy, the report warns that the machine was busy.
    static let busyMachineShare = 0.9

    /// Builds the workload, measures both engines, prints the figures and, with `--json`, writes them.
    public static func run(_ options: FHIRPathBenchmarkOptions) async throws {
        try options.validate()
        let output = BenchmarkOutput()
        let printer = FHIRPathReportPrinter(output: output)
        printer.header(options)

        let catalog = try DefinitionsCatalog.loadDefault()
        let types = FHIRPathWorkloadBuilder.defaultResourceTypes
        let (resources, loadNotes) = try ExampleResourceLoader(directory: options.examplesDirectory, resourceTypes: types).load()
        let workload = FHIRPathWorkloadBuilder(catalog: catalog, resourceTypes: types).build(resources: resources)
        guard !workload.pairs.isEmpty else {
            throw FHIRPathBenchmarkError.emptyWorkload("No (expression, resource) pairs to evaluate: \(options.examplesDirectory) holds no examples of \(types.joined(separator: ", ")).")
        }
        printer.workload(workload)

        let environment = FHIRPathEnvironment()
        let check = KilnEvaluationCheck(workload, environment: environment)
        printer.kilnCheck(check, pairs: workload.pairs.count)

        let fhirpathpy = await runFhirpathpy(workload, check: check, options: options, output: output)
        let measured = workload.pairs.indices.filter { index in
            guard check.resultCounts[index] != nil else { return false }
            guard case .measured(let result) = fhirpathpy else { return true }
            return index < result.resultCounts.count && result.resultCounts[index] != nil
        }
        guard !measured.isEmpty else {
            throw FHIRPathBenchmarkError.emptyWorkload("No pair was evaluated without error by both engines; nothing to measure.")
        }
        let loop = FHIRPathLoop(
            items: measured.map { index in
                let pair = workload.pairs[index]
                return FHIRPathLoop.Item(expression: workload.expressions[pair.expression].compiled, resource: workload.resources[pair.resource].json)
            },
            environment: environment
        )
        output.line("Kiln: \(options.warmupSeconds) s warm-up, then \(options.seconds) s measured on 1 thread…")
        _ = await loop.run(workers: 1, seconds: options.warmupSeconds)
        let single = await loop.run(workers: 1, seconds: options.seconds)
        output.line("Kiln: \(options.warmupSeconds) s warm-up, then \(options.seconds) s measured on \(options.workers) workers…")
        _ = await loop.run(workers: options.workers, seconds: options.warmupSeconds)
        let parallel = await loop.run(workers: options.workers, seconds: options.seconds)

        let report = makeReport(
            options: options, workload: workload, check: check, measuredPairs: measured.count,
            single: single, parallel: parallel, fhirpathpy: fhirpathpy, loadNotes: loadNotes
        )
        printer.results(report)
        if let path = options.jsonPath {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(report).write(to: URL(fileURLWithPath: path), options: .atomic)
            output.line("Figures written to \(path)")
        }
    }

    /// Writes the workload file, runs the fhirpathpy script on it and removes the file.
    private static func runFhirpathpy(
        _ workload: FHIRPathWorkload, check: KilnEvaluationCheck, options: FHIRPathBenchmarkOptions, output: BenchmarkOutput
    ) async -> FhirpathpyRunner.Outcome {
        let file: URL
        do {
            file = try FHIRPathWorkloadFile.write(workload, kilnResultCounts: check.resultCounts)
        } catch {
            return .skipped("the workload file for fhirpathpy could not be written: \(error)")
        }
        defer { try? FileManager.default.removeItem(at: file) }
        output.line("fhirpathpy: running \(FHIRPathBenchmarkOptions.fhirpathpyScriptPath) on the same pairs (\(options.warmupSeconds) s warm-up, \(options.seconds) s measured)…")
        let outcome = await FhirpathpyRunner(options: options).run(workload: file)
        if case .skipped(let reason) = outcome {
            output.line("fhirpathpy: NOT MEASURED — \(reason)")
        }
        return outcome
    }

    private static func makeReport(
        options: FHIRPathBenchmarkOptions,
        workload: FHIRPathWorkload,
        check: KilnEvaluationCheck,
        measuredPairs: Int,
        single: FHIRPathThroughput,
        parallel: FHIRPathThroughput,
        fhirpathpy: FhirpathpyRunner.Outcome,
        loadNotes: [String]
    ) -> FHIRPathBenchmarkReport {
        var notes = loadNotes
        var python: FHIRPathBenchmarkReport.Fhirpathpy?
        var skipped: String?
        var agreement: ResultAgreement?
        switch fhirpathpy {
        case .measured(let result):
            python = FHIRPathBenchmarkReport.Fhirpathpy(result, workload: workload)
            agreement = ResultAgreement(workload, kiln: check.resultCounts, fhirpathpy: result.resultCounts)
            if result.measuredPairs != measuredPairs {
                notes.append("fhirpathpy measured \(result.measuredPairs) pairs but Kiln \(measuredPairs); the figures are over different sets.")
            }
            if result.mode != "compile" {
                notes.append("This fhirpathpy has no compile(): it parsed each expression at every evaluation.")
            }
            notes.append("fhirpathpy runs on one Python thread; its figure compares with Kiln's 1-thread figure.")
        case .skipped(let reason):
            skipped = reason
        }
        let types = workload.resourceTypes.map { type in
            FHIRPathBenchmarkReport.TypeSummary(
                resourceType: type,
                expressions: workload.expressions.count { $0.resourceType == type },
                resources: workload.resources.count { $0.resourceType == type },
                pairs: workload.pairCount(of: type)
            )
        }
        let expectedCores = Double(min(options.workers, ProcessInfo.processInfo.activeProcessorCount))
        if parallel.coresBusy < Self.busyMachineShare * expectedCores || single.coresBusy < Self.busyMachineShare {
            notes.append("Kiln's loops kept fewer cores busy than they had workers (other processes were running, or the workers waited): the figures, and the scaling most, are lower than on a quiet machine.")
        }
        let pythonRate = python?.singleThread.evaluationsPerSecond ?? 0
        return FHIRPathBenchmarkReport(
            build: BuildConfiguration.name,
            seconds: options.seconds,
            warmupSeconds: options.warmupSeconds,
            workers: options.workers,
            activeProcessors: ProcessInfo.processInfo.activeProcessorCount,
            workload: .init(
                examplesDirectory: URL(fileURLWithPath: options.examplesDirectory).standardizedFileURL.path,
                types: types,
                expressions: workload.expressions.count,
                resources: workload.resources.count,
                pairs: workload.pairs.count,
                parseFailures: workload.parseFailures,
                parametersWithoutExpression: workload.parametersWithoutExpression
            ),
            measuredPairs: measuredPairs,
            kiln: .init(
                checkPassSeconds: check.seconds,
                evaluationFailures: check.failureCount,
                failures: check.failures,
                singleThread: single,
                allWorkers: parallel,
                scaling: single.evaluationsPerSecond > 0 ? parallel.evaluationsPerSecond / single.evaluationsPerSecond : nil
            ),
            fhirpathpy: python,
            fhirpathpySkipped: skipped,
            ratio: pythonRate > 0 ? single.evaluationsPerSecond / pythonRate : nil,
            agreement: agreement,
            notes: notes
        )
    }
}
