import Crypto
import FHIRAudit
import Testing

/// The hash chain over audit records, and the appender that writes it.
@Suite("Audit chain")
struct AuditChainTests {
    @Test("The genesis is SHA-256 of the UTF-8 text kiln-audit-chain-v1")
    func genesis() {
        #expect(AuditChain.genesisText == "kiln-audit-chain-v1")
        #expect(AuditChain.genesis.hex == "045809d0b378d6c84d75b7746d4300732d3f280e5a7153db3b5250c5110035c7")
        #expect(AuditChain.genesis.bytes == Array(SHA256.hash(data: Array("kiln-audit-chain-v1".utf8))))
    }

    @Test("A link is SHA-256(previous ‖ sequence as 8 bytes big-endian ‖ SHA-256(canonical bytes))")
    func linkDefinition() {
        let bytes = Array(#"{"action":"read"}"#.utf8)
        let sequence: Int64 = 0x0102_0304_0506_0708
        let expected = SHA256.hash(data: AuditChain.genesis.bytes + [1, 2, 3, 4, 5, 6, 7, 8] + Array(SHA256.hash(data: bytes)))
        #expect(AuditChain.chainHash(previous: AuditChain.genesis, sequence: sequence, canonicalBytes: bytes).bytes == Array(expected))
    }

    @Test("A link depends on the previous hash, the sequence and every byte")
    func linkSensitivity() {
        let bytes = Array("record".utf8)
        let link = AuditChain.chainHash(previous: AuditChain.genesis, sequence: 1, canonicalBytes: bytes)
        #expect(link != AuditChain.chainHash(previous: link, sequence: 1, canonicalBytes: bytes))
        #expect(link != AuditChain.chainHash(previous: AuditChain.genesis, sequence: 2, canonicalBytes: bytes))
        #expect(link != AuditChain.chainHash(previous: AuditChain.genesis, sequence: 1, canonicalBytes: Array("recorD".utf8)))
    }

    @Test("The appender numbers records from 1 and links each to the one before")
    func appender() {
        var log = AuditLogAppender()
        #expect(log.treeSize == 0 && log.chainHead == AuditChain.genesis && log.root == MerkleHash.emptyRoot)
        var previous = AuditChain.genesis
        for sequence in Int64(1)...5 {
            let bytes = Array("record \(sequence)".utf8)
            let record = log.append(canonicalBytes: bytes)
            #expect(record.sequence == sequence && record.canonicalBytes == bytes)
            #expect(record.chainHash == AuditChain.chainHash(previous: previous, sequence: sequence, canonicalBytes: bytes))
            #expect(log.chainHead == record.chainHash && log.lastSequence == sequence)
            previous = record.chainHash
        }
    }

    @Test("The appender's root is the Merkle root over the records' canonical bytes")
    func appenderRoot() {
        var log = AuditLogAppender()
        var leaves: [[UInt8]] = []
        for index in 0..<13 {
            let bytes = Array("record \(index)".utf8)
            let record = log.append(canonicalBytes: bytes)
            leaves.append(bytes)
            #expect(record.leafHash == MerkleHash.leafHash(bytes))
            #expect(log.root == MerkleHash.root(ofLeaves: leaves))
        }
    }
}
