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

static const char empty_text[1];
S const sym_null = (S)empty_text; /* never written: the null symbol's text is "" */

static char *arena_copy(const char *s, size_t n) {
    if (!RT->obj.chunks || RT->obj.chunks->size - RT->obj.chunks->used < n + 1) {
        size_t size = n + 1 > CHUNK_BYTES ? n + 1 : CHUNK_BYTES;
        Chunk *c = mem_raw_kept_calloc(1, sizeof(Chunk) + size);
        if (!c)
            return NULL;
        c->next = RT->obj.chunks;
        c->used = 0;
        c->size = size;
        RT->obj.chunks = c;
    }
    char *p = RT->obj.chunks->text + RT->obj.chunks->used;
    memcpy(p, s, n);
    p[n] = 0;
    RT->obj.chunks->used += n + 1;
    return p;
}

static int grow_table(void) {
    size_t size = RT->obj.slots ? (RT->obj.slot_mask + 1) * 2 : 1024;
    S *fresh = mem_raw_kept_calloc(size, sizeof(S));
    if (!fresh)
        return 0;
    for (size_t i = 0; RT->obj.slots && i <= RT->obj.slot_mask; i++) {
        if (!RT->obj.slots[i])
            continue;
        size_t j = hash_bytes(RT->obj.slots[i], strlen(RT->obj.slots[i])) & (size - 1);
        while (fresh[j])
            j = (j + 1) & (size - 1);
        fresh[j] = RT->obj.slots[i];
    }
    mem_raw_free(RT->obj.slots);
    if (!RT->obj.slots)
        runtime_on_free(RT_OBJ, obj_state_free);
    RT->obj.slots = fresh;
    RT->obj.slot_mask = size - 1;
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
    if ((RT->obj.sym_count + 1) * 2 > RT->obj.slot_mask + 1 && !grow_table())
        return sym_null; /* out of memory: degrade to the null symbol rather than crash */
    size_t j = hash_bytes(s, n) & RT->obj.slot_mask;
    for (; RT->obj.slots[j]; j = (j + 1) & RT->obj.slot_mask)
        if (strncmp(RT->obj.slots[j], s, n) == 0 && RT->obj.slots[j][n] == 0)
            return RT->obj.slots[j];
    char *copy = arena_copy(s, n);
    if (!copy)
        return sym_null;
    RT->obj.slots[j] = copy;
    RT->obj.sym_count++;
    return copy;
}

S ss(S s) { return sym_intern(s, strlen(s)); }
S sn(S s, I n) { return sym_intern(s, n > 0 ? (size_t)n : 0); }

size_t sym_count(void) { return RT->obj.sym_count; }

size_t sym_bytes(void) {
    size_t n = 0;
    for (const Chunk *c = RT->obj.chunks; c; c = c->next)
        n += c->used;
    return n;
}

void sym_reset(void) {
    while (RT->obj.chunks) {
        Chunk *c = RT->obj.chunks;
        RT->obj.chunks = c->next;
        mem_raw_free(c);
    }
    mem_raw_free(RT->obj.slots);
    RT->obj.slots = NULL;
    RT->obj.slot_mask = 0;
    RT->obj.sym_count = 0;
}
