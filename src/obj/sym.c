/* sym.c -- the symbol table.  A symbol is an interned, NUL-terminated string: equal symbols
 * are the same pointer, so comparing symbols is comparing pointers.  Texts live in arena
 * chunks that are released only by sym_reset (q never frees a symbol either). */
#include <stdlib.h>

#include "../base/hash.h"
#include "obj.h"

#define CHUNK_BYTES (1 << 20)

typedef struct Chunk {
    struct Chunk *next; /* older chunk */
    size_t used;        /* bytes of text used in this chunk */
    size_t size;        /* bytes of text this chunk holds */
    char text[];        /* the symbols' bytes, each NUL-terminated */
} Chunk;

static S *slots;         /* open-addressing table of interned symbols; NULL = empty */
static size_t slot_mask; /* table size - 1 (a power of two) */
static size_t count;     /* symbols interned */
static Chunk *chunks;    /* newest arena chunk */
static char empty_text[1];
S const sym_null = empty_text;

static char *arena_copy(const char *s, size_t n) {
    if (!chunks || chunks->size - chunks->used < n + 1) {
        size_t size = n + 1 > CHUNK_BYTES ? n + 1 : CHUNK_BYTES;
        Chunk *c = mem_raw_kept_calloc(1, sizeof(Chunk) + size);
        if (!c)
            return NULL;
        c->next = chunks;
        c->used = 0;
        c->size = size;
        chunks = c;
    }
    char *p = chunks->text + chunks->used;
    memcpy(p, s, n);
    p[n] = 0;
    chunks->used += n + 1;
    return p;
}

static int grow_table(void) {
    size_t size = slots ? (slot_mask + 1) * 2 : 1024;
    S *fresh = mem_raw_kept_calloc(size, sizeof(S));
    if (!fresh)
        return 0;
    for (size_t i = 0; slots && i <= slot_mask; i++) {
        if (!slots[i])
            continue;
        size_t j = hash_bytes(slots[i], strlen(slots[i])) & (size - 1);
        while (fresh[j])
            j = (j + 1) & (size - 1);
        fresh[j] = slots[i];
    }
    mem_raw_free(slots);
    slots = fresh;
    slot_mask = size - 1;
    return 1;
}

S sym_intern(const char *s, size_t n) {
    if (n == 0)
        return sym_null;
    const char *nul = memchr(s, 0, n); /* a symbol ends at its first NUL, as on the wire */
    if (nul)
        n = (size_t)(nul - s);
    if (n == 0)
        return sym_null;
    if ((count + 1) * 2 > slot_mask + 1 && !grow_table())
        return sym_null; /* out of memory: degrade to the null symbol rather than crash */
    size_t j = hash_bytes(s, n) & slot_mask;
    for (; slots[j]; j = (j + 1) & slot_mask)
        if (strncmp(slots[j], s, n) == 0 && slots[j][n] == 0)
            return slots[j];
    char *copy = arena_copy(s, n);
    if (!copy)
        return sym_null;
    slots[j] = copy;
    count++;
    return copy;
}

S ss(S s) { return sym_intern(s, strlen(s)); }
S sn(S s, I n) { return sym_intern(s, n > 0 ? (size_t)n : 0); }

size_t sym_count(void) { return count; }

size_t sym_bytes(void) {
    size_t n = 0;
    for (const Chunk *c = chunks; c; c = c->next)
        n += c->used;
    return n;
}

void sym_reset(void) {
    while (chunks) {
        Chunk *c = chunks;
        chunks = c->next;
        mem_raw_free(c);
    }
    mem_raw_free(slots);
    slots = NULL;
    slot_mask = 0;
    count = 0;
}
