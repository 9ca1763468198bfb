#if canImport(Glibc)
import Glibc
#endif

/// The progress line on stderr while batch runs (only when asked, normally when stderr is a terminal):
/// articles, articles/s, MB/s of article text, share of input bytes read and ETA. Redrawn at most twice a
/// second, cleared at the end.
final class ProgressMeter {
    private let enabled: Bool
    private let totalDiskBytes: Int
    private let writer = OutputWriter(fd: 2, name: "<stderr>", capacity: 256)
    private let started = Clock.now
    private lazy var lastDrawn = started
    private var drawn = false

    init(enabled: Bool, totalDiskBytes: Int) {
        self.enabled = enabled
        self.totalDiskBytes = totalDiskBytes
    }

    /// `run` holds this run's counts (not those of an interrupted earlier run).
    func update(_ run: BatchStats, diskBytesDone: Int) {
        guard enabled else { return }
        let now = Clock.now
        guard now - lastDrawn >= 0.5 else { return }
        lastDrawn = now
        let elapsed = max(now - started, 0.001)
        var line = "\r\(Self.grouped(run.articlesIn)) articles  \(Self.grouped(Int(Double(run.articlesIn) / elapsed)))/s  "
        line += "\(Self.oneDecimal(Double(run.bytesIn) / elapsed / 1e6)) MB/s"
        if totalDiskBytes > 0 && diskBytesDone > 0 {
            let share = min(1, Double(diskBytesDone) / Double(totalDiskBytes))
            let eta = elapsed * (1 - share) / max(share, 1e-9)
            line += "  \(Int(share * 100))%  ETA \(Self.clock(eta))"
        }
        try? writer.write(line + "\u{1B}[K")
        try? writer.flush()
        drawn = true
    }

    func clear() {
        guard drawn else { return }
        try? writer.write("\r\u{1B}[K")
        try? writer.flush()
    }

    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }

    static func oneDecimal(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return "\(s / 3600):\(String(s / 60 % 60).leftPadded(to: 2)):\(String(s % 60).leftPadded(to: 2))"
    }
}
