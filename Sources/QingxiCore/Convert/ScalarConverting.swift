/// A converter that works on a paragraph decoded to Unicode scalars (both engines: `CompiledTransliterator`
/// for exact ICU, `SegmentingConverter` for the corrected default). Engines write UTF-8 straight into an output
/// buffer that `StringConverter` sizes: at least `input.count * 4 * maxExpansion` bytes.
public protocol ScalarConverting: AnyObject {
    /// The largest ratio of replacement length to key length among the engine's rules (at least 1).
    var maxExpansion: Int { get }
    /// Converts `input`, writing UTF-8 to `output`; returns the number of bytes written.
    func convert(_ input: UnsafeBufferPointer<UInt32>, into output: UnsafeMutablePointer<UInt8>) -> Int
}

/// Converts whole strings with a `ScalarConverting` engine, reusing its buffers across calls, so one instance
/// must not be shared between threads.
public final class StringConverter {
    private let engine: ScalarConverting
    private let uconvChunks: Bool
    private var scalars: [UInt32] = []
    private var output: UnsafeMutablePointer<UInt8>
    private var outputCapacity: Int

    /// With `uconvChunks`, text is cut the way `uconv -x` cuts it before transliterating (see
    /// `isUconvChunkEnd`), and each piece is converted on its own.
    public init(engine: ScalarConverting, uconvChunks: Bool = false) {
        self.engine = engine
        self.uconvChunks = uconvChunks
        outputCapacity = 1 << 16
        output = .allocate(capacity: outputCapacity)
    }

    deinit { output.deallocate() }

    /// The converted text. ASCII-only text is returned as is (no rule touches ASCII).
    public func convert(_ text: String) -> String {
        var text = text
        return text.withUTF8 { utf8 in
            if Self.isASCII(utf8) { return String(decoding: utf8, as: UTF8.self) }
            scalars.removeAll(keepingCapacity: true)
            UTF8Decoding.appendScalars(of: utf8, to: &scalars)
            let written = convertScalars()
            // The engines encode scalars of the input (a `String`) and of ICU's rules: well-formed.
            return String(knownValidUTF8: UnsafeBufferPointer(start: output, count: written))
        }
    }

    /// Converts one line given as UTF-8 bytes straight to UTF-8 bytes, without making `String`s (the fast path
    /// of a convert-only run). Returns false, having called `write` with nothing, when the bytes are not valid
    /// UTF-8: the caller then takes the repairing path, which reports the bad bytes.
    public func convertUTF8(_ utf8: UnsafeBufferPointer<UInt8>, write: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows -> Bool {
        if Self.isASCII(utf8) {
            try write(utf8)
            return true
        }
        scalars.removeAll(keepingCapacity: true)
        guard UTF8Decoding.appendScalarsValidating(of: utf8, to: &scalars) else { return false }
        let written = convertScalars()
        try write(UnsafeBufferPointer(start: output, count: written))
        return true
    }

    /// See `MatchingView.changeStarts()`: the default engine's answer, nil for the others, for uconv chunks, and
    /// when a rule starts with ASCII (`convert` returns ASCII-only text as is, so a chunk would not convert as
    /// it does inside its line).
    func changeStarts() -> Set<[UInt32]>? {
        guard !uconvChunks, let starts = (engine as? SegmentingConverter)?.changeStarts(),
              !starts.contains(where: { $0.contains { $0 < 0x80 } }) else { return nil }
        return starts
    }

    /// Converts `scalars` into `output`, grown first to the worst case; returns the bytes written.
    private func convertScalars() -> Int {
        let needed = scalars.count * 4 * engine.maxExpansion + 16
        if needed > outputCapacity {
            output.deallocate()
            outputCapacity = max(needed, outputCapacity * 2)
            output = .allocate(capacity: outputCapacity)
        }
        return scalars.withUnsafeBufferPointer { convertChunks($0) }
    }

    private func convertChunks(_ input: UnsafeBufferPointer<UInt32>) -> Int {
        guard uconvChunks else { return engine.convert(input, into: output) }
        var start = 0
        var written = 0
        for i in input.indices where Self.isUconvChunkEnd(input[i]) || i == input.count - 1 {
            written += engine.convert(UnsafeBufferPointer(rebasing: input[start...i]), into: output + written)
            start = i + 1
        }
        return written
    }

    @inline(__always)
    static func isASCII(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = utf8.count
        while i + 8 <= n {
            let word = UnsafeRawPointer(utf8.baseAddress! + i).loadUnaligned(as: UInt64.self)
            if word & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < n { if utf8[i] >= 0x80 { return false }; i += 1 }
        return true
    }
}

extension StringConverter {
    /// Where `uconv -x` (ICU 72's uconv.cpp, `getChunkLimit`) ends a chunk: after CR, LF, NEL and any UTF-16 unit
    /// `c` with `(c & 0x2028) == 0x2028`. The mask test is meant to find U+2028/U+2029 but also holds for many
    /// ideographs (精 U+7CBE, 注 U+6CE8), so uconv never applies a phrase rule across them: `uconv` gives 精致 and
    /// 注冊 where the ICU library (`utrans`) gives 精緻 and 註冊. Reproduced only for `--exact-uconv`.
    public static func isUconvChunkEnd(_ scalar: UInt32) -> Bool {
        scalar == 0x0D || scalar == 0x0A || scalar == 0x85 || (scalar < 0x10000 && scalar & 0x2028 == 0x2028)
    }
}

/// UTF-8 ⇄ scalar loops for valid UTF-8 (Swift strings are always valid).
enum UTF8Decoding {
    /// The scalar starting at `utf8[i]` (valid UTF-8); advances `i` past it.
    @inline(__always)
    static func decode(_ utf8: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> UInt32 {
        let b0 = UInt32(utf8[i])
        if b0 < 0x80 {
            i &+= 1
            return b0
        }
        if b0 < 0xE0 {
            defer { i &+= 2 }
            return (b0 & 0x1F) << 6 | UInt32(utf8[i &+ 1] & 0x3F)
        }
        if b0 < 0xF0 {
            defer { i &+= 3 }
            return (b0 & 0x0F) << 12 | UInt32(utf8[i &+ 1] & 0x3F) << 6 | UInt32(utf8[i &+ 2] & 0x3F)
        }
        defer { i &+= 4 }
        return (b0 & 0x07) << 18 | UInt32(utf8[i &+ 1] & 0x3F) << 12 | UInt32(utf8[i &+ 2] & 0x3F) << 6
            | UInt32(utf8[i &+ 3] & 0x3F)
    }

    /// Appends the scalars of valid UTF-8 to `out`. Grows `out` once by the byte count (an upper bound) and
    /// writes through a pointer, then trims: `append` per scalar checks capacity and uniqueness every time.
    @inline(__always)
    static func appendScalars(of utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt32]) {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: utf8.count))
        let end = out.withUnsafeMutableBufferPointer { buffer in
            var i = 0, n = start
            while i < utf8.count {
                buffer[n] = decode(utf8, &i)
                n &+= 1
            }
            return n
        }
        out.removeLast(out.count - end)
    }

