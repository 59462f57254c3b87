import FHIRAudit
import KilnServer
import Testing

/// The one line `kiln audit verify` prints for each verdict, and its exit status.
@Suite("Audit verification report")
struct AuditVerificationReportTests {
    private func report(_ findings: [AuditTamperFinding], records: Int64 = 300, from: Int64 = 1) -> AuditVerificationReport {
        AuditVerificationReport(startSequence: from, recordCount: records, checkpointCount: 3, head: AuditChain.genesis, findings: findings, notes: [])
    }

    @Test("Intact: records, checkpoints and head; from SEQ when it started there")
    func intact() {
        #expect(report([]).summary == "intact: 300 records, 3 checkpoints, head \(AuditChain.genesis.hex)")
        #expect(report([], records: 150, from: 151).summary.hasPrefix("intact: 150 records from 151, 3 checkpoints"))
        #expect(report([]).exitStatus == 0)
    }

    @Test("Each kind of finding has its line, and the status 1")
    func findings() {
        let cases: [(AuditTamperFinding, String)] = [
            (AuditTamperFinding(sequence: 1234, kind: .altered, detail: "d"), "altered record 1234 — d"),
            (AuditTamperFinding(sequence: 77, kind: .deleted, detail: "d"), "record 77 deleted — d"),
            (AuditTamperFinding(sequence: 5, kind: .inserted, detail: "d"), "inserted at 5 — d"),
            (AuditTamperFinding(sequence: 7, kind: .reordered, detail: "d"), "reordered at 7 — d"),
            (AuditTamperFinding(sequence: 301, kind: .truncated, detail: "d", checkpointTreeSize: 500), "truncated: checkpoint of 500 records no longer matches (log has 300) — d"),
            (AuditTamperFinding(sequence: 200, kind: .truncated, detail: "d", checkpointTreeSize: 200), "truncated: checkpoint of 200 records no longer matches (records up to 200 rewritten) — d"),
            (AuditTamperFinding(sequence: 301, kind: .truncated, detail: "d"), "truncated: the log ends at 300 — d"),
            (AuditTamperFinding(sequence: 200, kind: .badSignature, detail: "d", checkpointTreeSize: 200), "bad signature: checkpoint of 200 records — d"),
            (AuditTamperFinding(sequence: 300, kind: .missingCheckpoint, detail: "d", checkpointTreeSize: 300), "checkpoint of 300 records missing from the database — d"),
            (AuditTamperFinding(sequence: 100, kind: .alteredCheckpoint, detail: "d", checkpointTreeSize: 100), "checkpoint of 100 records differs from the checkpoint file — d"),
        ]
        for (finding, line) in cases {
            let report = report([finding])
            #expect(report.summary == line)
            #expect(report.exitStatus == 1)
            #expect(AuditVerificationExit.status(of: .success(report)) == .tampered)
        }
    }

    @Test("An error is unreadable: status 2")
    func unreadable() {
        struct Unreachable: Error {}
        #expect(AuditVerificationExit.status(of: .failure(Unreachable())).rawValue == 2)
    }
}
