/* mem.h -- the one allocation seam.
 *
 * Every object and every large buffer comes from mem_alloc.  Blocks are powers of two
 * (2^m bytes, m stored in the object header) so capacity is derivable and appends grow in
 * place.  Release builds keep size-class free lists and reuse huge-page-backed blocks for
 * large vectors; OPENQ_PLAIN_MALLOC (sanitizer builds) uses malloc/free directly so ASan
 * sees every block.  Counters let tests assert that nothing leaked, and mem_fail_after
 * injects an allocation failure to test the error paths.
 */
#ifndef OPENQ_MEM_H
#define OPENQ_MEM_H

#include <stddef.h>
#include <stdint.h>

#define MEM_MIN_CLASS 4  /* 16 bytes: the smallest block (an atom) */
#define MEM_MAX_CLASS 47 /* 128 TiB: larger requests fail */

/* smallest class m with 2^m >= bytes, or -1 when bytes is beyond MEM_MAX_CLASS */
int mem_class(size_t bytes);
/* a block of 2^m bytes, or NULL (out of memory, injected failure) */
void *mem_alloc(int m);
/* give back a block of class m */
void mem_free(void *p, int m);

typedef struct MemStats {
    int64_t live_blocks; /* blocks handed out and not yet freed */
    int64_t live_bytes;  /* their total size */
    int64_t peak_bytes;  /* high-water mark of live_bytes */
    int64_t pooled_bytes;/* bytes held in free lists for reuse */
    int64_t mapped_bytes;/* bytes of files mapped by mem_map and not yet unmapped (not live) */
    int64_t kept_blocks; /* buffers from mem_raw_kept_calloc (not live) */
    int64_t kept_bytes;  /* their total size */
} MemStats;

/* Files mapped into memory (column files read without copying them): length bytes of the
 * open descriptor fd from its start, private and writable -- a write lands in a private copy
 * of the page, never in the file.  NULL with errno set when it cannot be mapped.  A mapping
 * counts as a live block (leak checks see it) and in mapped_bytes, not in live_bytes (the -w
 * limit and \w "used" are about the heap). */
void *mem_map(int fd, size_t length);
void mem_unmap(void *p, size_t length);

/* Raw buffers: scratch arrays, hash slots, text being assembled -- anything that is not a K
 * object.  They come from the same pools, count as live blocks and bytes (the -w limit, the
 * leak checks) and fail under mem_fail_after like objects do.  A 16-byte header before the
 * buffer keeps its class and requested size, so mem_raw_free needs only the pointer.
 * NULL on failure (the caller reports 'wsfull); mem_raw_realloc leaves p valid then. */
void *mem_raw_alloc(size_t bytes);
void *mem_raw_calloc(size_t count, size_t size); /* zeroed; NULL when count*size overflows */
void *mem_raw_realloc(void *p, size_t bytes);    /* p may be NULL; contents kept up to bytes */
void mem_raw_free(void *p);                      /* p may be NULL */
char *mem_raw_strndup(const char *s, size_t n);  /* n bytes and a terminating 0 */
char *mem_raw_strdup(const char *s);
/* room in raw buffer p (NULL: none yet) for need items of width bytes: p itself, or p moved
 * to a capacity doubled from `first` items until need fits, *cap updated; NULL on failure with
 * p and *cap as they were.  The growth every appending buffer shares. */
void *mem_raw_grow(void *p, size_t *cap, size_t need, size_t width, size_t first);
/* A raw buffer that lives as long as the runtime and whose owner cannot fail halfway (the
 * symbol table: symbols are never freed, and interning one cannot fail): counted in
 * kept_blocks/kept_bytes rather than as live, and never refused by the -w limit or an
 * injected failure -- NULL only when the system is out of memory.  mem_raw_free frees it. */
void *mem_raw_kept_calloc(size_t count, size_t size);

MemStats mem_stats(void);
/* \ts: start a new high-water mark at the live bytes, returning the old one; and put the
 * old one back (the larger of the two stays) */
int64_t mem_peak_begin(void);
void mem_peak_end(int64_t old_peak);
/* return pooled blocks to the operating system */
void mem_trim(void);
/* make the n-th allocation from now fail (n >= 1); 0 disables */
void mem_fail_after(int64_t n);
/* -w: allocations that would take the live bytes past this many fail ('wsfull); 0: none */
void mem_set_limit(int64_t bytes);

#endif
