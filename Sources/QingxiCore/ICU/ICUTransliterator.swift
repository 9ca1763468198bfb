import CICUShim

/// The system ICU's own transliterator (utrans), used for two things only: reading its rule source at start-up
/// (which `CompiledTransliterator` compiles), and as the reference that the differential tests compare with.
/// Not thread-safe; it is slow (5–9 MB/s), so the engine never calls it per paragraph.
public final class ICUTransliterator {
    public let id: String
    private let handle: OpaquePointer

    /// Opens a system transliterator such as "Traditional-Simplified".
    public init(id: String) throws {
        self.id = id
        let units = Array(id.utf16)
        var status: Int32 = 0
        guard let h = qx_icu_translit_open(units, Int32(units.count), &status) else {
            throw ICUError("utrans_openU(\(id))", code: status)
        }
        handle = h
    }

    deinit { qx_icu_translit_close(handle) }

    /// The rule source (`utrans_toRules`), e.g. "丟 > 丢;\n…".
    public func rules() throws -> String {
        var status: Int32 = 0
        let length = qx_icu_translit_rules(handle, nil, 0, &status)
        var buffer = [UInt16](repeating: 0, count: Int(length) + 1)
        status = 0
        let written = qx_icu_translit_rules(handle, &buffer, Int32(buffer.count), &status)
        try ICUError.check("utrans_toRules", status)
        return String(decoding: buffer[0..<Int(written)], as: UTF16.self)
    }

    /// Transliterates `text` with ICU itself (utrans_transUChars).
    public func transliterate(_ text: String) throws -> String {
        var units = Array(text.utf16)
        let length = Int32(units.count)
        var capacity = max(16, units.count * 2)
        while true {
            var buffer = units + [UInt16](repeating: 0, count: capacity - units.count)
            var status: Int32 = 0
            let newLength = qx_icu_translit_run(handle, &buffer, length, Int32(capacity), &status)
            if status == qx_icu_buffer_overflow_status() {
                capacity = Int(newLength) * 2 + 16
                continue
            }
            try ICUError.check("utrans_transUChars", status)
            units = Array(buffer[0..<Int(newLength)])
            return String(decoding: units, as: UTF16.self)
        }
    }
}
