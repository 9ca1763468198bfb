#if canImport(Glibc)
import Glibc
#endif

// The fuzzer's entry point. SwiftPM links an executable's top-level code as its `main`, so this hands the
// command line to libFuzzer's driver (`LLVMFuzzerRunDriver`, the documented way to run libFuzzer from a
// program with a main of its own). The target is chosen first, from QINGXI_FUZZ_TARGET (`scripts/fuzz TARGET
// SECONDS` sets it): an unknown or missing name lists the targets and exits 2.

typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: FuzzCallback) -> CInt

if CommandLine.arguments.dropFirst().first == "--list" {
    for target in FuzzTargets.all { print(target.name + String(repeating: " ", count: max(1, 10 - target.name.count)) + target.summary) }
    exit(0)
}
_ = FuzzTargets.selected
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    FuzzTargets.selected.run(FuzzInput(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))))
    return 0
})
