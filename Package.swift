// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "qingxi",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "qingxi", targets: ["qingxi"]),
        .library(name: "QingxiCore", targets: ["QingxiCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The only place that includes <unicode/*.h>; its public header is opaque (see NOTES: Foundation bundles
        // its own ICU, so ICU headers must never reach a Swift module).
        .target(
            name: "CICUShim",
            linkerSettings: [
                .linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"),
            ]
        ),
        // The only place that includes <zlib.h> (gzip, tar.gz and ZIP for `qingxi batch`); opaque like CICUShim.
        .target(
            name: "CZlibShim",
            linkerSettings: [.linkedLibrary("z")]
        ),
        // The system SQLite (libsqlite3-dev), for `qingxi index` and `qingxi search` (FTS5). Its header is safe to
        // expose to Swift; the shim only adds what Swift cannot import (SQLITE_TRANSIENT).
        .target(
            name: "CSQLiteShim",
            linkerSettings: [.linkedLibrary("sqlite3")]
        ),
        .target(
            name: "QingxiCore",
            dependencies: ["CICUShim", "CZlibShim", "CSQLiteShim"],
            // No run-time exclusivity checks in release builds: the per-line code touches class properties (reader,
            // stripper, fold state) millions of times, and each dynamic check is a call into the runtime's access set
            // (9% of strip's instructions on page dumps). Static checks still apply; debug builds (the tests) keep
            // the dynamic ones. A root package (and Fuzz's path dependency on it) may use unsafe flags.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .executableTarget(
            name: "qingxi",
            dependencies: ["QingxiCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "QingxiCoreTests", dependencies: ["QingxiCore", "CICUShim"]),
        .testTarget(name: "QingxiCLITests", dependencies: ["QingxiCore", "qingxi"]),
    ]
)
