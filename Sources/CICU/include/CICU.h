#ifndef PROFILELINT_CICU_H
#define PROFILELINT_CICU_H
// C shim over the system ICU. This header must only use <stdint.h> types:
// ICU's own headers clash with Foundation's bundled ICU if Swift sees them.
#include <stdint.h>

/// NFKC case folding (ICU's nfkc_cf) of UTF-16 text.
/// Writes at most `dst_capacity` units to `dst` and returns the full length needed,
/// or a negative value on an ICU error.
int32_t plicu_nfkc_casefold(const uint16_t *src, int32_t src_length,
                            uint16_t *dst, int32_t dst_capacity);

/// NFKC case folding of UTF-8 text (converted to UTF-16 for ICU and back, inside C).
/// Writes at most `dst_capacity` bytes to `dst` and returns the full length needed,
/// or a negative value on an ICU error (such as invalid UTF-8).
int32_t plicu_nfkc_casefold_utf8(const uint8_t *src, int32_t src_length,
                                 uint8_t *dst, int32_t dst_capacity);

/// Accent folding of UTF-16 text: NFD, nonspacing marks (Mn) removed, NFC (`résumé` ->
/// `resume`); the same as ICU's transliterator "NFD; [:Nonspacing Mark:] Remove; NFC".
/// Writes at most `dst_capacity` units to `dst` and returns the full length needed
/// (call again with that capacity if it is larger), or a negative value on an ICU error.
int32_t plicu_fold_accents(const uint16_t *src, int32_t src_length,
                           uint16_t *dst, int32_t dst_capacity);

/// Kinds of text segmentation.
enum {
    /// Words (UAX #29 word boundaries).
    PLICU_BREAK_WORD = 0,
    /// Sentences (UAX #29 sentence boundaries).
    PLICU_BREAK_SENTENCE = 1
};

/// Segments UTF-8 text with an ICU break iterator of `kind` (one cached per thread).
/// For each segment i, `ends[i]` is its end as a UTF-8 byte offset (segment i starts at
/// `ends[i - 1]`, or 0) and `statuses[i]` is ICU's rule status for it (for words: 0-99 none,
/// 100-199 number, 200-299 letter, 300+ kana/ideographic).
/// Returns the number of segments (at most `utf8_length`, so a capacity of `utf8_length`
/// always suffices; a larger count means the arrays were too small), or a negative value
/// on an ICU error.
int32_t plicu_segments(int32_t kind, const uint8_t *utf8, int32_t utf8_length,
                       int32_t *ends, int32_t *statuses, int32_t capacity);

/// Whether UTF-8 text holds a character that can end a sentence by itself (Sentence_Break
/// ATerm, STerm, Sep, CR or LF, the only ones after which UAX #29 breaks a sentence):
/// 1 if it does, 0 if not, -1 on invalid UTF-8.
int32_t plicu_may_end_sentence(const uint8_t *utf8, int32_t utf8_length);

/// Results of `plicu_regex_find` besides a match count.
enum {
    /// A match attempt ran past the time limit (catastrophic backtracking).
    PLICU_REGEX_TIME_LIMIT = -2,
    /// Another ICU error (such as invalid UTF-8, an offset outside the text, or running out of memory).
    PLICU_REGEX_FAILED = -3
};

/// Flags of `plicu_regex_compile`, or-ed together (none: 0, as `NSRegularExpression`'s default).
enum {
    /// Letters match without regard to case (ICU's UREGEX_CASE_INSENSITIVE).
    PLICU_REGEX_CASE_INSENSITIVE = 1
};

/// A compiled ICU regular expression (opaque).
typedef struct PLICURegex PLICURegex;

/// Compiles the ICU regular expression `pattern` (UTF-8) with `flags` (PLICU_REGEX_ values).
/// Returns NULL when it does not compile, with ICU's error name (NUL-terminated, at most
/// `capacity` bytes) written to `name` and the 0-based offset of the error in the pattern's
/// UTF-16 units (or -1 when ICU gives none) to `offset`. Free it with `plicu_regex_close`.
PLICURegex *plicu_regex_compile(const uint8_t *pattern, int32_t pattern_length, int32_t flags,
                                uint8_t *name, int32_t capacity, int32_t *offset);

/// Frees a compiled expression.
void plicu_regex_close(PLICURegex *regex);

/// The number of capture groups of a compiled expression (group 0, the whole match, not
/// counted), or a negative value on an ICU error.
int32_t plicu_regex_group_count(const PLICURegex *regex);

/// Every match of a compiled expression in UTF-8 `text`, searched from byte offset `from` on
/// (what lies before `from` is still seen by look-behinds and `\b`), with the bounds of groups
/// 0 (the whole match) to `groups` as UTF-8 byte offsets: match i writes `2 * (groups + 1)`
/// values at `bounds + i * 2 * (groups + 1)`, the start and end of each group in turn, or
/// -1 and -1 for a group that took no part in the match. `groups` must be at most
/// `plicu_regex_group_count`. Threads may call it with the same expression at once (each call
/// matches with its own clone). `time_limit`: ICU's limit per match attempt in match-engine
/// steps (each on the order of a millisecond; 0 for none), set with `uregex_setTimeLimit`.
/// Returns the number of matches (when larger than `capacity`, only the first `capacity`
/// were written; `text_length - from + 1` always suffices), or one of the negative
/// PLICU_REGEX_ values.
int32_t plicu_regex_find(const PLICURegex *regex, int32_t time_limit, const uint8_t *text, int32_t text_length,
                         int32_t from, int32_t groups, int32_t *bounds, int32_t capacity);

/// Splits UTF-8 text into extended grapheme clusters (UAX #29, what a reader sees as one
/// character) and gives each the columns a terminal draws it in: 2 for an emoji shown as
/// emoji (an Emoji_Presentation base, a base with U+FE0F, a ZWJ sequence, a flag) and for
/// East Asian Wide or Fullwidth characters; 0 for a cluster of combining marks or format
/// characters alone; else 1. For each cluster i, `ends[i]` is its end as a UTF-8 byte offset
/// and `widths[i]` its width. Returns the number of clusters (at most `utf8_length`; a larger
/// count means the arrays were too small), or a negative value on an ICU error.
int32_t plicu_graphemes(const uint8_t *utf8, int32_t utf8_length,
                        int32_t *ends, uint8_t *widths, int32_t capacity);

/// Asks the CPU to start loading the cache line at `address` (a hint, never a fault): hash
/// tables probed at random call it a few lookups ahead, so the misses overlap.
static inline void plicu_prefetch(const void *address) {
    __builtin_prefetch(address);
}

#endif
