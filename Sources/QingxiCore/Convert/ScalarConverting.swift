/// A converter that works on a paragraph decoded to Unicode scalars (both engines: `CompiledTransliterator`
/// for exact ICU, `SegmentingConverter` for the corrected default). `convert(text:)` does the UTF-8 round trip
/// with buffers reused across calls, so one instance must not be shared between threads.
public protocol ScalarConverting: AnyObject {
    func convert(_ input: UnsafeBufferPointer<UInt32>, emit: (UInt32) -> Void)
}

/// Converts whole strings with a `ScalarConverting` engine, reusing its buffers.
public final class StringConverter {
    private let engine: ScalarConverting
    private let uconvChunks: Bool
    private var scalars: [UInt32] = []
    private var bytes: [UInt8] = []

    /// With `uconvChunks`, text is cut the way `uconv -x` cuts it before transliterating (see
    /// `isUconvChunkEnd`), and each piece is converted on its own.
    public init(engine: ScalarConverting, uconvChunks: Bool = false) {
        self.engine = engine
        self.uconvChunks = uconvChunks
    }

    /// The converted text. ASCII-only text is returned as is (no rule touches ASCII).
    public func convert(_ text: String) -> String {
        var text = text
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        scalars.removeAll(keepingCapacity: true)
        text.withUTF8 { UTF8Decoding.appendScalars(of: $0, to: &scalars) }
        bytes.removeAll(keepingCapacity: true)
        scalars.withUnsafeBufferPointer { input in
            guard uconvChunks else {
                return engine.convert(input) { UTF8Decoding.appendUTF8(of: $0, to: &bytes) }
            }
            var start = 0
            for i in input.indices where Self.isUconvChunkEnd(input[i]) || i == input.count - 1 {
                engine.convert(UnsafeBufferPointer(rebasing: input[start...i])) { UTF8Decoding.appendUTF8(of: $0, to: &bytes) }
                start = i + 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
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
    @inline(__always)
    static func appendScalars(of utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt32]) {
        var i = 0
        let n = utf8.count
        out.reserveCapacity(out.count + n)
        while i < n {
            let b0 = UInt32(utf8[i])
            if b0 < 0x80 {
                out.append(b0); i += 1
            } else if b0 < 0xE0 {
                out.append((b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)); i += 2
            } else if b0 < 0xF0 {
                out.append((b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)); i += 3
            } else {
                out.append((b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
                    | UInt32(utf8[i + 3] & 0x3F))
                i += 4
            }
        }
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
