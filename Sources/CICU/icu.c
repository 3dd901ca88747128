#include "CICU.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uregex.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

int32_t plicu_nfkc_casefold(const uint16_t *src, int32_t src_length,
                            uint16_t *dst, int32_t dst_capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *norm = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) return -1;
    int32_t n = unorm2_normalize(norm, (const UChar *)src, src_length,
                                 (UChar *)dst, dst_capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || U_SUCCESS(status)) return n;
    return -1;
}

int32_t plicu_nfkc_casefold_utf8(const uint8_t *src, int32_t src_length,
                                 uint8_t *dst, int32_t dst_capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *norm = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status) || src_length < 0 || src_length > INT32_MAX / 8) return -1;
    // UTF-8 never needs more UTF-16 units than bytes; NFKC_Casefold grows text at most 18x
    // per character, so the folded buffer starts at 3x and grows when ICU asks.
    UChar stack_units[1024], stack_folded[3072];
    UChar *units = src_length <= 1024 ? stack_units : malloc(sizeof(UChar) * (size_t)src_length);
    if (!units) return -1;
    int32_t unit_count = 0;
    u_strFromUTF8(units, src_length, &unit_count, (const char *)src, src_length, &status);
    int32_t result = -1;
    if (U_SUCCESS(status)) {
        int32_t capacity = unit_count * 3 + 16;
        UChar *folded = capacity <= 3072 ? stack_folded : malloc(sizeof(UChar) * (size_t)capacity);
        int32_t folded_count = folded ? unorm2_normalize(norm, units, unit_count, folded, capacity, &status) : -1;
        if (folded && status == U_BUFFER_OVERFLOW_ERROR) {
            if (folded != stack_folded) free(folded);
            capacity = folded_count;
            status = U_ZERO_ERROR;
            folded = malloc(sizeof(UChar) * (size_t)capacity);
            folded_count = folded ? unorm2_normalize(norm, units, unit_count, folded, capacity, &status) : -1;
        }
        if (folded && U_SUCCESS(status)) {
            int32_t length = 0;
            u_strToUTF8((char *)dst, dst_capacity, &length, folded, folded_count, &status);
            if (status == U_BUFFER_OVERFLOW_ERROR || U_SUCCESS(status)) result = length;
        }
        if (folded && folded != stack_folded) free(folded);
    }
    if (units != stack_units) free(units);
    return result;
}

// ICU break iterators are not safe to share between threads, and opening them costs far more
// than using them, so each thread keeps its own, created on first use and closed when the
// thread exits.
typedef struct {
    UBreakIterator *breaks[2];
    UBreakIterator *characters;
} ThreadState;

static pthread_key_t state_key;
static pthread_once_t state_once = PTHREAD_ONCE_INIT;

static void destroy_state(void *pointer) {
    ThreadState *state = pointer;
    for (int i = 0; i < 2; i++) {
        if (state->breaks[i]) ubrk_close(state->breaks[i]);
    }
    if (state->characters) ubrk_close(state->characters);
    free(state);
}

static void make_state_key(void) { pthread_key_create(&state_key, destroy_state); }

static ThreadState *thread_state(void) {
    pthread_once(&state_once, make_state_key);
    ThreadState *state = pthread_getspecific(state_key);
    if (!state) {
        state = calloc(1, sizeof *state);
        if (!state) return NULL;
        if (pthread_setspecific(state_key, state) != 0) {
            free(state);
            return NULL;
        }
    }
    return state;
}

/// Writes the text without its nonspacing marks (general category Mn) over itself; returns
/// the new length.
static int32_t remove_nonspacing_marks(UChar *units, int32_t length) {
    int32_t kept = 0;
    for (int32_t offset = 0; offset < length;) {
        int32_t start = offset;
        UChar32 c;
        U16_NEXT(units, offset, length, c);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        while (start < offset) units[kept++] = units[start++];
    }
    return kept;
}

int32_t plicu_fold_accents(const uint16_t *src, int32_t src_length,
                           uint16_t *dst, int32_t dst_capacity) {
    // What the transliterator "NFD; [:Nonspacing Mark:] Remove; NFC" does, without building
    // one: opening a transliterator initialises ICU's whole transliterator registry, which
    // cost a warm lint more than anything else it did.
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&status);
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status) || src_length < 0 || src_length > INT32_MAX / 4) return -1;
    UChar stack_units[1024];
    int32_t capacity = src_length * 3 + 16;
    UChar *units = capacity <= 1024 ? stack_units : malloc(sizeof(UChar) * (size_t)capacity);
    if (!units) return -1;
    int32_t length = unorm2_normalize(nfd, (const UChar *)src, src_length, units, capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        if (units != stack_units) free(units);
        capacity = length;
        status = U_ZERO_ERROR;
        units = malloc(sizeof(UChar) * (size_t)capacity);
        if (!units) return -1;
        length = unorm2_normalize(nfd, (const UChar *)src, src_length, units, capacity, &status);
    }
    int32_t result = -1;
    if (U_SUCCESS(status)) {
        length = remove_nonspacing_marks(units, length);
        result = unorm2_normalize(nfc, units, length, (UChar *)dst, dst_capacity, &status);
        if (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR) result = -1;
    }
    if (units != stack_units) free(units);
    return result;
}

