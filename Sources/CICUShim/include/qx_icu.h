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

/// The words of ICU's Chinese/Japanese segmentation dictionary (break-iterator data "cjdict", what the CJK
/// engine of UBRK_WORD segments with) and their costs, in the dictionary's order (by UTF-16 units). On success
/// *units holds all words' UTF-16 units back to back, (*ends)[i] is where word i ends in it and (*costs)[i] its
/// cost; the three arrays are malloc'ed (free them with qx_icu_free). Returns the word count, or -1 with status
/// set when the data is missing or not laid out as this reads it (a UTF-16 trie with values, no transform).
int32_t qx_icu_cjk_dictionary(uint16_t **units, int32_t **ends, int32_t **costs, int32_t *status);

/// Frees memory the shim allocated for the caller. NULL is accepted.
void qx_icu_free(void *pointer);

/// Sets bit c of bits (1024 words: the Basic Multilingual Plane) for every BMP code point c of the ICU set
/// pattern (UTF-16, e.g. "[[:Han:]]"); other bits are left as they are. Returns 0, or an error status.
int32_t qx_icu_set_bmp_bits(const uint16_t *pattern, int32_t length, uint64_t *bits);

/// An ICU charset detector (UCharsetDetector*). Not thread-safe: one per thread.
typedef struct qx_icu_charsetdetector qx_icu_charsetdetector;

/// Opens a charset detector. NULL on failure.
qx_icu_charsetdetector *qx_icu_charsetdetector_open(int32_t *status);

/// Closes a detector opened by qx_icu_charsetdetector_open. NULL is accepted.
void qx_icu_charsetdetector_close(qx_icu_charsetdetector *detector);

/// Runs detection on bytes[0..<length] (ucsdet_setText + ucsdet_detectAll); returns how many candidate charsets
/// were found, best first. The candidates stay readable until the next call.
int32_t qx_icu_charsetdetector_detect(qx_icu_charsetdetector *detector, const uint8_t *bytes, int32_t length,
                                      int32_t *status);

/// The name of candidate `index` of the last detection ("GB18030", "Big5"): a static string.
const char *qx_icu_charsetdetector_name(qx_icu_charsetdetector *detector, int32_t index, int32_t *status);

/// The confidence (0–100) of candidate `index` of the last detection.
int32_t qx_icu_charsetdetector_confidence(qx_icu_charsetdetector *detector, int32_t index, int32_t *status);

/// A converter from one charset to UTF-8 (a UConverter* for the source charset plus one for UTF-8) that stops
/// at the first byte sequence that is illegal in the source charset, instead of substituting. Not thread-safe.
typedef struct qx_icu_decoder qx_icu_decoder;

/// Opens a decoder for the charset `name` (any name or alias ICU knows: "GB18030", "Big5", "UTF-16").
qx_icu_decoder *qx_icu_decoder_open(const char *name, int32_t *status);

/// Closes a decoder opened by qx_icu_decoder_open. NULL is accepted.
void qx_icu_decoder_close(qx_icu_decoder *decoder);

/// Converts the complete text input[0..<input_length] to UTF-8 in output (ucnv_convertEx, reset and flushed);
/// returns the number of UTF-8 bytes written. When output is too small, status is U_BUFFER_OVERFLOW_ERROR and
/// nothing useful is written: call again with more room (2 × input_length + 16 always suffices). On an illegal,
/// unmappable or truncated sequence status is an error and *error_offset is the input offset where it starts.
int32_t qx_icu_decoder_to_utf8(qx_icu_decoder *decoder, const uint8_t *input, int32_t input_length,
                               uint8_t *output, int32_t output_capacity, int32_t *error_offset, int32_t *status);

/// Status value meaning "buffer too small" (U_BUFFER_OVERFLOW_ERROR).
int32_t qx_icu_buffer_overflow_status(void);

#ifdef __cplusplus
}
#endif

#endif
