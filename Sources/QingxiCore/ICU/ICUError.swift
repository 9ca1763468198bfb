import CICUShim

/// An ICU call failed; carries ICU's status code and its symbolic name (`U_INVALID_ID`).
public struct ICUError: Error, CustomStringConvertible, Equatable {
    public let operation: String
    public let code: Int32

    public init(_ operation: String, code: Int32) {
        self.operation = operation
        self.code = code
    }

    public var name: String { String(cString: qx_icu_error_name(code)) }
    public var description: String { "ICU \(operation) failed: \(name) (\(code))" }

    /// Throws when `code` is an ICU failure (> 0); warnings (< 0) pass.
    static func check(_ operation: String, _ code: Int32) throws {
        if code > 0 { throw ICUError(operation, code: code) }
    }

    /// The version of the linked system ICU ("72.1").
    public static var icuVersion: String {
        var buffer = [CChar](repeating: 0, count: 32)
        qx_icu_version(&buffer, 32)
        return String(cString: buffer)
    }
}
