/* mem.c -- size-class pools over malloc and mmap; see mem.h for the contract. */
#include "mem.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "defs.h"
#include "runtime.h"

/* Blocks up to 2^POOL_SMALL come from malloc'd slabs of 64 KiB carved into equal blocks;
 * bigger ones are mmap'd (with a huge-page hint from 2 MiB) and cached on a free list
 * until mem_trim, because a fresh large mapping costs page faults on first touch. */
#define POOL_SMALL 15
#define SLAB_BYTES (1 << 16)
#define HUGE_CLASS 21

typedef struct FreeBlock { struct FreeBlock *next; } FreeBlock;


int mem_class(size_t bytes) {
    int m = MEM_MIN_CLASS;
    while (m <= MEM_MAX_CLASS && ((size_t)1 << m) < bytes)
        m++;
    return m > MEM_MAX_CLASS ? -1 : m;
}

void mem_set_limit(int64_t bytes) { RT->mem.byte_limit = bytes > 0 ? bytes : 0; }

/* an injected failure, or a block of class m that would take live bytes past the -w limit */
static int injected_failure_for(int m) {
    struct RtMem *mem = &RT->mem;
    if (mem->fail_countdown > 0 && --mem->fail_countdown == 0)
        return 1;
    return mem->byte_limit && mem->stats.live_bytes + ((int64_t)1 << m) > mem->byte_limit;
}
#define injected_failure() injected_failure_for(m)

static void count_alloc(int m) {
    MemStats *stats = &RT->mem.stats;
    stats->live_blocks++;
    stats->live_bytes += (int64_t)1 << m;
    if (stats->live_bytes > stats->peak_bytes)
        stats->peak_bytes = stats->live_bytes;
}

#ifdef OPENQ_PLAIN_MALLOC

void *mem_alloc(int m) {
    if (m < MEM_MIN_CLASS || m > MEM_MAX_CLASS || injected_failure())
        return NULL;
    void *p = malloc((size_t)1 << m);
    if (p)
        count_alloc(m);
    return p;
}

void mem_free(void *p, int m) {
    if (!p)
        return;
    ASSERT(m >= MEM_MIN_CLASS && m <= MEM_MAX_CLASS && RT->mem.stats.live_blocks > 0);
    RT->mem.stats.live_blocks--;
    RT->mem.stats.live_bytes -= (int64_t)1 << m;
    free(p);
}

void mem_trim(void) {}

#else

static void *map_block(int m) {
    size_t n = (size_t)1 << m;
    void *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
#ifdef MADV_HUGEPAGE
    if (m >= HUGE_CLASS)
        madvise(p, n, MADV_HUGEPAGE);
#endif
    return p;
}

/* Carve a new slab into blocks of class m and put them on the free list.  Slabs are never
 * returned: small blocks are reused so often that giving them back would only churn. */
static int refill_small(int m) {
    char *slab = malloc(SLAB_BYTES);
    if (!slab)
        return 0;
    size_t size = (size_t)1 << m;
    for (size_t off = 0; off + size <= SLAB_BYTES; off += size) {
        FreeBlock *b = (FreeBlock *)(slab + off);
        b->next = RT->mem.free_lists[m];
        RT->mem.free_lists[m] = b;
        RT->mem.stats.pooled_bytes += (int64_t)size;
    }
    return 1;
}

void *mem_alloc(int m) {
    if (m < MEM_MIN_CLASS || m > MEM_MAX_CLASS || injected_failure())
        return NULL;
    struct RtMem *mem = &RT->mem;
    FreeBlock *b = mem->free_lists[m];
    if (!b && m <= POOL_SMALL) {
        if (!refill_small(m))
            return NULL;
        b = mem->free_lists[m];
    }
    if (b) {
        mem->free_lists[m] = b->next;
        mem->stats.pooled_bytes -= (int64_t)1 << m;
    } else {
        b = map_block(m);
        if (!b)
            return NULL;
    }
    count_alloc(m);
    return b;
}

void mem_free(void *p, int m) {
    if (!p)
        return;
    struct RtMem *mem = &RT->mem;
    ASSERT(m >= MEM_MIN_CLASS && m <= MEM_MAX_CLASS && mem->stats.live_blocks > 0);
    mem->stats.live_blocks--;
    mem->stats.live_bytes -= (int64_t)1 << m;
    FreeBlock *b = p;
    b->next = mem->free_lists[m];
    mem->free_lists[m] = b;
    mem->stats.pooled_bytes += (int64_t)1 << m;
}

void mem_trim(void) {
    for (int m = POOL_SMALL + 1; m <= MEM_MAX_CLASS; m++) {
        while (RT->mem.free_lists[m]) {
            FreeBlock *b = RT->mem.free_lists[m];
            RT->mem.free_lists[m] = b->next;
            munmap(b, (size_t)1 << m);
            RT->mem.stats.pooled_bytes -= (int64_t)1 << m;
        }
    }
}

#endif

/* ---- raw buffers ---------------------------------------------------------------------- */

typedef struct RawHeader {
    size_t bytes; /* what the caller asked for */
    int m;        /* the block's class */
    int kept;     /* from mem_raw_kept_calloc: counted as kept, not live */
} RawHeader;
_Static_assert(sizeof(RawHeader) == 16, "raw buffers stay 16-byte aligned");

