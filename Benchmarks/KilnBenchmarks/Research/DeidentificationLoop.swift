import FHIRDeidentify
import FHIRModel
import Foundation

/// One in-process loop: `engine` de-identifies `resource` again and again on the calling task
/// until the time is up. The engine, the context and the parsed resource are made before the
/// clock starts, so the loop measures the engine alone (no parsing, no serializing).
struct DeidentificationLoop: Sendable {
    /// Iterations between looks at the clock.
    static let clockStride = 16
    /// Unmeasured iterations first (the terminology reads its tables on first use).
    static let warmupIterations = 200

    /// The engine, with its profile and pseudonyms.
    let engine: DeidentificationEngine
    /// The reference date and, for a date-shifting profile, the patient's offset.
    let context: DeidentificationContext
    /// The resource, as stored.
    let resource: JSONValue
    /// Its type.
    let resourceType: String

    /// Runs the loop for `seconds` and returns its figures; throws when the engine refuses the
    /// resource (the benchmark would measure an error path).
    func run(seconds: Double) throws -> DeidentificationFigures {
        let first = try engine.deidentify(resource, context: context)
        for _ in 0..<Self.warmupIterations { _ = try engine.deidentify(resource, context: context) }
        let clock = ContinuousClock()
        let limit = Duration.seconds(seconds)
        let started = clock.now
        var count = 0
        var elapsed = Duration.zero
        while elapsed < limit {
            for _ in 0..<Self.clockStride {
                _ = try engine.deidentify(resource, context: context)
            }
            count += Self.clockStride
            elapsed = clock.now - started
        }
        let serializer = JSONSerializer()
        return DeidentificationFigures(
            profile: engine.rules.name, resourceType: resourceType, resources: count, seconds: elapsed.seconds,
            inputBytes: serializer.serialize(resource).count, outputBytes: serializer.serialize(first.json).count,
            labels: first.labels.map(\.rawValue)
        )
    }
}
