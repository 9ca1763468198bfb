#if canImport(Glibc)
import Glibc
#endif

/// Invariant checks that crash, so that libFuzzer keeps the input that broke them (a precondition's message is
/// dropped in optimised builds; this prints it first).
enum FuzzCheck {
    static func say(_ text: String) {
        var line = text + "\n"
        line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }

    static func require(_ condition: @autoclosure () -> Bool, _ what: @autoclosure () -> String) {
        guard condition() else {
            say("qingxi-fuzz: invariant failed: " + what())
            fatalError("invariant failed")
        }
    }

    /// Two runs that must agree; on disagreement prints both, abbreviated.
    static func same<T: Equatable>(_ a: T, _ b: T, _ what: String) {
        guard a != b else { return }
        say("qingxi-fuzz: invariant failed: \(what)\n--- first:\n\(String(describing: a).prefix(2000))\n--- second:\n\(String(describing: b).prefix(2000))")
        fatalError("invariant failed: \(what)")
    }
}
