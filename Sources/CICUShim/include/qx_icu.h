// qx_icu.h — the opaque boundary between qingxi and the system ICU (libicu-dev).
//
// Only stdint types and opaque pointers cross this header. Swift never sees an ICU header: Foundation on Linux
// bundles its own ICU module, and importing the system's next to it fails to compile ("'UErrorCode' has
// different definitions"). ICU also renames its symbols per version (utrans_openU -> utrans_openU_72); the .c
// file calls the plain names, so this shim works with any installed ICU version.
//
// Status codes are ICU's UErrorCode values: 0 is success, > 0 is an error, < 0 a warning.
#ifndef QX_ICU_H
#define QX_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An opened ICU transliterator (UTransliterator*). Not thread-safe: one per thread.
typedef struct qx_icu_translit qx_icu_translit;

/// Opens a system transliterator by ID (e.g. "Traditional-Simplified"), UTF-16 ID. NULL on failure.
qx_icu_translit *qx_icu_translit_open(const uint16_t *id, int32_t id_length, int32_t *status);

/// Closes a transliterator opened by qx_icu_translit_open. NULL is accepted.
void qx_icu_translit_close(qx_icu_translit *translit);

/// Writes the transliterator's rule source (utrans_toRules) into buffer; returns the full length in UTF-16
/// units. Call with capacity 0 to learn the length (status is then a buffer-overflow warning/error).
int32_t qx_icu_translit_rules(qx_icu_translit *translit, uint16_t *buffer, int32_t capacity, int32_t *status);

/// Transliterates text[0..<length] in place (utrans_transUChars); returns the new length. When the result
/// needs more than capacity units, it returns the needed length with status U_BUFFER_OVERFLOW_ERROR.
int32_t qx_icu_translit_run(qx_icu_translit *translit, uint16_t *text, int32_t length, int32_t capacity,
                            int32_t *status);

/// The symbolic name of an ICU status code ("U_ILLEGAL_ARGUMENT_ERROR"); a static string.
const char *qx_icu_error_name(int32_t status);

/// The version of the linked ICU ("72.1"), written into buffer (at least 32 bytes).
void qx_icu_version(char *buffer, int32_t capacity);

/// An ICU word-break iterator (UBreakIterator*, UBRK_WORD). Not thread-safe: one per thread.
typedef struct qx_icu_wordbreak qx_icu_wordbreak;

/// Opens a word-break iterator for a locale such as "zh". NULL on failure.
qx_icu_wordbreak *qx_icu_wordbreak_open(const char *locale, int32_t *status);

/// Closes an iterator opened by qx_icu_wordbreak_open. NULL is accepted.
void qx_icu_wordbreak_close(qx_icu_wordbreak *breaker);

/// Finds the word boundaries of text[0..<length] (UTF-16 offsets, 0 and length included, ascending) and writes
/// up to capacity of them into boundaries; returns how many there are (more than capacity: call again).
int32_t qx_icu_wordbreak_boundaries(qx_icu_wordbreak *breaker, const uint16_t *text, int32_t length,
                                    int32_t *boundaries, int32_t capacity, int32_t *status);

/// Status value meaning "buffer too small" (U_BUFFER_OVERFLOW_ERROR).
int32_t qx_icu_buffer_overflow_status(void);

#ifdef __cplusplus
}
#endif

#endif
