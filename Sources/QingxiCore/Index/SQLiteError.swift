import CSQLiteShim

/// An error SQLite reported: its (extended) result code and message, and the statement when there was one.
/// The search index turns it into a `QingxiError` naming the database file (see `SearchIndexStore.userError`).
public struct SQLiteError: Error, CustomStringConvertible {
    /// The extended result code (e.g. SQLITE_BUSY_SNAPSHOT); `primary` is its low byte (SQLITE_BUSY).
    public let code: Int32
    public let message: String
    public let sql: String?

    public var primary: Int32 { code & 0xFF }

    init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// The error of the last failed call on `handle`.
    init(_ handle: OpaquePointer?, code: Int32, sql: String? = nil) {
        let extended = handle.map { sqlite3_extended_errcode($0) } ?? code
        let text = handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
        self.init(code: extended == 0 ? code : extended, message: text, sql: sql)
    }

    /// The database is not an SQLite file, or its pages are damaged.
    public var isCorrupt: Bool { primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT }
    /// Another connection holds a lock that did not go away within the busy timeout.
    public var isLocked: Bool { primary == SQLITE_BUSY || primary == SQLITE_LOCKED }

    public var description: String { message }
}
