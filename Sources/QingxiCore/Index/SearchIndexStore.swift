#if canImport(Glibc)
import Glibc
#endif

/// An opened qingxi search index (an SQLite file, see `SearchIndexSchema`): checks that the file is one,
/// creates the schema in a new or empty file, and turns SQLite's errors into messages that name the file,
/// with qingxi's exit codes:
/// - exit 2 (usage or I/O): the file is missing (searching), an SQLite database of another program, an empty
///   database (searching), made by a newer qingxi, locked by another process beyond the busy timeout, or
///   cannot be read or written;
/// - exit 1 (damaged data): the file is not an SQLite database at all, or its pages are corrupt.
public final class SearchIndexStore {
    public let database: SQLiteDatabase
    public let path: String

    private init(database: SQLiteDatabase) {
        self.database = database
        self.path = database.path
    }

    /// Opens `path` for `qingxi index`: creates the file and schema when missing or empty, and switches the
    /// journal to WAL (searches can run while an index is being updated).
    public static func openForWriting(path: String, busyTimeout: Int32 = 5_000) throws -> SearchIndexStore {
        try guardingErrors(path) {
            try requireFTS5()
            let store = SearchIndexStore(database: try SQLiteDatabase(path: path, mode: .readWriteCreate, busyTimeout: busyTimeout))
            if try store.validate(creating: true) {
                _ = try store.database.integer("PRAGMA journal_mode = WAL")
            }
            try store.database.execute("PRAGMA synchronous = NORMAL")
            return store
        }
    }

    /// Whether this process may write the file and its folder: SQLite needs both to read a WAL database in the
    /// usual way (it makes `-shm` and `-wal` files next to it).
    static func writable(_ path: String) -> Bool {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        return access(path, W_OK) == 0 && access(folder.isEmpty ? "/" : folder, W_OK) == 0
    }

    /// Opens `path` for `qingxi search`, read only; it must be a qingxi index already. A file this process may not
    /// write (mode 444, a read-only folder or mount) is opened immutable (`SQLiteDatabase.Mode.immutable`).
    public static func openForReading(path: String, busyTimeout: Int32 = 5_000) throws -> SearchIndexStore {
        try guardingErrors(path) {
            try requireFTS5()
            guard access(path, F_OK) == 0 else {
                throw QingxiError.io(file: path, message: "no such index (build it with: qingxi index --db \(path) INPUT...)")
            }
            let store = SearchIndexStore(database: try SQLiteDatabase(path: path, mode: Self.writable(path) ? .readOnly : .immutable,
                                                                      busyTimeout: busyTimeout))
            _ = try store.validate(creating: false)
            return store
        }
    }

    /// Checks the file's marks; creates the schema when the file is empty and `creating`. Returns true when it
    /// created the schema.
    private func validate(creating: Bool) throws -> Bool {
        let application = try database.integer("PRAGMA application_id") ?? 0
        if application == SearchIndexSchema.applicationID { return try checkVersion(migrating: creating) }
        let objects = try database.integer("SELECT count(*) FROM sqlite_schema") ?? 0
        guard objects == 0 else {
            throw QingxiError.usage("\(path) is an SQLite database but not a qingxi index (application_id "
                                    + "\(application)); qingxi leaves it alone")
        }
        guard creating else {
            throw QingxiError.usage("\(path) is an empty database, not a qingxi index (build it with: qingxi index --db \(path) INPUT...)")
        }
        try database.transaction {
            guard try database.integer("SELECT count(*) FROM sqlite_schema") == 0 else { return }
            try database.execute("PRAGMA application_id = \(SearchIndexSchema.applicationID)")
            try database.execute(SearchIndexSchema.create)
            try database.execute("PRAGMA user_version = \(SearchIndexSchema.version)")
        }
        return true
    }

    /// Version 1 (same tables, FTS kept in step by triggers) is read as it is, and migrated when opened for
    /// writing.
    private func checkVersion(migrating: Bool) throws -> Bool {
        let version = try database.integer("PRAGMA user_version") ?? 0
        if version == 1 {
            if migrating { try database.transaction { try database.execute(SearchIndexSchema.migrateFromVersion1) } }
            return false
        }
        guard version == SearchIndexSchema.version else {
            throw QingxiError.usage("\(path) is a qingxi index of schema version \(version); this qingxi reads version "
                                    + "\(SearchIndexSchema.version)\(version > SearchIndexSchema.version ? " (made by a newer qingxi)" : "")")
        }
        return false
    }

    /// A value of `qingxi_info`.
    public func info(_ key: String) throws -> String? {
        try Self.guardingErrors(path) {
            let statement = try database.prepare("SELECT value FROM qingxi_info WHERE key = ?1")
            try statement.bind(1, key)
            return try statement.step() ? statement.text(0) : nil
        }
    }

    /// Sets a value of `qingxi_info` (inside the caller's transaction, if any).
    public func setInfo(_ key: String, _ value: String) throws {
        try Self.guardingErrors(path) {
            let statement = try database.prepare("INSERT OR REPLACE INTO qingxi_info (key, value) VALUES (?1, ?2)")
            try statement.bind(1, key)
            try statement.bind(2, value)
            try statement.step()
        }
    }

    /// How many articles the index holds.
    public func articleCount() throws -> Int {
        try Self.guardingErrors(path) { Int(try database.integer("SELECT count(*) FROM articles") ?? 0) }
    }

    /// Runs `body`, turning an `SQLiteError` into the `QingxiError` the user sees.
    public func guarding<T>(_ body: () throws -> T) throws -> T {
        try Self.guardingErrors(path, body)
    }

    static func guardingErrors<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SQLiteError {
            throw userError(error, path: path)
        }
    }

    /// The message and exit code for an SQLite error on the index at `path`.
    static func userError(_ error: SQLiteError, path: String) -> QingxiError {
        if error.isCorrupt {
            return .damagedFile(file: path, message: "not a usable SQLite database, or damaged (\(error.message))")
        }
        if error.isLocked {
            return .io(file: path, message: "database is locked by another process (\(error.message)); try again when it is done")
        }
        return .io(file: path, message: "SQLite: \(error.message)")
    }

    private static func requireFTS5() throws {
        guard SQLiteDatabase.hasFTS5 else {
            throw QingxiError.usage("the system SQLite \(SQLiteDatabase.libraryVersion) was built without FTS5, which qingxi index needs")
        }
    }
}