int32_t plicu_segments(int32_t kind, const uint8_t *utf8, int32_t utf8_length,
                       int32_t *ends, int32_t *statuses, int32_t capacity) {
    if (kind != PLICU_BREAK_WORD && kind != PLICU_BREAK_SENTENCE) return -1;
    ThreadState *state = thread_state();
    if (!state) return -1;
    UErrorCode status = U_ZERO_ERROR;
    if (!state->breaks[kind]) {
        UBreakIteratorType type = kind == PLICU_BREAK_WORD ? UBRK_WORD : UBRK_SENTENCE;
        state->breaks[kind] = ubrk_open(type, "en", NULL, 0, &status);
        if (U_FAILURE(status)) {
            state->breaks[kind] = NULL;
            return -1;
        }
    }
    UBreakIterator *iterator = state->breaks[kind];
    UText text = UTEXT_INITIALIZER;
    utext_openUTF8(&text, (const char *)utf8, utf8_length, &status);
    if (U_FAILURE(status)) return -1;
    ubrk_setUText(iterator, &text, &status);
    if (U_FAILURE(status)) {
        utext_close(&text);
        return -1;
    }
    int32_t count = 0;
    ubrk_first(iterator);
    for (int32_t end = ubrk_next(iterator); end != UBRK_DONE; end = ubrk_next(iterator)) {
        if (count < capacity) {
            ends[count] = end;
            statuses[count] = ubrk_getRuleStatus(iterator);
        }
        count++;
    }
    utext_close(&text);
    return count;
}

int32_t plicu_may_end_sentence(const uint8_t *utf8, int32_t utf8_length) {
    int32_t offset = 0;
    while (offset < utf8_length) {
        UChar32 c;
        U8_NEXT(utf8, offset, utf8_length, c);
        if (c < 0) return -1;
        switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
        case U_SB_ATERM: case U_SB_STERM: case U_SB_SEP: case U_SB_CR: case U_SB_LF:
            return 1;
        default:
            break;
        }
    }
    return 0;
}

/// The terminal width of the cluster utf8[start, end) (see plicu_graphemes).
static uint8_t cluster_width(const uint8_t *utf8, int32_t start, int32_t end) {
    int32_t offset = start;
    UChar32 base;
    U8_NEXT(utf8, offset, end, base);
    if (base < 0) return 1;
    UBool emoji_selector = 0, text_selector = 0, joined = 0;
    while (offset < end) {
        UChar32 c;
        U8_NEXT(utf8, offset, end, c);
        if (c == 0xFE0F) emoji_selector = 1;
        else if (c == 0xFE0E) text_selector = 1;
        else if (c == 0x200D) joined = 1;
    }
    UBool pictographic = u_hasBinaryProperty(base, UCHAR_EXTENDED_PICTOGRAPHIC);
    if (u_hasBinaryProperty(base, UCHAR_REGIONAL_INDICATOR)) return 2;
    if (u_hasBinaryProperty(base, UCHAR_EMOJI_PRESENTATION) && !text_selector) return 2;
    if ((emoji_selector && (pictographic || u_hasBinaryProperty(base, UCHAR_EMOJI))) || (joined && pictographic)) return 2;
    int32_t east_asian = u_getIntPropertyValue(base, UCHAR_EAST_ASIAN_WIDTH);
    if (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH) return 2;
    int8_t type = u_charType(base);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
    return 1;
}

int32_t plicu_graphemes(const uint8_t *utf8, int32_t utf8_length,
                        int32_t *ends, uint8_t *widths, int32_t capacity) {
    ThreadState *state = thread_state();
    if (!state) return -1;
    UErrorCode status = U_ZERO_ERROR;
    if (!state->characters) {
        state->characters = ubrk_open(UBRK_CHARACTER, "en", NULL, 0, &status);
        if (U_FAILURE(status)) {
            state->characters = NULL;
            return -1;
        }
    }
    UText text = UTEXT_INITIALIZER;
    utext_openUTF8(&text, (const char *)utf8, utf8_length, &status);
    if (U_FAILURE(status)) return -1;
    ubrk_setUText(state->characters, &text, &status);
    if (U_FAILURE(status)) {
        utext_close(&text);
        return -1;
    }
    int32_t count = 0;
    int32_t start = ubrk_first(state->characters);
    for (int32_t end = ubrk_next(state->characters); end != UBRK_DONE; end = ubrk_next(state->characters)) {
        if (count < capacity) {
            ends[count] = end;
            widths[count] = cluster_width(utf8, start, end);
        }
        count++;
        start = end;
    }
    utext_close(&text);
    return count;
}

