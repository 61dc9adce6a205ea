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

void *mem_map(int fd, size_t length) {
    void *p = mmap(NULL, length, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED)
        return NULL;
    RT->mem.stats.live_blocks++;
    RT->mem.stats.mapped_bytes += (int64_t)length;
    return p;
}

void mem_unmap(void *p, size_t length) {
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
