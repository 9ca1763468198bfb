// qx_icu.c — thin wrappers over ICU's C API. Each wrapper exists because Swift must not import ICU headers
// (see qx_icu.h); none adds logic beyond casting opaque pointers and passing status codes through.
#include "qx_icu.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utrans.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>

qx_icu_translit *qx_icu_translit_open(const uint16_t *id, int32_t id_length, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UTransliterator *t = utrans_openU((const UChar *)id, id_length, UTRANS_FORWARD, NULL, 0, NULL, &code);
    *status = (int32_t)code;
    return U_FAILURE(code) ? NULL : (qx_icu_translit *)t;
}

void qx_icu_translit_close(qx_icu_translit *translit) {
    if (translit != NULL) utrans_close((UTransliterator *)translit);
}

int32_t qx_icu_translit_rules(qx_icu_translit *translit, uint16_t *buffer, int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t length = utrans_toRules((const UTransliterator *)translit, 0, (UChar *)buffer, capacity, &code);
    *status = (int32_t)code;
    return length;
}

int32_t qx_icu_translit_run(qx_icu_translit *translit, uint16_t *text, int32_t length, int32_t capacity,
                            int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t text_length = length;
    int32_t limit = length;
    utrans_transUChars((const UTransliterator *)translit, (UChar *)text, &text_length, capacity, 0, &limit, &code);
    *status = (int32_t)code;
    return text_length;
}

const char *qx_icu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

void qx_icu_version(char *buffer, int32_t capacity) {
    if (capacity < U_MAX_VERSION_STRING_LENGTH) {
        if (capacity > 0) buffer[0] = 0;
        return;
    }
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, buffer);
}

int32_t qx_icu_buffer_overflow_status(void) { return (int32_t)U_BUFFER_OVERFLOW_ERROR; }

qx_icu_wordbreak *qx_icu_wordbreak_open(const char *locale, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UBreakIterator *b = ubrk_open(UBRK_WORD, locale, NULL, 0, &code);
    *status = (int32_t)code;
    return U_FAILURE(code) ? NULL : (qx_icu_wordbreak *)b;
}

void qx_icu_wordbreak_close(qx_icu_wordbreak *breaker) {
    if (breaker != NULL) ubrk_close((UBreakIterator *)breaker);
}

int32_t qx_icu_wordbreak_boundaries(qx_icu_wordbreak *breaker, const uint16_t *text, int32_t length,
                                    int32_t *boundaries, int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UBreakIterator *b = (UBreakIterator *)breaker;
    ubrk_setText(b, (const UChar *)text, length, &code);
    *status = (int32_t)code;
    if (U_FAILURE(code)) return 0;
    int32_t count = 0;
    for (int32_t p = ubrk_first(b); p != UBRK_DONE; p = ubrk_next(b)) {
        if (count < capacity) boundaries[count] = p;
        count++;
    }
    return count;
}
