import Testing

// The access matrix: role × scopes × interaction × path, each cell one real HTTP request to a
// server with authorization on, its answer written by hand. 373 cells:
//
//   read 40, vread 16, instance history 13, type history 17, system history 13        =  99
//   search 29, _include 15, _revinclude 15, :iterate 13, chain 15, _has 15,
//   system search 17, batch of reads 13                                                = 132
//   create 30, update 23, patch 9, delete 15, conditional update 12,
//   conditional delete 11, transaction 19, batch that writes 6,
//   versions of moved resources 17                                                     = 142
//
// Every response of a caller that may not see the hidden patient p2-canary is checked for its
// content ("zebrafinch") and, outside links and error messages, its ids ("canary").

@Suite("Access matrix: reads by id and history (99 cells)", .accessMatrixServer(.records))
struct AccessMatrixReadTests {
    @Test("read: 40 cells", arguments: AccessMatrixCases.read)
    func read(_ cell: Cell) async throws {
        try await AccessMatrixFixture.check(cell)
    }

    @Test("vread: 16 cells", arguments: AccessMatrixCases.vread)
    func vread(_ cell: Cell) async throws {
        try await AccessMatrixFixture.check(cell)
    }

    @Test("instance history: 13 cells", arguments: AccessMatrixCases.instanceHistory)
    func instanceHistory(_ cell: Cell) async throws {
        try await AccessMatrixFixture.check(cell)
    }

    @Test("type history: 17 cells", arguments: AccessMatrixCases.typeHistory)
    func typeHistory(_ cell: Cell) async throws {
        try await AccessMatrixFixture.check(cell)
    }

    @Test("system history: 13 cells", arguments: AccessMatrixCases.systemHistory)
    func systemHistory(_ cell: Cell) async throws {
        try await AccessMatrixFixture.check(cell)
    }
}

@Suite("Access matrix: searches and batches of reads (132 cells)", .accessMatrixServer(.records))
struct AccessMatrixSearchTests {
    @Test("search: 29 cells", arguments: AccessMatrixCases.search)
    func search(_ cell: Cell) async throws {
        try await AccessMatrixFixture.check(cell)
    }

    @Test("_include: 15 cells", arguments: AccessMatrixCases.include)
    func include(_ cell: Cell) async throws {
        try await AccessMatrixFixture.check(cell)
    }

    @Test("_revinclude: 15 cells", arguments: AccessMatrixCases.revinclude)
    func revinclude(_ cell: Cell) async throws {
        try await AccessMatrixFixture.check(cell)
    }

    @Test("_include:iterate and _revinclude:iterate: 13 cells", arguments: AccessMatrixCases.includeIterate)
    func includeIterate(_ cell: Cell) async throws {
        try await AccessMatrixFixture.check(cell)
    }

    @Test("chained search: 15 cells", arguments: AccessMatrixCases.chain)
    func chain(_ cell: Cell) async throws {
        try await AccessMatrixFixture.check(cell)
    }

    @Test("_has: 15 cells", arguments: AccessMatrixCases.has)
    func has(_ cell: Cell) async throws {
        try await AccessMatrixFixture.check(cell)
    }

    @Test("system search with _type: 17 cells", arguments: AccessMatrixCases.systemSearch)
    func systemSearch(_ cell: Cell) async throws {
        try await AccessMatrixFixture.check(cell)
    }

    @Test("batch of reads: 13 cells", arguments: AccessMatrixCases.batchRead)
    func batchRead(_ cell: Cell) async throws {
        try await AccessMatrixFixture.check(cell)
    }
}

@Suite("Access matrix: writes, batches and transactions (142 cells)", .accessMatrixServer(.recordsAndWriteTargets))
struct AccessMatrixWriteTests {
    @Test("create: 30 cells", arguments: AccessMatrixCases.create)
    func create(_ cell: Cell) async throws {
        try await AccessMatrixFixture.check(cell)
    }

    @Test("update: 23 cells", arguments: AccessMatrixCases.update)
    func update(_ cell: Cell) async throws {
        try await AccessMatrixFixture.check(cell)
    }

    @Test("patch: 9 cells", arguments: AccessMatrixCases.patch)
    func patch(_ cell: Cell) async throws {
        try await AccessMatrixFixture.check(cell)
    }

