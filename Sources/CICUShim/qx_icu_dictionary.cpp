// qx_icu_dictionary.cpp — reads the word list of ICU's CJK segmentation dictionary. The only C++ of the shim:
// ICU publishes its string tries (UCharsTrie and its iterator) as C++ only. Like qx_icu.c it adds no logic
// beyond copying what ICU yields into plain arrays.
#include "qx_icu.h"

#include <stdlib.h>
#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>

namespace {
// The layout of a dictionary file (ICU's dictionarydata.h): int32 indexes, then the trie.
const int kStringTrieOffset = 0;
const int kTotalSize = 3;
const int kTrieType = 4;
const int kTransform = 5;
const int kIndexCount = 8;
const int32_t kTrieTypeMask = 7;
const int32_t kTrieTypeUChars = 1;
const int32_t kTrieHasValues = 8;
}

int32_t qx_icu_cjk_dictionary(uint16_t **units, int32_t **ends, int32_t **costs, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    *units = NULL;
    *ends = NULL;
    *costs = NULL;
    UDataMemory *data = udata_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "dict", "cjdict", &code);
    if (U_FAILURE(code)) {
        *status = (int32_t)code;
        return -1;
    }
    const int32_t *indexes = (const int32_t *)udata_getMemory(data);
    int32_t type = indexes[kTrieType];
    if (indexes[kStringTrieOffset] < kIndexCount * 4 || (type & kTrieTypeMask) != kTrieTypeUChars
        || (type & kTrieHasValues) == 0 || indexes[kTransform] != 0) {
        udata_close(data);
        *status = (int32_t)U_INVALID_FORMAT_ERROR;
        return -1;
    }
    (void)kTotalSize;
    const char16_t *trie = (const char16_t *)((const char *)indexes + indexes[kStringTrieOffset]);
    int32_t count = 0, unitCount = 0, capacity = 1 << 16, unitCapacity = 1 << 18;
    uint16_t *u = (uint16_t *)malloc(sizeof(uint16_t) * unitCapacity);
    int32_t *e = (int32_t *)malloc(sizeof(int32_t) * capacity);
    int32_t *c = (int32_t *)malloc(sizeof(int32_t) * capacity);
    icu::UCharsTrie::Iterator words(trie, 0, code);
    while (u != NULL && e != NULL && c != NULL && U_SUCCESS(code) && words.next(code)) {
        const icu::UnicodeString &word = words.getString();
        if (count == capacity) {
            capacity *= 2;
            e = (int32_t *)realloc(e, sizeof(int32_t) * capacity);
            c = (int32_t *)realloc(c, sizeof(int32_t) * capacity);
            if (e == NULL || c == NULL) break;
        }
        while (unitCount + word.length() > unitCapacity) {
            unitCapacity *= 2;
            u = (uint16_t *)realloc(u, sizeof(uint16_t) * unitCapacity);
            if (u == NULL) break;
        }
        if (u == NULL) break;
        word.extract(0, word.length(), (char16_t *)(u + unitCount));
        unitCount += word.length();
        e[count] = unitCount;
        c[count] = words.getValue();
        count += 1;
    }
    udata_close(data);
    if (u == NULL || e == NULL || c == NULL || U_FAILURE(code)) {
        free(u);
        free(e);
        free(c);
        *status = U_FAILURE(code) ? (int32_t)code : (int32_t)U_MEMORY_ALLOCATION_ERROR;
        return -1;
    }
    *units = u;
    *ends = e;
    *costs = c;
    *status = 0;
    return count;
}
