/* hash.h -- the hash function every hashed structure uses (symbols, find, group, u#). */
#ifndef OPENQ_HASH_H
#define OPENQ_HASH_H

#include <stddef.h>
#include <stdint.h>

/* 64-bit hash of n bytes */
uint64_t hash_bytes(const void *p, size_t n);

/* mix a 64-bit value into a well-spread 64-bit hash */
static inline uint64_t hash_u64(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

#endif
