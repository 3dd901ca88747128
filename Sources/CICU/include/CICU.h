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

#endif
