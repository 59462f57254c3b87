import FHIRModel
import FHIRValidation

/// Validates a workload's resources round and round until a deadline, on one or several workers
/// sharing one validator, and samples the latency of single validations.
struct ValidationLoop: Sendable {
    /// Validations between two `Task.yield()`s of a worker.
    static let validationsPerYield = 64
    /// Every this many validations one is timed for the latency figures.
    static let sampleEvery = 8

    let validator: Validator
    let workload: ValidationWorkload

    /// The figures of one measured run.
    struct Figures: Sendable {
        let workers: Int
        let validations: Int
        let withErrors: Int
        let seconds: Double
        let cpuSeconds: Double
        let latenciesMicroseconds: [Double]

        var perSecond: Double { seconds > 0 ? Double(validations) / seconds : 0 }
        var medianMicroseconds: Double {
            guard !latenciesMicroseconds.isEmpty else { return 0 }
            return latenciesMicroseconds.sorted()[latenciesMicroseconds.count / 2]
        }
        var coresBusy: Double { seconds > 0 ? cpuSeconds / seconds : 0 }
    }

    func run(workers: Int, seconds: Double) async -> Figures {
        let items = workload.items.map { ($0.resource, ValidationOptions(profiles: $0.profile.map { [$0] } ?? [])) }
        let clock = ContinuousClock()
        let cpuStart = ProcessCPUTime.now()
        let start = clock.now
        let deadline = start.advanced(by: .seconds(seconds))
        let parts = await withTaskGroup(of: (Int, Int, [Double]).self) { group in
            for worker in 0..<workers {
                let offset = items.count * worker / max(workers, 1)
                group.addTask {
                    var count = 0
                    var errors = 0
                    var latencies: [Double] = []
                    var index = offset
                    while clock.now < deadline {
                        let (resource, options) = items[index]
                        if count % Self.sampleEvery == 0 {
                            let began = clock.now
                            if validator.validate(resource, options: options).hasErrors { errors += 1 }
                            latencies.append(began.duration(to: clock.now).microseconds)
                        } else if validator.validate(resource, options: options).hasErrors {
                            errors += 1
                        }
                        count += 1
                        index = (index + 1) % items.count
                        if count % Self.validationsPerYield == 0 { await Task.yield() }
                    }
                    return (count, errors, latencies)
                }
            }
            var total = (0, 0, [Double]())
            for await part in group {
                total.0 += part.0
                total.1 += part.1
                total.2 += part.2
            }
            return total
        }
        return Figures(
            workers: workers, validations: parts.0, withErrors: parts.1,
            seconds: start.duration(to: clock.now).seconds, cpuSeconds: ProcessCPUTime.now() - cpuStart,
            latenciesMicroseconds: parts.2
        )
    }
}

extension Duration {
    /// The duration in microseconds.
    var microseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1e6 + Double(attoseconds) / 1e12
    }
}
