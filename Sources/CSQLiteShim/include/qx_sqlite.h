// qx_sqlite.h — qingxi's boundary to the system SQLite (libsqlite3-dev).
//
// Unlike ICU, sqlite3.h does not clash with anything Foundation bundles, so it is included here and Swift sees
// the sqlite3_* API directly. The shim adds only what Swift cannot import: SQLITE_TRANSIENT is a macro that
// casts -1 to a function pointer, so binding text or blobs that SQLite must copy goes through the functions
// below.
#ifndef QX_SQLITE_H
#define QX_SQLITE_H

#include <sqlite3.h>

#ifdef __cplusplus
extern "C" {
#endif

/// sqlite3_bind_text(statement, index, text, bytes, SQLITE_TRANSIENT): SQLite copies the bytes before returning,
/// so the caller's buffer may go away at once.
int qx_sqlite_bind_text_copy(sqlite3_stmt *statement, int index, const char *text, int bytes);

/// 1 when this SQLite library was compiled with the FTS5 full-text engine, 0 otherwise.
int qx_sqlite_has_fts5(void);

#ifdef __cplusplus
}
#endif

#endif
