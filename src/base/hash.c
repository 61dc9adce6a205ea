/* hash.c -- a fast byte hash: 8 bytes a step, then the tail, finished by hash_u64. */
#include "hash.h"

#include <string.h>

uint64_t hash_bytes(const void *p, size_t n) {
    const unsigned char *s = p;
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ (n * 0x100000001b3ULL);
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ hash_u64(w)) * 0x100000001b3ULL;
        s += 8;
        n -= 8;
    }
    uint64_t tail = 0;
    memcpy(&tail, s, n);
    return hash_u64(h ^ tail ^ ((uint64_t)n << 56));
}
