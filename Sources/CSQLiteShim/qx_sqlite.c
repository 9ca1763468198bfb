// qx_sqlite.c — see include/qx_sqlite.h.
#include "qx_sqlite.h"

int qx_sqlite_bind_text_copy(sqlite3_stmt *statement, int index, const char *text, int bytes) {
    return sqlite3_bind_text(statement, index, text, bytes, SQLITE_TRANSIENT);
}

int qx_sqlite_has_fts5(void) {
    return sqlite3_compileoption_used("ENABLE_FTS5");
}
