import FHIRDefinitions
import FHIRPath
import Synchronization

/// What a validator computes once and reuses across calls: snapshot indexes by definition URL
/// and compiled invariant expressions by text.
final class ValidatorCache: Sendable {
    private let indexes = Mutex<[String: SnapshotIndex]>([:])
    private let expressions = Mutex<[String: CompiledInvariant]>([:])

    /// The index of `definition`'s snapshot, built on first use.
    func index(of definition: StructureDefinition) -> SnapshotIndex {
        let key = definition.url + "|" + (definition.version ?? "")
        if let index = indexes.withLock({ $0[key] }), index.definition == definition { return index }
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
