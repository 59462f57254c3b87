// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "kiln",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kiln", targets: ["kiln"]),
        .library(name: "FHIRModel", targets: ["FHIRModel"]),
        .library(name: "FHIRDefinitions", targets: ["FHIRDefinitions"]),
        .library(name: "FHIRPath", targets: ["FHIRPath"]),
        .library(name: "FHIRTerminology", targets: ["FHIRTerminology"]),
        .library(name: "FHIRValidation", targets: ["FHIRValidation"]),
        .library(name: "FHIRAccess", targets: ["FHIRAccess"]),
        .library(name: "FHIRConsent", targets: ["FHIRConsent"]),
        .library(name: "FHIRDeidentify", targets: ["FHIRDeidentify"]),
        .library(name: "SMARTAuth", targets: ["SMARTAuth"]),
        .library(name: "FHIRSearch", targets: ["FHIRSearch"]),
        .library(name: "FHIRStore", targets: ["FHIRStore"]),
        .library(name: "KilnServer", targets: ["KilnServer"]),
        .library(name: "KilnTesting", targets: ["KilnTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
    ],
    targets: [
        // Pure modules: no I/O beyond reading definitions at start-up.
        .target(
            name: "FHIRModel",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FHIRDefinitions",
            dependencies: ["FHIRModel"],
            swiftSettings: swiftSettings
        ),
        // UCUM units: parsing, canonical form, conversion; the essence compiled into source.
        .target(
            name: "UCUM",
            swiftSettings: swiftSettings
        ),
        // FHIRPath: parsing, type-aware evaluation over JSON resources; quantities through UCUM.
        .target(
            name: "FHIRPath",
            dependencies: ["FHIRModel", "FHIRDefinitions", "UCUM"],
            swiftSettings: swiftSettings
        ),
        // Code systems, value sets and concept maps: lookup, validate-code, expand, subsumes, translate.
        .target(
            name: "FHIRTerminology",
            dependencies: ["FHIRModel", "UCUM"],
            swiftSettings: swiftSettings
        ),
        // Instance validation against base definitions and profiles.
        .target(
            name: "FHIRValidation",
            dependencies: ["FHIRModel", "FHIRDefinitions", "FHIRPath", "FHIRTerminology", "UCUM"],
            swiftSettings: swiftSettings
        ),
        // Principals, access requests and decisions: the one place every read and write asks.
        .target(
            name: "FHIRAccess",
            dependencies: ["FHIRModel"],
            swiftSettings: swiftSettings
        ),
        // Patients' Consents: the rules a written Consent keeps, its compiled form and the
        // evaluation that decides (and explains) what a request may see.
        .target(
            name: "FHIRConsent",
            dependencies: ["FHIRModel"],
            swiftSettings: swiftSettings
        ),
        // The research view's de-identification: a versioned allowlist of rules (keep, drop,
        // pseudonymize, generalize, date-shift, substitute) applied to resources, keyed pseudonyms.
        .target(
            name: "FHIRDeidentify",
            dependencies: [
                "FHIRModel",
                "FHIRDefinitions",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // The tamper-evident audit log's pure core: RFC 6962 Merkle trees and proofs, the hash
        // chain over records, signed checkpoints and the streaming verifier.
        .target(
            name: "FHIRAudit",
            dependencies: [
                "FHIRModel",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // SMART on FHIR scopes and roles, the access policy over them, and the authorization
        // server's tokens and credentials (JWT signing and verification, client assertions,
        // PKCE, password hashes): pure, no I/O.
        .target(
            name: "SMARTAuth",
            dependencies: [
                "FHIRAccess",
                "FHIRConsent",
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // Search: index extraction, query parsing, and the compiler from query + access filter to SQL.
        .target(
            name: "FHIRSearch",
            dependencies: ["FHIRModel", "FHIRDefinitions", "FHIRPath", "FHIRTerminology", "FHIRAccess", "UCUM"],
            swiftSettings: swiftSettings
        ),
        // Storage over PostgreSQL, including the embedded local cluster.
        .target(
            name: "FHIRStore",
            dependencies: [
                "FHIRModel",
                "FHIRAudit",
                "FHIRDefinitions",
                "FHIRAccess",
                "FHIRConsent",
                "FHIRSearch",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The HTTP application.
        .target(
            name: "KilnServer",
            dependencies: [
                "FHIRModel",
                "FHIRDefinitions",
                "FHIRTerminology",
                "FHIRValidation",
                "FHIRAccess",
                "FHIRConsent",
                "FHIRDeidentify",
                "FHIRSearch",
                "FHIRStore",
                "SMARTAuth",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Throwaway PostgreSQL + live server + HTTP client for every test target and the benchmark.
        .target(
            name: "KilnTesting",
            dependencies: [
                "FHIRAccess",
                "FHIRModel",
                "FHIRDefinitions",
                "FHIRStore",
                "FHIRTerminology",
                "KilnServer",
                "SMARTAuth",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KilnBenchmarks",
            dependencies: [
                "FHIRAccess",
                "FHIRDeidentify",
                "FHIRModel",
                "FHIRDefinitions",
                "FHIRPath",
                "FHIRSearch",
                "FHIRStore",
                "FHIRValidation",
                "FHIRTerminology",
                "KilnServer",
                "KilnTesting",
                "SMARTAuth",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/KilnBenchmarks",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "kiln",
            dependencies: [
                "FHIRAccess",
                "FHIRConsent",
                "FHIRDeidentify",
                "FHIRModel",
                "FHIRDefinitions",
                "FHIRTerminology",
                "FHIRValidation",
                "FHIRPath",
                "FHIRSearch",
                "FHIRStore",
                "KilnServer",
                "KilnBenchmarks",
                "SMARTAuth",
                "UCUM",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Where the tests find their data: Tests/Fixtures, and KILN_FHIR_DATA for the compiler round trips.
        .target(
            name: "KilnFixtures",
            path: "Tests/KilnFixtures",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RepositoryTests",
            dependencies: ["KilnFixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FHIRModelTests",
            dependencies: ["FHIRModel"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FHIRDefinitionsTests",
            dependencies: ["FHIRModel", "FHIRDefinitions", "KilnFixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "UCUMTests",
            dependencies: ["UCUM", "KilnFixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FHIRPathTests",
            dependencies: ["FHIRModel", "FHIRDefinitions", "FHIRPath", "UCUM", "KilnFixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FHIRTerminologyTests",
            dependencies: ["FHIRModel", "FHIRTerminology", "UCUM", "KilnFixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FHIRValidationTests",
            dependencies: ["FHIRModel", "FHIRDefinitions", "FHIRPath", "FHIRTerminology", "FHIRValidation", "KilnFixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FHIRSearchTests",
            dependencies: ["FHIRModel", "FHIRDefinitions", "FHIRPath", "FHIRTerminology", "FHIRAccess", "FHIRSearch", "UCUM", "KilnFixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FHIRConsentTests",
            dependencies: ["FHIRConsent", "FHIRModel"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FHIRDeidentifyTests",
            dependencies: ["FHIRDeidentify", "FHIRDefinitions", "FHIRModel", "KilnFixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FHIRAuditTests",
            dependencies: [
                "FHIRAudit", "FHIRModel", "FHIRDefinitions", "FHIRValidation", "FHIRTerminology", "KilnFixtures",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SMARTAuthTests",
            dependencies: [
                "FHIRAccess", "SMARTAuth",
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FHIRStoreTests",
            dependencies: ["FHIRAccess", "FHIRAudit", "FHIRModel", "FHIRDefinitions", "FHIRSearch", "FHIRStore", "KilnTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KilnServerTests",
            dependencies: [
                "FHIRAccess", "FHIRAudit", "FHIRModel", "FHIRDefinitions", "FHIRDeidentify", "FHIRSearch", "FHIRStore", "FHIRTerminology", "KilnServer", "KilnTesting", "SMARTAuth",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
