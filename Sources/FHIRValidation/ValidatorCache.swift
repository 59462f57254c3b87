import FHIRDefinitions
import FHIRPath
import Synchronization

/// What a validator computes once and reuses across calls: snapshot indexes by definition URL
/// and compiled invariant expressions by text.
final class ValidatorCache: Sendable {
    private let indexes = Mutex<[String: SnapshotIndex]>([:])
    private let expressions = Mutex<[String: CompiledInvariant]>([:])
    private let resourceTypes = Mutex<[String: Bool]>([:])

    /// Whether `typeName` is a resource type, remembered after the first lookup.
    func isResource(_ typeName: String, lookup: () -> Bool) -> Bool {
        if let known = resourceTypes.withLock({ $0[typeName] }) { return known }
        let answer = lookup()
        resourceTypes.withLock { $0[typeName] = answer }
        return answer
    }

    /// The index of `definition`'s snapshot, built on first use. The key tells apart a definition
    /// registered again under the same URL with a different snapshot.
    func index(of definition: StructureDefinition) -> SnapshotIndex {
        let key = "\(definition.url)|\(definition.version ?? "")|\(definition.snapshot.count)|\(definition.snapshot.last?.id ?? "")|\(definition.differential.count)"
        if let index = indexes.withLock({ $0[key] }) { return index }
        let index = SnapshotIndex(definition)
        indexes.withLock { $0[key] = index }
        return index
    }

    /// The compiled form of an invariant expression; a failure to compile is kept too.
    func invariant(_ text: String) -> CompiledInvariant {
        if let compiled = expressions.withLock({ $0[text] }) { return compiled }
        let compiled: CompiledInvariant
        do {
            compiled = .compiled(try FHIRPathExpression(text, options: .standard))
        } catch {
            compiled = .failed(error.message)
        }
        expressions.withLock { $0[text] = compiled }
        return compiled
    }
}

/// An invariant's expression, compiled or with the reason it could not be.
enum CompiledInvariant: Sendable {
    case compiled(FHIRPathExpression)
    case failed(String)
}
