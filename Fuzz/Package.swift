// swift-tools-version: 6.0
import PackageDescription

// libFuzzer targets for qingxi (docs/fuzzing.md). A package of its own so that the root package's `swift build`
// and `swift test` never see sanitizer flags; `scripts/fuzz` builds it with `-sanitize=fuzzer,address` into
// `.build-fuzz`. One executable holds every target; QINGXI_FUZZ_TARGET picks one (`scripts/fuzz --list`).
let package = Package(
    name: "qingxi-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "qingxi", path: "..")],
    targets: [
        .executableTarget(
            name: "QingxiFuzz",
            dependencies: [.product(name: "QingxiCore", package: "qingxi")],
            // main.swift hands over to libFuzzer's driver (LLVMFuzzerRunDriver): SwiftPM makes top-level code `main`.
            // ld.gold fails on the sanitized link (an internal error in its DWARF reader); lld links it.
            linkerSettings: [.unsafeFlags(["-use-ld=lld"])]
        ),
    ]
)