    /// Like `appendScalars`, but checks well-formedness (no overlongs, surrogates or values past U+10FFFF, no
    /// truncated sequences); returns false at the first bad byte.
    static func appendScalarsValidating(of utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt32]) -> Bool {
        var i = 0
        let n = utf8.count
        out.reserveCapacity(out.count + n)
        @inline(__always) func cont(_ k: Int) -> UInt32? {
            guard k < n else { return nil }
            let b = utf8[k]
            return b & 0xC0 == 0x80 ? UInt32(b & 0x3F) : nil
        }
        while i < n {
            let b0 = UInt32(utf8[i])
            if b0 < 0x80 {
                out.append(b0); i += 1
            } else if b0 >= 0xC2 && b0 < 0xE0 {
                guard let c1 = cont(i + 1) else { return false }
                out.append((b0 & 0x1F) << 6 | c1); i += 2
            } else if b0 >= 0xE0 && b0 < 0xF0 {
                guard let c1 = cont(i + 1), let c2 = cont(i + 2) else { return false }
                let s = (b0 & 0x0F) << 12 | c1 << 6 | c2
                guard s >= 0x800, !(0xD800...0xDFFF).contains(s) else { return false }
                out.append(s); i += 3
            } else if b0 >= 0xF0 && b0 < 0xF5 {
                guard let c1 = cont(i + 1), let c2 = cont(i + 2), let c3 = cont(i + 3) else { return false }
                let s = (b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
                guard s >= 0x10000, s <= 0x10FFFF else { return false }
                out.append(s); i += 4
            } else {
                return false
            }
        }
        return true
    }

    /// Writes one scalar as UTF-8 at `out`; returns the number of bytes (1–4).
    @inline(__always)
    static func write(_ s: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int {
        if s < 0x80 { out[0] = UInt8(s); return 1 }
        if s < 0x800 { out[0] = UInt8(0xC0 | s >> 6); out[1] = UInt8(0x80 | s & 0x3F); return 2 }
        if s < 0x10000 {
            out[0] = UInt8(0xE0 | s >> 12); out[1] = UInt8(0x80 | s >> 6 & 0x3F); out[2] = UInt8(0x80 | s & 0x3F)
            return 3
        }
        out[0] = UInt8(0xF0 | s >> 18); out[1] = UInt8(0x80 | s >> 12 & 0x3F)
        out[2] = UInt8(0x80 | s >> 6 & 0x3F); out[3] = UInt8(0x80 | s & 0x3F)
        return 4
    }

    @inline(__always)
    static func appendUTF8(of s: UInt32, to out: inout [UInt8]) {
        if s < 0x80 {
            out.append(UInt8(s))
        } else if s < 0x800 {
            out.append(UInt8(0xC0 | s >> 6)); out.append(UInt8(0x80 | s & 0x3F))
        } else if s < 0x10000 {
            out.append(UInt8(0xE0 | s >> 12)); out.append(UInt8(0x80 | s >> 6 & 0x3F)); out.append(UInt8(0x80 | s & 0x3F))
        } else {
            out.append(UInt8(0xF0 | s >> 18)); out.append(UInt8(0x80 | s >> 12 & 0x3F))
            out.append(UInt8(0x80 | s >> 6 & 0x3F)); out.append(UInt8(0x80 | s & 0x3F))
        }
    }
}
