#include "CICU.h"
#include <unicode/unorm2.h>

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