static RawHeader *raw_header(void *p) { return (RawHeader *)p - 1; }

void *mem_raw_alloc(size_t bytes) {
    if (bytes > ((size_t)1 << MEM_MAX_CLASS) - sizeof(RawHeader))
        return NULL;
    int m = mem_class(bytes + sizeof(RawHeader));
#ifdef OPENQ_PLAIN_MALLOC /* exactly the bytes asked for, so ASan sees an overrun */
    if (m < 0 || injected_failure())
        return NULL;
    RawHeader *h = malloc(sizeof(RawHeader) + bytes);
    if (!h)
        return NULL;
    count_alloc(m);
#else
    RawHeader *h = m < 0 ? NULL : mem_alloc(m);
    if (!h)
        return NULL;
#endif
    h->bytes = bytes;
    h->m = m;
    h->kept = 0;
    return h + 1;
}

void *mem_raw_kept_calloc(size_t count, size_t size) {
    if (size && count > SIZE_MAX / size)
        return NULL;
    size_t bytes = count * size;
    int m = bytes > ((size_t)1 << MEM_MAX_CLASS) - sizeof(RawHeader) ? -1 : mem_class(bytes + sizeof(RawHeader));
    RawHeader *h = m < 0 ? NULL : calloc(1, sizeof(RawHeader) + bytes);
    if (!h)
        return NULL;
    h->bytes = bytes;
    h->m = m;
    h->kept = 1;
    RT->mem.stats.kept_blocks++;
    RT->mem.stats.kept_bytes += (int64_t)bytes;
    return h + 1;
}

void *mem_raw_calloc(size_t count, size_t size) {
    if (size && count > SIZE_MAX / size)
        return NULL;
    void *p = mem_raw_alloc(count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

void mem_raw_free(void *p) {
    if (!p)
        return;
    RawHeader *h = raw_header(p);
    ASSERT(h->m >= MEM_MIN_CLASS && h->m <= MEM_MAX_CLASS && h->bytes <= ((size_t)1 << h->m));
    if (h->kept) {
        RT->mem.stats.kept_blocks--;
        RT->mem.stats.kept_bytes -= (int64_t)h->bytes;
        free(h);
        return;
    }
#ifdef OPENQ_PLAIN_MALLOC
    RT->mem.stats.live_blocks--;
    RT->mem.stats.live_bytes -= (int64_t)1 << h->m;
    free(h);
#else
    mem_free(h, h->m);
#endif
}

void *mem_raw_grow(void *p, size_t *cap, size_t need, size_t width, size_t first) {
    if (need <= *cap)
        return p;
    size_t n = *cap ? *cap * 2 : (first ? first : 1);
    while (n < need) {
        if (n > SIZE_MAX / 2)
            return NULL;
        n *= 2;
    }
    if (width && n > SIZE_MAX / width)
        return NULL;
    void *g = mem_raw_realloc(p, n * width);
    if (g)
        *cap = n;
    return g;
}

void *mem_raw_realloc(void *p, size_t bytes) {
    if (!p)
        return mem_raw_alloc(bytes);
    RawHeader *h = raw_header(p);
    ASSERT(!h->kept); /* kept buffers are not resized */
#ifndef OPENQ_PLAIN_MALLOC /* the block has room: grow (or shrink) in place */
    if (bytes <= ((size_t)1 << h->m) - sizeof(RawHeader)) {
        h->bytes = bytes;
        return p;
    }
#endif
    void *q = mem_raw_alloc(bytes);
    if (!q)
        return NULL;
    memcpy(q, p, MIN(h->bytes, bytes));
    mem_raw_free(p);
    return q;
}

char *mem_raw_strndup(const char *s, size_t n) {
    char *c = mem_raw_alloc(n + 1);
    if (c) {
        memcpy(c, s, n);
        c[n] = 0;
    }
    return c;
}

char *mem_raw_strdup(const char *s) { return mem_raw_strndup(s, strlen(s)); }

/* ---- file mappings ---------------------------------------------------------------------- */

void *mem_map(int fd, size_t length) {
    void *p = mmap(NULL, length, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED)
        return NULL;
    RT->mem.stats.live_blocks++;
    RT->mem.stats.mapped_bytes += (int64_t)length;
    return p;
}

void mem_unmap(void *p, size_t length) {
    ASSERT(RT->mem.stats.mapped_bytes >= (int64_t)length);
    munmap(p, length);
    RT->mem.stats.live_blocks--;
    RT->mem.stats.mapped_bytes -= (int64_t)length;
}

MemStats mem_stats(void) { return RT->mem.stats; }

int64_t mem_peak_begin(void) {
    int64_t old = RT->mem.stats.peak_bytes;
    RT->mem.stats.peak_bytes = RT->mem.stats.live_bytes;
    return old;
}

void mem_peak_end(int64_t old_peak) {
    if (old_peak > RT->mem.stats.peak_bytes)
        RT->mem.stats.peak_bytes = old_peak;
}

void mem_fail_after(int64_t n) { RT->mem.fail_countdown = n > 0 ? n : 0; }
