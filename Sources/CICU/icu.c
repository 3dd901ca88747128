#include "CICU.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utrans.h>

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

// ICU break iterators and transliterators are not safe to share between threads, and opening
// them costs far more than using them, so each thread keeps its own, created on first use and
// closed when the thread exits.
typedef struct {
    UBreakIterator *breaks[2];
    UTransliterator *accents;
} ThreadState;

static pthread_key_t state_key;
static pthread_once_t state_once = PTHREAD_ONCE_INIT;

static void destroy_state(void *pointer) {
    ThreadState *state = pointer;
    for (int i = 0; i < 2; i++) {
        if (state->breaks[i]) ubrk_close(state->breaks[i]);
    }
    if (state->accents) utrans_close(state->accents);
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

int32_t plicu_fold_accents(const uint16_t *src, int32_t src_length,
                           uint16_t *dst, int32_t dst_capacity) {
    ThreadState *state = thread_state();
    if (!state) return -1;
    UErrorCode status = U_ZERO_ERROR;
    if (!state->accents) {
        UChar id[64];
        u_uastrcpy(id, "NFD; [:Nonspacing Mark:] Remove; NFC");
        state->accents = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
        if (U_FAILURE(status)) {
            state->accents = NULL;
            return -1;
        }
    }
    // The transliterator works in place; NFD may grow the text before marks are removed,
    // so ask for room to spare.
    if (src_length > dst_capacity / 3) return src_length * 3 + 16;
    memcpy(dst, src, (size_t)src_length * sizeof(uint16_t));
    int32_t length = src_length;
    int32_t limit = src_length;
    utrans_transUChars(state->accents, (UChar *)dst, &length, dst_capacity, 0, &limit, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) return length > dst_capacity ? length : dst_capacity + 1;
    if (U_FAILURE(status)) return -1;
    return length;
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
