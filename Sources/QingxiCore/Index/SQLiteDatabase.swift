import CSQLiteShim

/// One connection to an SQLite database file (the system libsqlite3). Thin on purpose: open, run SQL, prepare
/// statements, and transactions that roll back when their body throws. Not thread-safe.
public final class SQLiteDatabase {
    public enum Mode: Sendable {
        /// Read only; the file must exist.
        case readOnly
        /// Read only, and nobody changes the file meanwhile (SQLite's `immutable=1`): no lock, no `-wal` or `-shm`
        /// file is made. For a database the process may not write (mode 444, a read-only folder or mount), which
        /// a WAL database cannot otherwise be opened from.
        case immutable
        /// Read and write; the file is created when missing.
        case readWriteCreate
    }

    let handle: OpaquePointer
    public let path: String

    /// Opens `path`; waits up to `busyTimeout` milliseconds for another connection's lock before giving up.
    public init(path: String, mode: Mode, busyTimeout: Int32 = 5_000) throws(SQLiteError) {
        var connection: OpaquePointer?
        let flags: Int32
        switch mode {
        case .readOnly: flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        case .immutable: flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
        case .readWriteCreate: flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        }
        let name = mode == .immutable ? Self.immutableURI(path) : path
        let code = sqlite3_open_v2(name, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let error = SQLiteError(connection, code: code)
            sqlite3_close_v2(connection)
            throw error
        }
        handle = connection
        self.path = path
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeout)
    }

    deinit { sqlite3_close_v2(handle) }

    /// `file:PATH?immutable=1`, with the characters a URI gives meaning to escaped.
    static func immutableURI(_ path: String) -> String {
        var uri = "file:"
        for byte in path.utf8 {
            if byte == UInt8(ascii: "%") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") || byte < 0x21 {
                uri += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            } else {
                uri.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return uri + "?immutable=1"
    }

    /// Runs one or more statements that return no rows of interest.
    public func execute(_ sql: String) throws(SQLiteError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw SQLiteError(handle, code: code, sql: sql) }
    }

    public func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        try SQLiteStatement(connection: handle, sql: sql)
    }

    /// The first column of the first row of `sql` as an integer (nil when there is no row or it is NULL).
    public func integer(_ sql: String) throws(SQLiteError) -> Int64? {
        let statement = try prepare(sql)
        guard try statement.step(), !statement.isNull(0) else { return nil }
        return statement.int(0)
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT` (the write lock is taken up front, so a busy database
    /// fails at the start rather than half way); rolls back when `body` throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// The rowid of the last row inserted on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// The version of the SQLite library in use (e.g. "3.40.1").
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }

    /// True when the library has the FTS5 full-text engine.
    public static var hasFTS5: Bool { qx_sqlite_has_fts5() != 0 }
}
