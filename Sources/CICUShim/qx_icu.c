// qx_icu.c — thin wrappers over ICU's C API. Each wrapper exists because Swift must not import ICU headers
// (see qx_icu.h); none adds logic beyond casting opaque pointers and passing status codes through.
#include "qx_icu.h"

#include <string.h>
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uchar.h>
#include <unicode/utrans.h>
#include <unicode/utypes.h>
#include <unicode/uset.h>
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

// Charset detection and conversion to UTF-8 for `qingxi batch --encoding` (ucsdet, ucnv).

// The detector and its last matches: ucsdet_detectAll returns an array owned by the detector, valid until the
// next detection.
struct qx_icu_charsetdetector {
    UCharsetDetector *detector;
    const UCharsetMatch **matches;
    int32_t count;
};

qx_icu_charsetdetector *qx_icu_charsetdetector_open(int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UCharsetDetector *d = ucsdet_open(&code);
    qx_icu_charsetdetector *detector = U_SUCCESS(code) ? calloc(1, sizeof(qx_icu_charsetdetector)) : NULL;
    if (detector == NULL) {
        if (d != NULL) ucsdet_close(d);
        *status = U_SUCCESS(code) ? (int32_t)U_MEMORY_ALLOCATION_ERROR : (int32_t)code;
        return NULL;
    }
    detector->detector = d;
    *status = (int32_t)code;
    return detector;
}

void qx_icu_charsetdetector_close(qx_icu_charsetdetector *detector) {
    if (detector == NULL) return;
    ucsdet_close(detector->detector);
    free(detector);
}

// ucsdet keeps a pointer to the text, so setText and detectAll run together here, while the text is alive.
int32_t qx_icu_charsetdetector_detect(qx_icu_charsetdetector *detector, const uint8_t *bytes, int32_t length,
                                      int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    detector->matches = NULL;
    detector->count = 0;
    ucsdet_setText(detector->detector, (const char *)bytes, length, &code);
    int32_t count = 0;
    const UCharsetMatch **matches = U_SUCCESS(code) ? ucsdet_detectAll(detector->detector, &count, &code) : NULL;
    *status = (int32_t)code;
    if (U_FAILURE(code) || matches == NULL) return 0;
    detector->matches = matches;
    detector->count = count;
    return count;
}

const char *qx_icu_charsetdetector_name(qx_icu_charsetdetector *detector, int32_t index, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    if (index < 0 || index >= detector->count) {
        *status = (int32_t)U_INDEX_OUTOFBOUNDS_ERROR;
        return "";
    }
    const char *name = ucsdet_getName(detector->matches[index], &code);
    *status = (int32_t)code;
    return name != NULL ? name : "";
}

int32_t qx_icu_charsetdetector_confidence(qx_icu_charsetdetector *detector, int32_t index, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    if (index < 0 || index >= detector->count) {
        *status = (int32_t)U_INDEX_OUTOFBOUNDS_ERROR;
        return 0;
    }
    int32_t confidence = ucsdet_getConfidence(detector->matches[index], &code);
    *status = (int32_t)code;
    return confidence;
}

struct qx_icu_decoder {
    UConverter *source;
    UConverter *utf8;
};

qx_icu_decoder *qx_icu_decoder_open(const char *name, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UConverter *source = ucnv_open(name, &code);
    if (U_SUCCESS(code)) ucnv_setToUCallBack(source, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &code);
    UConverter *utf8 = U_SUCCESS(code) ? ucnv_open("UTF-8", &code) : NULL;
    qx_icu_decoder *decoder = U_SUCCESS(code) ? malloc(sizeof(qx_icu_decoder)) : NULL;
    if (decoder == NULL) {
        if (source != NULL) ucnv_close(source);
        if (utf8 != NULL) ucnv_close(utf8);
        *status = U_SUCCESS(code) ? (int32_t)U_MEMORY_ALLOCATION_ERROR : (int32_t)code;
        return NULL;
    }
    decoder->source = source;
    decoder->utf8 = utf8;
    *status = (int32_t)code;
    return decoder;
}

void qx_icu_decoder_close(qx_icu_decoder *decoder) {
    if (decoder == NULL) return;
    ucnv_close(decoder->source);
    ucnv_close(decoder->utf8);
    free(decoder);
}

int32_t qx_icu_decoder_to_utf8(qx_icu_decoder *decoder, const uint8_t *input, int32_t input_length,
                               uint8_t *output, int32_t output_capacity, int32_t *error_offset, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    const char *source = (const char *)input;
    char *target = (char *)output;
    ucnv_convertEx(decoder->utf8, decoder->source, &target, (char *)output + output_capacity, &source,
                   (const char *)input + input_length, NULL, NULL, NULL, NULL, 1, 1, &code);  // reset, flush
    *error_offset = -1;
    if (U_FAILURE(code) && code != U_BUFFER_OVERFLOW_ERROR) {
        char invalid[32];
        int8_t invalid_length = (int8_t)sizeof(invalid);
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(decoder->source, invalid, &invalid_length, &ignored);
        *error_offset = (int32_t)(source - (const char *)input) - (U_SUCCESS(ignored) ? invalid_length : 0);
    }
    *status = (int32_t)code;
    return (int32_t)(target - (char *)output);
}

void qx_icu_free(void *pointer) {
    free(pointer);
}

int32_t qx_icu_set_bmp_bits(const uint16_t *pattern, int32_t length, uint64_t *bits) {
    UErrorCode code = U_ZERO_ERROR;
    USet *set = uset_openPattern((const UChar *)pattern, length, &code);
    if (U_FAILURE(code)) return (int32_t)code;
    int32_t ranges = uset_getItemCount(set);
    for (int32_t i = 0; i < ranges; i++) {
        UChar32 start = 0, end = 0;
        if (uset_getItem(set, i, &start, &end, NULL, 0, &code) != 0) continue; /* a string, not a range */
        for (UChar32 c = start; c <= end && c < 0x10000; c++) bits[c >> 6] |= (uint64_t)1 << (c & 63);
    }
    uset_close(set);
    return (int32_t)code;
}