/// Compiles a UTF-8 pattern; NULL (with `status` set) when it does not compile.
static URegularExpression *plicu_regex_open(const uint8_t *pattern, int32_t pattern_length, int32_t flags,
                                            UParseError *parse_error, UErrorCode *status) {
    if (pattern_length < 0 || pattern_length > INT32_MAX / 2 || (flags & ~PLICU_REGEX_CASE_INSENSITIVE) != 0) {
        *status = U_ILLEGAL_ARGUMENT_ERROR;
        return NULL;
    }
    // UTF-8 never needs more UTF-16 units than bytes.
    UChar *units = malloc(sizeof(UChar) * ((size_t)pattern_length + 1));
    if (!units) {
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    int32_t unit_count = 0;
    u_strFromUTF8(units, pattern_length + 1, &unit_count, (const char *)pattern, pattern_length, status);
    uint32_t icu_flags = (flags & PLICU_REGEX_CASE_INSENSITIVE) ? UREGEX_CASE_INSENSITIVE : 0;
    URegularExpression *regex = U_SUCCESS(*status)
        ? uregex_open(units, unit_count, icu_flags, parse_error, status)
        : NULL;
    free(units);
    return regex;
}

PLICURegex *plicu_regex_compile(const uint8_t *pattern, int32_t pattern_length, int32_t flags,
                                uint8_t *name, int32_t capacity, int32_t *offset) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error;
    parse_error.offset = -1;
    URegularExpression *regex = plicu_regex_open(pattern, pattern_length, flags, &parse_error, &status);
    if (U_SUCCESS(status)) return (PLICURegex *)regex;
    if (capacity > 0) {
        strncpy((char *)name, u_errorName(status), (size_t)capacity - 1);
        name[capacity - 1] = 0;
    }
    *offset = parse_error.offset;
    return NULL;
}

void plicu_regex_close(PLICURegex *regex) { uregex_close((URegularExpression *)regex); }

int32_t plicu_regex_group_count(const PLICURegex *regex) {
    UErrorCode status = U_ZERO_ERROR;
    // uregex_groupCount takes a non-const expression but only reads it.
    int32_t count = uregex_groupCount((URegularExpression *)regex, &status);
    return U_SUCCESS(status) ? count : PLICU_REGEX_FAILED;
}

int32_t plicu_regex_find(const PLICURegex *compiled, int32_t time_limit, const uint8_t *text, int32_t text_length,
                         int32_t from, int32_t groups, int32_t *bounds, int32_t capacity) {
    if (text_length < 0 || from < 0 || from > text_length || groups < 0 || capacity < 0) return PLICU_REGEX_FAILED;
    int32_t group_total = plicu_regex_group_count(compiled);
    if (group_total < 0 || groups > group_total) return PLICU_REGEX_FAILED;
    UErrorCode status = U_ZERO_ERROR;
    // A clone shares the compiled pattern and has its own match state, so threads can match
    // with one compiled expression at once.
    URegularExpression *regex = uregex_clone((const URegularExpression *)compiled, &status);
    if (U_FAILURE(status)) return PLICU_REGEX_FAILED;
    UText *subject = utext_openUTF8(NULL, (const char *)text, text_length, &status);
    if (time_limit > 0) uregex_setTimeLimit(regex, time_limit, &status);
    if (U_SUCCESS(status)) uregex_setUText(regex, subject, &status);
    // With a UTF-8 UText, ICU's native indexes are UTF-8 byte offsets.
    if (U_SUCCESS(status) && from > 0) uregex_reset64(regex, from, &status);
    int32_t count = 0;
    int32_t stride = 2 * (groups + 1);
    while (U_SUCCESS(status) && uregex_findNext(regex, &status)) {
        if (count < capacity) {
            int32_t *match = bounds + (size_t)count * (size_t)stride;
            for (int32_t group = 0; group <= groups && U_SUCCESS(status); group++) {
                // A group that took no part in the match has start and end -1.
                match[2 * group] = (int32_t)uregex_start64(regex, group, &status);
                match[2 * group + 1] = (int32_t)uregex_end64(regex, group, &status);
            }
        }
        count += 1;
    }
    uregex_close(regex);
    utext_close(subject);
    if (status == U_REGEX_TIME_OUT) return PLICU_REGEX_TIME_LIMIT;
    return U_FAILURE(status) ? PLICU_REGEX_FAILED : count;
}