    @Test("delete: 15 cells", arguments: AccessMatrixCases.delete)
    func delete(_ cell: Cell) async throws {
        try await AccessMatrixFixture.check(cell)
    }

    @Test("conditional update: 12 cells", arguments: AccessMatrixCases.conditionalUpdate)
    func conditionalUpdate(_ cell: Cell) async throws {
        try await AccessMatrixFixture.check(cell)
    }

    @Test("conditional delete: 11 cells", arguments: AccessMatrixCases.conditionalDelete)
    func conditionalDelete(_ cell: Cell) async throws {
        try await AccessMatrixFixture.check(cell)
    }

    @Test("transaction: 19 cells", arguments: AccessMatrixCases.transaction)
    func transaction(_ cell: Cell) async throws {
        try await AccessMatrixFixture.check(cell)
    }

    @Test("batch that writes: 6 cells", arguments: AccessMatrixCases.batchWrite)
    func batchWrite(_ cell: Cell) async throws {
        try await AccessMatrixFixture.check(cell)
    }

    @Test("versions of resources moved between compartments or categories: 17 cells", arguments: AccessMatrixCases.movedVersions)
    func movedVersions(_ cell: Cell) async throws {
        try await AccessMatrixFixture.check(cell)
    }
}

@Suite("Access matrix: its size and coverage")
struct AccessMatrixCoverageTests {
    /// Every path with the number of cells its test name states.
    static let paths: [(name: String, cells: [Cell], stated: Int)] = [
        ("read", AccessMatrixCases.read, 40), ("vread", AccessMatrixCases.vread, 16),
        ("instance history", AccessMatrixCases.instanceHistory, 13), ("type history", AccessMatrixCases.typeHistory, 17),
        ("system history", AccessMatrixCases.systemHistory, 13),
        ("search", AccessMatrixCases.search, 29), ("_include", AccessMatrixCases.include, 15),
        ("_revinclude", AccessMatrixCases.revinclude, 15), (":iterate", AccessMatrixCases.includeIterate, 13),
        ("chain", AccessMatrixCases.chain, 15), ("_has", AccessMatrixCases.has, 15),
        ("system search", AccessMatrixCases.systemSearch, 17), ("batch of reads", AccessMatrixCases.batchRead, 13),
        ("create", AccessMatrixCases.create, 30), ("update", AccessMatrixCases.update, 23), ("patch", AccessMatrixCases.patch, 9),
        ("delete", AccessMatrixCases.delete, 15), ("conditional update", AccessMatrixCases.conditionalUpdate, 12),
        ("conditional delete", AccessMatrixCases.conditionalDelete, 11), ("transaction", AccessMatrixCases.transaction, 19),
        ("batch that writes", AccessMatrixCases.batchWrite, 6), ("versions of moved resources", AccessMatrixCases.movedVersions, 17),
    ]

    @Test("373 cells; the stated counts are the real ones")
    func size() {
        for path in Self.paths {
            #expect(path.cells.count == path.stated, "\(path.name): \(path.cells.count) cells, the test name says \(path.stated)")
        }
        #expect(Self.paths.map(\.cells.count).reduce(0, +) == 373)
    }

    @Test("Every path has an allowed caller, a confined caller, a caller its scopes or role refuse, and every role")
    func coverage() {
        for path in Self.paths {
            let allowed = path.cells.contains { cell in
                switch cell.expect {
                case .ok, .total, .resource, .created, .entries: true
                case .status(let status): status == 204
                }
            }
            let confined = path.cells.contains { [.patient, .clinician].contains($0.role) || $0.launchPatient != nil }
            let refused = path.cells.contains { cell in
                if case .status(403) = cell.expect { return cell.role != .researcher }
                if case .entries(let statuses, _) = cell.expect { return statuses.contains(403) }
                return false
            }
            #expect(allowed, "\(path.name): no allowed caller")
            #expect(confined, "\(path.name): no compartment-confined caller")
            #expect(refused, "\(path.name): no caller refused by its scopes")
            let roles = Set(path.cells.map(\.role))
            #expect(roles == Set(MatrixRole.allCases), "\(path.name): roles missing: \(Set(MatrixRole.allCases).subtracting(roles).map(\.rawValue))")
        }
    }
}
