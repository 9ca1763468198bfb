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
        .target(
            name: "QingxiCore",
            dependencies: ["CICUShim", "CZlibShim"]
        ),
        .executableTarget(
            name: "qingxi",
            dependencies: ["QingxiCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "QingxiCoreTests", dependencies: ["QingxiCore", "CICUShim"]),
        .testTarget(name: "QingxiCLITests", dependencies: ["QingxiCore", "qingxi"]),
    ]
)
