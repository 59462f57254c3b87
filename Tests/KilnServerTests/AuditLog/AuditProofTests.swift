import FHIRAudit
import FHIRModel
import FHIRStore
import Foundation
import KilnServer
import Testing

/// `$proof`: the inclusion proof of a record in the latest checkpoint's tree, checked the way
/// a client offline would, from the Parameters alone.
@Suite("Audit inclusion proofs", .serialized)
struct AuditProofTests {
    typealias DB = AuditLogTestDatabase

    /// What a client does with the Parameters: hash the canonical bytes as a leaf, fold the
    /// path to the root, and check the checkpoint's root and signature.
    private func checkOffline(_ parameters: JSONValue, publicKeys: [AuditPublicKey]) throws -> (leafIndex: Int, treeSize: Int) {
        #expect(parameters["resourceType"]?.stringValue == "Parameters")
        let list = try #require(parameters["parameter"]?.arrayValue)
        func values(_ name: String) -> [JSONValue] { list.filter { $0["name"]?.stringValue == name } }
        let leafIndex = try #require(values("leafIndex").first?["valueInteger"]?.numberValue?.intValue)
        let treeSize = try #require(values("treeSize").first?["valueInteger"]?.numberValue?.intValue)
        let path = try values("path").map { try #require(AuditDigest(hex: $0["valueString"]?.stringValue ?? "")) }
        let canonical = try #require(Data(base64Encoded: values("canonical").first?["valueBase64Binary"]?.stringValue ?? ""))
        let checkpointText = try #require(values("checkpoint").first?["valueString"]?.stringValue)
        let checkpoint = try AuditCheckpoint(jsonData: Data(checkpointText.utf8))
        let root = try #require(AuditDigest(hex: values("root").first?["valueString"]?.stringValue ?? ""))
        #expect(root == checkpoint.root)
        #expect(Int64(treeSize) == checkpoint.treeSize)
        #expect(values("leafHash").first?["valueString"]?.stringValue == MerkleHash.leafHash(Array(canonical)).hex)
        let proof = MerkleInclusionProof(leafIndex: leafIndex, treeSize: treeSize, path: path)
        #expect(proof.verify(leafHash: MerkleHash.leafHash(Array(canonical)), root: checkpoint.root))
        let key = try #require(publicKeys.first { $0.keyID == checkpoint.keyID })
        #expect(checkpoint.hasValidSignature(publicKey: key.publicKey))
        return (leafIndex, treeSize)
    }

    @Test("Every kind of position in a tree of 300 has a proof that verifies offline against the signed checkpoint")
    func proofsVerify() async throws {
        try await DB.with { db in
            let records = try await db.append(300)
            var checkpointer = try db.checkpointer(records: 300)
            try await checkpointer.catchUp()
            let keys = try await db.keys.publicKeys()
            // Blocks of 16 records, so that cached blocks, partial blocks and single leaves all take part.
            let cache = AuditSubtreeCache(blockSize: 16)
            let leafHashes = records.map { MerkleHash.leafHash($0.canonical) }
            for number in [1, 2, 16, 17, 150, 256, 257, 299, 300] {
                let record = records[number - 1]
                let parameters = try await AuditProofs.inclusionProof(log: db.log, recordID: record.id, cache: cache)
                let checked = try checkOffline(parameters, publicKeys: keys)
                #expect(checked.leafIndex == number - 1 && checked.treeSize == 300)
                // The same path as FHIRAudit's proof over all the leaf hashes, with or without the cache.
                let expected = try MerkleInclusionProof(leafIndex: number - 1, leafHashes: leafHashes)
                #expect(try await AuditProofs.proof(log: db.log, recordID: record.id, cache: cache).proof == expected)
                #expect(try await AuditProofs.proof(log: db.log, recordID: record.id).proof == expected)
            }
            let parameters = try await AuditProofs.inclusionProof(log: db.log, recordID: records[0].id)
            let names = parameters["parameter"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            #expect(names.first == "record" && names.last == "canonical" && names.contains("checkpoint"))
            #expect(parameters["parameter"]?.arrayValue?.first?["valueReference"]?["reference"]?.stringValue == "AuditEvent/\(records[0].id)")
        }
    }

    @Test("The proof uses the latest checkpoint; a record after it gets 409, an unknown id 404")
    func notYetCheckpointed() async throws {
        try await DB.with { db in
            let records = try await db.append(120)
            await #expect(throws: AuditProofError.notYetCheckpointed(sequence: 1, treeSize: nil)) {
                try await AuditProofs.inclusionProof(log: db.log, recordID: records[0].id)
            }
            var checkpointer = try db.checkpointer(records: 50)
            try await checkpointer.catchUp()
            #expect(try await AuditProofs.proof(log: db.log, recordID: records[9].id).proof.treeSize == 100)
            do throws(AuditProofError) {
                _ = try await AuditProofs.inclusionProof(log: db.log, recordID: records[109].id)
                Issue.record("a record after the latest checkpoint has no proof")
            } catch {
                #expect(error == .notYetCheckpointed(sequence: 110, treeSize: 100))
                #expect(error.fhirError.status == 409)
            }
            do throws(AuditProofError) {
                _ = try await AuditProofs.inclusionProof(log: db.log, recordID: "nobody")
                Issue.record("an unknown record has no proof")
            } catch {
                #expect(error.fhirError.status == 404)
            }
        }
    }

    @Test("A record changed after the checkpoint gets no proof that would not verify")
    func changedRecord() async throws {
        try await DB.with { db in
            let records = try await db.append(40)
            var checkpointer = try db.checkpointer(records: 40)
            try await checkpointer.catchUp()
            try await db.tamper(["UPDATE audit_record SET canonical = set_byte(canonical, 40, get_byte(canonical, 40) # 1) WHERE seq = 7"])
            await #expect(throws: AuditProofError.self) { try await AuditProofs.inclusionProof(log: db.log, recordID: records[6].id) }
        }
    }
}
