/* sort.c -- grading and sorting: iasc idesc asc desc rank xrank, and bin.
 *
 * Integral and float vectors are graded with a stable radix sort, least significant digit
 * first, on keys transformed so that unsigned order equals q's order (nulls first, then
 * -inf ... +inf); other types use a stable merge sort with a comparison. */
#include <stdlib.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "../base/intr.h"
#include "par.h"
#include "prims.h"
#include "primint.h"

/* the order-preserving unsigned key of item i */
static uint64_t sort_key(const K x, J i) {
    switch (x->t) {
    case KB: case KG: case KC: return kG(x)[i];
    case KH: return (uint64_t)(uint16_t)(kH(x)[i] ^ (H)0x8000);
    case KI: case KM: case KD: case KU: case KV: case KT: return (uint64_t)((uint32_t)kI(x)[i] ^ 0x80000000u);
    case KE: {
        E e = kE(x)[i];
        if (e != e) return 0;
        uint32_t u;
        memcpy(&u, &e, 4);
        return (u & 0x80000000u) ? ~u : (u | 0x80000000u);
    }
    case KF: case KZ: {
        F f = kF(x)[i];
        if (f != f) return 0;
        if (f == 0) f = 0;
        uint64_t u;
        memcpy(&u, &f, 8);
        return (u & 0x8000000000000000ULL) ? ~u : (u | 0x8000000000000000ULL);
    }
    default: return (uint64_t)kJ(x)[i] ^ 0x8000000000000000ULL;
    }
}

static bool radix_type(int t) {
    return t == KB || t == KG || t == KC || t == KH || t == KI || t == KJ || t == KE || t == KF ||
           (t >= KP && t <= KT);
}

/* ---- 64-bit keys by radix, least significant digit first ---- */

/* The keys less the least of them are sorted a digit at a time from the lowest: as many digits
 * of equal width (at most LSD_DIGIT bits, fewer for few keys) as the span's bits need, each
 * pass a counting scatter in input order from one buffer into the other.  A pass is stable, so
 * each keeps the order of the one before among equal digits, and positions riding along come
 * out as a stable grade.  The counts of every digit are taken in one read pass before the
 * first scatter (with \s the input is cut into parts, and each part counts its own range
 * before each pass, as a pass's input is the one before's output).  A scatter writes each
 * bucket's keys through a cache line of its own (write combining): a full line goes out as one
 * non-temporal store, so the destination is not read first and the buckets' write positions
 * do not compete for the cache.  The first pass makes the keys as it reads the input, the last
 * turns them back into values (asc) or keys.  Below KEY_SMALL keys, insertion. */
enum {
    KEY_SMALL = 32,          /* sorted by insertion at or below this */
    LSD_DIGIT = 14,          /* the widest digit: 16384 buckets, their lines 1 MB */
    LSD_PARTS = 16,          /* at most this many parts of the input with \s */
};

/* how an input item becomes a key: itself, a long's sign bit flipped, a float's key8 (its
 * bits kept: asc), a float in q's order (-0f as 0f, every NaN 0: a grade) */
enum { LSD_RAW, LSD_LONG, LSD_FLOAT, LSD_FLOAT_Q };

#define SIGN8 0x8000000000000000ULL

/* the key of an 8-byte value: a long's sign bit flipped; a float's bits flipped when negative,
 * its sign bit when not; a NaN key 0 (the one NaN of the list, as asc8 asks).  And back. */
static inline uint64_t key8(uint64_t u, bool flt) {
    if (!flt)
        return u ^ SIGN8;
    uint64_t k = u ^ ((uint64_t)((int64_t)u >> 63) | SIGN8);
    return (u << 1) > 0xffe0000000000000ULL ? 0 : k;
}
static inline uint64_t value8(uint64_t k, bool flt, uint64_t nan) {
    if (!flt)
        return k ^ SIGN8;
    return k ? k ^ (~(uint64_t)((int64_t)k >> 63) | SIGN8) : nan;
}

/* src[0..n) ascending into dst by insertion (dst may be src); the positions isrc (or NULL)
 * move with them into idst; stable */
static void keys_insertion(const uint64_t *src, const J *isrc, uint64_t *dst, J *idst, J n) {
    if (!isrc) {
        for (J i = 0; i < n; i++) {
            uint64_t v = src[i];
            J j = i;
            for (; j > 0 && dst[j - 1] > v; j--)
                dst[j] = dst[j - 1];
            dst[j] = v;
        }
        return;
    }
    for (J i = 0; i < n; i++) {
        uint64_t v = src[i];
        J p = isrc[i], j = i;
        for (; j > 0 && dst[j - 1] > v; j--) {
            dst[j] = dst[j - 1];
            idst[j] = idst[j - 1];
        }
        dst[j] = v;
        idst[j] = p;
    }
}

typedef struct LsdLine { /* one bucket's next cache line of the output */
    uint64_t w[8];
} LsdLine;

typedef struct Lsd {
    const uint64_t *x;      /* the input, n items */
    uint64_t *tmp, *tmp2;   /* scratch for keys */
    J *itmp;                /* scratch for positions (a grade) */
    J n, block;             /* items, items per part */
    int64_t parts;
    int mode;               /* LSD_RAW ...: how x's items become keys */
    bool values;            /* the last pass writes values (value8), not keys */
    uint64_t lo, nan;       /* the least key, the NaN's bits (floats) */
    int width, digits, d;   /* digit width and count, the pass under way */
    int shift;              /* this pass's digit: the keys' bits from shift */
    bool first, last;       /* this pass reads the input, writes the output */
    bool top;               /* one pass by the top digit alone (msd_sort): counts per part */
    J nb;                   /* buckets of a digit */
    J *counts;              /* one part: digits x nb; more: parts x nb, this pass's */
    J *starts;              /* parts x nb: where this pass's part starts each bucket */
    LsdLine *lines, *ilines; /* parts x nb */
    const uint64_t *src;    /* this pass's input (NULL: x) and output */
    uint64_t *dst;
    const J *isrc;          /* NULL: positions are the input's */
    J *idst;
} Lsd;

/* a full line at dst (64-byte aligned) */
static inline void line_out(void *dst, const LsdLine *l) {
#if defined(__SSE2__)
    const __m128i *q = (const __m128i *)l->w;
    __m128i *d = dst;
    for (int i = 0; i < 4; i++)
        _mm_stream_si128(d + i, _mm_loadu_si128(q + i));
#else
    memcpy(dst, l->w, 64);
#endif
}

/* item a of a bucket that starts at `start` went into slot (a + off) & 7 of its line: when
 * that was the line's last slot, the line goes out (whole when the bucket owns all of it) */
static inline void line_put(uint64_t *dst, const LsdLine *l, J a, J start, J off) {
    if (((a + off) & 7) != 7)
        return;
    if (a - 7 >= start)
        line_out(dst + a - 7, l);
    else
        for (J j = start; j <= a; j++)
            dst[j] = l->w[(j + off) & 7];
}

/* the key of an input item as the first pass reads it, less the least key */
static inline uint64_t lsd_key(uint64_t u, uint64_t lo, int mode) {
    if (mode == LSD_FLOAT_Q && !(u << 1))
        u = 0;
    return (mode == LSD_RAW ? u : key8(u, mode != LSD_LONG)) - lo;
}

__attribute__((always_inline)) static inline void lsd_count_range(Lsd *s, int64_t p, int mode, bool all) {
    J lo = p * s->block, hi = MIN(lo + s->block, s->n), mask = s->nb - 1;
    const uint64_t *x = s->x, *src = s->src;
    uint64_t least = s->lo;
    int w = s->width;
    if (all) { /* one part: every digit, from the input */
        J *c = s->counts;
        for (J i = lo; i < hi; i++) {
            uint64_t k = lsd_key(x[i], least, mode);
            for (int d = 0; d < s->digits; d++)
                c[d * s->nb + ((k >> (d * w)) & mask)]++;
        }
        return;
    }
    J *c = s->counts + p * s->nb;
    int sh = s->shift;
    memset(c, 0, (size_t)s->nb * sizeof(J));
    for (J i = lo; i < hi; i++)
        c[((src ? src[i] : lsd_key(x[i], least, mode)) >> sh) & mask]++;
}
static void lsd_count(void *ctx, int64_t p) {
    Lsd *s = ctx;
    bool all = s->parts == 1 && !s->top;
    switch (s->mode) {
    case LSD_RAW: lsd_count_range(s, p, LSD_RAW, all); break;
    case LSD_LONG: lsd_count_range(s, p, LSD_LONG, all); break;
    case LSD_FLOAT: lsd_count_range(s, p, LSD_FLOAT, all); break;
    default: lsd_count_range(s, p, LSD_FLOAT_Q, all); break;
    }
}

/* one part's scatter of this pass: first (reading the input), last (writing values when
 * s->values); with positions when pos, and then the last pass writes them alone */
__attribute__((always_inline)) static inline void lsd_scatter_range(Lsd *s, int64_t p, int mode, bool first, bool last, bool pos) {
    J lo = p * s->block, hi = MIN(lo + s->block, s->n), mask = s->nb - 1;
    J *at = s->counts + (s->parts == 1 ? s->d : p) * s->nb, *start = s->starts + p * s->nb;
    LsdLine *lines = s->lines ? s->lines + p * s->nb : NULL, *ilines = pos ? s->ilines + p * s->nb : NULL;
    uint64_t *dst = s->dst, base = s->lo, nan = s->nan;
    J *idst = s->idst;
    const uint64_t *x = s->x, *src = s->src;
    const J *isrc = s->isrc;
    J off = (J)(((uintptr_t)dst >> 3) & 7), ioff = pos ? (J)(((uintptr_t)idst >> 3) & 7) : 0;
    int sh = s->shift;
    bool vals = last && s->values, keys = !(pos && last);
    for (J i = lo; i < hi; i++) {
        uint64_t k = first ? lsd_key(x[i], base, mode) : src[i];
        J b = (J)((k >> sh) & mask), a = at[b]++;
        if (keys) {
            lines[b].w[(a + off) & 7] = vals ? value8(k + base, mode == LSD_FLOAT, nan) : last ? k + base : k;
            line_put(dst, &lines[b], a, start[b], off);
        }
        if (pos) {
            ilines[b].w[(a + ioff) & 7] = (uint64_t)(first ? i : isrc[i]);
            line_put((uint64_t *)idst, &ilines[b], a, start[b], ioff);
        }
    }
    for (J b = 0; b < s->nb; b++) { /* the lines not yet full */
        J a = at[b], l = a - ((a + off) & 7);
        for (J j = MAX(l, start[b]); keys && j < a; j++)
            dst[j] = lines[b].w[(j + off) & 7];
        if (pos) {
            l = a - ((a + ioff) & 7);
            for (J j = MAX(l, start[b]); j < a; j++)
                idst[j] = (J)ilines[b].w[(j + ioff) & 7];
        }
    }
#if defined(__SSE2__)
    _mm_sfence(); /* the non-temporal stores seen before the pool hands the part back */
#endif
}
#define LSD_SCATTER(s, p, mode, pos)                                  \
    do {                                                              \
        bool first_ = (s)->first, last_ = (s)->last;                 \
        if (first_ && last_)                                          \
            lsd_scatter_range(s, p, mode, true, true, pos);           \
        else if (first_)                                              \
            lsd_scatter_range(s, p, mode, true, false, pos);          \
        else if (last_)                                               \
            lsd_scatter_range(s, p, mode, false, true, pos);          \
        else                                                          \
            lsd_scatter_range(s, p, mode, false, false, pos);         \
    } while (0)
static void lsd_scatter(void *ctx, int64_t p) {
    Lsd *s = ctx;
    if (s->ilines) /* a grade */
        switch (s->mode) {
        case LSD_RAW: LSD_SCATTER(s, p, LSD_RAW, true); break;
        case LSD_LONG: LSD_SCATTER(s, p, LSD_LONG, true); break;
        default: LSD_SCATTER(s, p, LSD_FLOAT_Q, true); break;
        }
    else
        switch (s->mode) {
        case LSD_RAW: LSD_SCATTER(s, p, LSD_RAW, false); break;
        case LSD_LONG: LSD_SCATTER(s, p, LSD_LONG, false); break;
        default: LSD_SCATTER(s, p, LSD_FLOAT, false); break;
        }
}
#undef LSD_SCATTER

/* each part's starts of this pass from the counts: bucket by bucket, the parts in order; the
 * counts become the parts' write positions */
static void lsd_starts(Lsd *s) {
    for (J c = 0, sum = 0; c < s->nb; c++)
        for (int64_t p = 0; p < s->parts; p++) {
            J *at = s->counts + (s->parts == 1 ? s->d : p) * s->nb + c, m = *at;
            *at = s->starts[p * s->nb + c] = sum;
            sum += m;
        }
}

/* the widest digit of an LSD pass over n keys: about n/4 buckets at most */
static int lsd_digit(J n) {
    int most = 64 - __builtin_clzll((uint64_t)n) - 2;
    return most < 4 ? 4 : most > LSD_DIGIT ? LSD_DIGIT : most;
}

/* x[0..n) (n > KEY_SMALL; keys by mode, lo and hi bounds of the keys) ascending: into out
 * (values when values, else keys; out may be x), or when iout is given their positions alone
 * into iout (a stable grade; out unused).  false: 'wsfull or 'stop pending */
static bool lsd_sort(const uint64_t *x, uint64_t *out, J *iout, J n, int mode, bool values,
                     uint64_t lo, uint64_t hi, uint64_t nan) {
    int bits = hi > lo ? 64 - __builtin_clzll(hi - lo) : 0;
    if (!bits) { /* all equal */
        if (iout)
            for (J i = 0; i < n; i++)
                iout[i] = i;
        else if (out && out != x)
            memcpy(out, x, (size_t)n * 8);
        return true;
    }
    int threads = pool_threads();
    Lsd *s = mem_raw_calloc(1, sizeof(Lsd));
    if (!s) {
        kerr("wsfull");
        return false;
    }
    int most = lsd_digit(n);
    s->digits = (bits + most - 1) / most;
    s->width = (bits + s->digits - 1) / s->digits;
    s->nb = (J)1 << s->width;
    s->x = x, s->n = n, s->mode = mode, s->values = values, s->lo = lo, s->nan = nan;
    s->parts = threads && n >= PAR_MIN ? MIN(LSD_PARTS, MIN(threads + 1, n / PAR_BLOCK)) : 1;
    s->block = (n + s->parts - 1) / s->parts;
    /* pass d writes a[d & 1] (and ia[d & 1]), so that the last one ends in out (iout).  Keys
     * alone: when the input is out itself the first pass writes tmp, and an odd count of
     * passes ends there, copied back.  A grade: its last pass writes positions alone */
    bool odd = s->digits & 1, grade = iout != NULL;
    uint64_t *a[2] = {NULL, NULL};
    J *ia[2] = {NULL, NULL};
    s->tmp = grade && s->digits == 1 ? NULL : mem_raw_alloc((size_t)n * 8);
    if (grade) {
        s->tmp2 = s->digits > 2 ? mem_raw_alloc((size_t)n * 8) : NULL;
        s->itmp = s->digits > 1 ? mem_raw_alloc((size_t)n * sizeof(J)) : NULL;
        a[0] = s->tmp, a[1] = s->tmp2;
        ia[!odd] = iout, ia[odd] = s->itmp;
    } else if (x == out || !odd) {
        a[0] = s->tmp, a[1] = out;
    } else {
        a[0] = out, a[1] = s->tmp;
    }
    s->counts = mem_raw_calloc((size_t)(s->parts == 1 ? s->digits : s->parts) * (size_t)s->nb, sizeof(J));
    s->starts = mem_raw_alloc((size_t)(s->parts * s->nb) * sizeof(J));
    s->lines = grade && s->digits == 1 ? NULL : mem_raw_alloc((size_t)(s->parts * s->nb) * sizeof(LsdLine));
    s->ilines = grade ? mem_raw_alloc((size_t)(s->parts * s->nb) * sizeof(LsdLine)) : NULL;
    bool ok = s->counts && s->starts && (!grade || s->ilines) &&
              (s->digits == 1 ? grade || s->tmp : s->tmp && s->lines) &&
              (!grade || ((s->digits == 1 || s->itmp) && (s->digits <= 2 || s->tmp2)));
    if (!ok)
        kerr("wsfull");
    if (ok && s->parts == 1)
        lsd_count(s, 0);
    for (s->d = 0; ok && s->d < s->digits; s->d++) {
        s->dst = a[s->d & 1];
        s->idst = ia[s->d & 1];
        s->shift = s->d * s->width, s->first = s->d == 0, s->last = s->d == s->digits - 1;
        if (s->parts > 1)
            pool_run(lsd_count, s, s->parts);
        lsd_starts(s);
        pool_run(lsd_scatter, s, s->parts);
        s->src = s->dst, s->isrc = s->idst;
        if (UNLIKELY(intr_take())) {
            kerr("stop");
            ok = false;
        }
    }
    if (ok && !grade && s->dst != out)
        memcpy(out, s->dst, (size_t)n * 8);
    mem_raw_free(s->tmp);
    mem_raw_free(s->tmp2);
    mem_raw_free(s->itmp);
    mem_raw_free(s->counts);
    mem_raw_free(s->starts);
    mem_raw_free(s->lines);
    mem_raw_free(s->ilines);
    mem_raw_free(s);
    return ok;
}

/* ---- asc of many 8-byte values: the top digit first ----
 *
 * Each LSD pass streams the whole list through memory once each way.  For a list far larger
 * than the cache whose keys need more than one pass, msd_sort scatters once by the keys' top
 * digit (write-combined, as lsd_sort's passes; the digit as wide as leaves buckets of about
 * 2^MSD_BUCKET_BITS items) and then sorts each bucket where it lies by its remaining bits:
 * LSD passes of its own (an odd count, so that the last lands in out), all in cache, the last
 * writing the values.  The result is the one lsd_sort gives. */
enum {
    MSD_MIN = 1 << 18,       /* lists from this many items */
    MSD_BUCKET_BITS = 11,    /* about 2048 items a bucket: it and its copy in L1/L2 */
    LOCAL_DIGIT = 11,        /* a bucket's widest digit */
    MSD_LOCAL_MAX = 1 << 16, /* a bigger bucket (and wider than a digit) is split again */
};

typedef struct Msd {
    uint64_t *keys;          /* the keys less lo, bucket after bucket */
    uint64_t *out;           /* the values; or, for a grade (iout), the keys' second buffer */
    J *pos, *iout;           /* a grade: the keys' positions, then the grade */
    const J *starts;         /* where each bucket starts (part 0's starts) */
    J n, nb, chunk;          /* items, buckets, buckets per task */
    int mode;                /* LSD_LONG or LSD_FLOAT */
    uint64_t lo, nan;
} Msd;

/* keys src[0..n) (less m->lo; their positions psrc when a grade), with dst/pdst as room of
 * the same length: sorted into dst when into_dst, else into src -- as values, or for a grade
 * as the positions alone.  The span of these keys alone decides the digits, so a bucket of
 * keys close together (or all equal) costs little.  A bucket too big for the cache (skewed
 * keys: floats of few exponents) is split again by its own top digit, its parts sorted the
 * same way, from dst back into src; a small one by LSD passes, then copied to its place when
 * the count of passes left it in the other buffer. */
static void msd_range(const Msd *m, uint64_t *src, uint64_t *dst, J *psrc, J *pdst, J n, bool into_dst) {
    bool grade = m->iout != NULL, flt = m->mode == LSD_FLOAT;
    uint64_t lo = m->lo, nan = m->nan, *fin = into_dst ? dst : src;
    J *pfin = into_dst ? pdst : psrc;
    if (n <= KEY_SMALL) {
        keys_insertion(src, psrc, fin, pfin, n); /* in place when fin is src */
        for (J i = 0; !grade && i < n; i++)
            fin[i] = value8(fin[i] + lo, flt, nan);
        return;
    }
    uint64_t least = ~0ULL, most_k = 0;
    for (J i = 0; i < n; i++) {
        least = src[i] < least ? src[i] : least;
        most_k = src[i] > most_k ? src[i] : most_k;
    }
    if (least == most_k) {
        if (grade && into_dst)
            memcpy(pdst, psrc, (size_t)n * sizeof(J));
        for (J i = 0; !grade && i < n; i++)
            fin[i] = value8(least + lo, flt, nan);
        return;
    }
    int rest = 64 - __builtin_clzll(most_k - least);
    J at[(J)1 << LOCAL_DIGIT];
    if (n > MSD_LOCAL_MAX && rest > LOCAL_DIGIT) { /* split by the top digit, then each part */
        int w = 64 - __builtin_clzll((uint64_t)n) - 1 - MSD_BUCKET_BITS; /* parts of about 2^11 */
        w = w < 1 ? 1 : w > LOCAL_DIGIT ? LOCAL_DIGIT : w;
        int sh = rest - w;
        J nb = (J)1 << w;
        memset(at, 0, sizeof(J) << w);
        for (J i = 0; i < n; i++)
            at[(src[i] - least) >> sh]++;
        for (J b = 0, sum = 0; b < nb; b++) {
            J c = at[b];
            at[b] = sum, sum += c;
        }
        for (J i = 0; i < n; i++) {
            J o = at[(src[i] - least) >> sh]++;
            dst[o] = src[i];
            if (grade)
                pdst[o] = psrc[i];
        }
        for (J b = 0, start = 0; b < nb; b++) { /* at[b] is now where part b ends */
            J c = at[b] - start;
            if (c)
                msd_range(m, dst + start, src + start, grade ? pdst + start : NULL, grade ? psrc + start : NULL,
                          c, !into_dst);
            start = at[b];
        }
        return;
    }
    int most = 64 - __builtin_clzll((uint64_t)n) - 1;
    most = most < 4 ? 4 : most > LOCAL_DIGIT ? LOCAL_DIGIT : most;
    int passes = (rest + most - 1) / most, w = (rest + passes - 1) / passes;
    uint64_t mask = ((uint64_t)1 << w) - 1;
    for (int d = 0; d < passes; d++) {
        int sh = d * w;
        bool last = d == passes - 1;
        memset(at, 0, sizeof(J) << w);
        for (J i = 0; i < n; i++)
            at[((src[i] - least) >> sh) & mask]++;
        for (J b = 0, sum = 0; b <= (J)mask; b++) {
            J c = at[b];
            at[b] = sum, sum += c;
        }
        if (grade && last)
            for (J i = 0; i < n; i++)
                pdst[at[((src[i] - least) >> sh) & mask]++] = psrc[i];
        else if (grade)
            for (J i = 0; i < n; i++) {
                J o = at[((src[i] - least) >> sh) & mask]++;
                dst[o] = src[i], pdst[o] = psrc[i];
            }
        else if (last)
            for (J i = 0; i < n; i++)
                dst[at[((src[i] - least) >> sh) & mask]++] = value8(src[i] + lo, flt, nan);
        else
            for (J i = 0; i < n; i++)
                dst[at[((src[i] - least) >> sh) & mask]++] = src[i];
        uint64_t *t = src;
        src = dst, dst = t;
        J *u = psrc;
        psrc = pdst, pdst = u;
    }
    if (grade && psrc != pfin) /* an even count of passes ended in src, an odd one in dst */
        memcpy(pfin, psrc, (size_t)n * sizeof(J));
    else if (!grade && src != fin)
        memcpy(fin, src, (size_t)n * 8);
}
static void msd_buckets(void *ctx, int64_t p) {
    const Msd *m = ctx;
    for (J b = p * m->chunk, e = MIN(b + m->chunk, m->nb); b < e; b++) {
        J a = m->starts[b], z = b + 1 < m->nb ? m->starts[b + 1] : m->n;
        if (z > a)
            msd_range(m, m->keys + a, m->out + a, m->pos ? m->pos + a : NULL, m->iout ? m->iout + a : NULL,
                      z - a, true);
    }
}

/* x[0..n) (n >= MSD_MIN, keys by mode, the least lo, bits of span) as ascending values into
 * out (not x; mode LSD_LONG or LSD_FLOAT), or with iout their stable grade into iout (out
 * unused; mode LSD_LONG or LSD_FLOAT_Q).  false: 'wsfull or 'stop pending */
static bool msd_sort(const uint64_t *x, uint64_t *out, J *iout, J n, int mode, uint64_t lo, uint64_t nan, int bits) {
    int threads = pool_threads(), top = 64 - __builtin_clzll((uint64_t)n) - 1 - MSD_BUCKET_BITS;
    top = MIN(top, MIN(LSD_DIGIT, bits - 1));
    Lsd *s = mem_raw_calloc(1, sizeof(Lsd));
    if (!s) {
        kerr("wsfull");
        return false;
    }
    s->x = x, s->n = n, s->mode = mode, s->lo = lo, s->nan = nan;
    s->width = top, s->digits = 1, s->nb = (J)1 << top;
    s->shift = bits - top, s->first = true, s->top = true;
    s->parts = threads && n >= PAR_MIN ? MIN(LSD_PARTS, MIN(threads + 1, n / PAR_BLOCK)) : 1;
    s->block = (n + s->parts - 1) / s->parts;
    s->tmp = mem_raw_alloc((size_t)n * 8);
    s->counts = mem_raw_alloc((size_t)(s->parts * s->nb) * sizeof(J));
    s->starts = mem_raw_alloc((size_t)(s->parts * s->nb) * sizeof(J));
    s->lines = mem_raw_alloc((size_t)(s->parts * s->nb) * sizeof(LsdLine));
    if (iout) {
        s->tmp2 = mem_raw_alloc((size_t)n * 8);
        s->itmp = mem_raw_alloc((size_t)n * sizeof(J));
        s->ilines = mem_raw_alloc((size_t)(s->parts * s->nb) * sizeof(LsdLine));
    }
    bool ok = s->tmp && s->counts && s->starts && s->lines && (!iout || (s->tmp2 && s->itmp && s->ilines));
    if (!ok)
        kerr("wsfull");
    if (ok) {
        s->dst = s->tmp, s->idst = s->itmp;
        pool_run(lsd_count, s, s->parts);
        lsd_starts(s);
        pool_run(lsd_scatter, s, s->parts);
        Msd m = {.keys = s->tmp, .out = iout ? s->tmp2 : out, .pos = iout ? s->itmp : NULL, .iout = iout,
                 .starts = s->starts, .n = n, .nb = s->nb, .mode = mode, .lo = lo, .nan = nan};
        int64_t tasks = s->parts > 1 ? 4 * (threads + 1) : 1;
        m.chunk = (m.nb + tasks - 1) / tasks;
        pool_run(msd_buckets, &m, (m.nb + m.chunk - 1) / m.chunk);
        if (UNLIKELY(intr_take())) {
            kerr("stop");
            ok = false;
        }
    }
    mem_raw_free(s->tmp);
    mem_raw_free(s->tmp2);
    mem_raw_free(s->itmp);
    mem_raw_free(s->counts);
    mem_raw_free(s->starts);
    mem_raw_free(s->lines);
    mem_raw_free(s->ilines);
    mem_raw_free(s);
    return ok;
}

/* keys[0..n) ascending, in place (their positions into idx when given: a stable grade); false
 * when memory ran out or 'stop is pending */
static bool keys_sort(uint64_t *keys, J *idx, J n) {
    if (n <= KEY_SMALL) {
        for (J i = 0; idx && i < n; i++)
            idx[i] = i;
        keys_insertion(keys, idx, keys, idx, n);
        return true;
    }
    uint64_t lo = ~0ULL, hi = 0;
    for (J i = 0; i < n; i++) {
        lo = keys[i] < lo ? keys[i] : lo;
        hi = keys[i] > hi ? keys[i] : hi;
    }
    return lsd_sort(keys, keys, idx, n, LSD_RAW, false, lo, hi, 0);
}

/* the value whose sort_key is k, stored as item i of r (type t): sort_key's inverse */
static void put_key(K r, J i, uint64_t k) {
    switch (r->t) {
    case KB: case KG: case KC: kG(r)[i] = (G)k; break;
    case KH: kH(r)[i] = (H)((uint16_t)k ^ 0x8000); break;
    case KE: {
        uint32_t u = (uint32_t)k;
        u = (u & 0x80000000u) ? (u & 0x7fffffffu) : ~u;
        memcpy(&kE(r)[i], &u, 4);
        break;
    }
    case KF: case KZ: {
        uint64_t u = (k & 0x8000000000000000ULL) ? (k & 0x7fffffffffffffffULL) : ~k;
        memcpy(&kF(r)[i], &u, 8);
        break;
    }
    default:
        if (obj_width(r->t) == 4)
            kI(r)[i] = (I)((uint32_t)k ^ 0x80000000u);
        else
            kJ(r)[i] = (J)(k ^ 0x8000000000000000ULL);
    }
}

/* ---- asc of 8-byte longs and floats: keys made as the values are read ---- */

/* x[0..n) (n > 1) ascending into r: a read pass for the keys' range, then lsd_sort from x
 * itself, making the keys as it reads and turning them back into values as it writes the
 * last pass.  With \s the read pass is cut into parts too; the sorted list is the same
 * however it is cut.  Floats: only when that gives what a stable grade gives -- q orders
 * nulls first and -0f equal to 0f, so the keys are exact when every NaN has one bit pattern
 * (its key 0, and back) and -0f and 0f do not both occur; 1 (nothing done) otherwise.  0
 * done, -1 'wsfull or 'stop pending. */
enum { ASC_PARTS = 64 }; /* at most this many parts of the read pass */

typedef struct Asc8 {
    const uint64_t *x;
    J n, block;             /* items, items per part */
    int64_t parts;
    int mode;               /* LSD_LONG, LSD_FLOAT or LSD_FLOAT_Q */
    struct {
        uint64_t lo, hi, nan;
        bool some_nan, mixed, neg0, pos0; /* part's NaNs and zeros; some_nan: nan is one */
    } part[ASC_PARTS];
} Asc8;

/* a NaN or a zero u met by part p's scan */
static void asc8_special(Asc8 *s, int64_t p, uint64_t u) {
    if (u << 1) {
        s->part[p].mixed |= s->part[p].some_nan && u != s->part[p].nan;
        s->part[p].nan = u, s->part[p].some_nan = true;
    } else {
        s->part[p].neg0 |= u != 0;
        s->part[p].pos0 |= u == 0;
    }
}

/* the key of u into a chain of least and greatest (a NaN or a zero noted first) */
#define ASC8_SCAN_ONE(u, least, most)                                                 \
    do {                                                                              \
        if (mode != LSD_LONG && UNLIKELY(((u) << 1) - 1 >= 0xffe0000000000000ULL))    \
            asc8_special(s, p, u);                                                    \
        uint64_t k_ = lsd_key(u, 0, mode);                                            \
        least = k_ < least ? k_ : least;                                              \
        most = k_ > most ? k_ : most;                                                 \
    } while (0)
__attribute__((always_inline)) static inline void asc8_scan_range(Asc8 *s, int64_t p, int mode) {
    J lo = p * s->block, hi = MIN(lo + s->block, s->n), i = lo;
    const uint64_t *x = s->x;
    uint64_t least0 = ~0ULL, least1 = ~0ULL, most0 = 0, most1 = 0; /* two chains of each */
    for (; i + 1 < hi; i += 2) {
        uint64_t u = x[i], v = x[i + 1];
        ASC8_SCAN_ONE(u, least0, most0);
        ASC8_SCAN_ONE(v, least1, most1);
    }
    if (i < hi)
        ASC8_SCAN_ONE(x[i], least0, most0);
    s->part[p].lo = MIN(least0, least1), s->part[p].hi = MAX(most0, most1);
}
#undef ASC8_SCAN_ONE
static void asc8_scan(void *ctx, int64_t p) {
    Asc8 *s = ctx;
    switch (s->mode) {
    case LSD_LONG: asc8_scan_range(s, p, LSD_LONG); break;
    case LSD_FLOAT: asc8_scan_range(s, p, LSD_FLOAT); break;
    default: asc8_scan_range(s, p, LSD_FLOAT_Q); break;
    }
}

/* the least and greatest keys (by mode) of x[0..n) into *lo, *hi, and for floats a NaN's bits
 * into *nan: 0, or 1 when the keys of LSD_FLOAT would not give q's order (NaNs of different
 * bits, or -0f with 0f), -1 'wsfull */
static int scan8(const uint64_t *x, J n, int mode, uint64_t *lo, uint64_t *hi, uint64_t *nan) {
    Asc8 *s = mem_raw_calloc(1, sizeof(Asc8));
    if (!s) {
        kerr("wsfull");
        return -1;
    }
    int threads = pool_threads();
    s->x = x, s->n = n, s->mode = mode;
    s->parts = threads && n >= PAR_MIN ? MIN(ASC_PARTS, MIN(4 * (threads + 1), n / PAR_BLOCK)) : 1;
    s->block = (n + s->parts - 1) / s->parts;
    pool_run(asc8_scan, s, s->parts);
    *lo = ~0ULL, *hi = 0, *nan = 0;
    bool some_nan = false, mixed = false, neg0 = false, pos0 = false;
    for (int64_t p = 0; p < s->parts; p++) {
        *lo = MIN(*lo, s->part[p].lo), *hi = MAX(*hi, s->part[p].hi);
        if (s->part[p].some_nan) {
            mixed |= s->part[p].mixed || (some_nan && s->part[p].nan != *nan);
            *nan = s->part[p].nan, some_nan = true;
        }
        neg0 |= s->part[p].neg0, pos0 |= s->part[p].pos0;
    }
    mem_raw_free(s);
    return mixed || (neg0 && pos0);
}

static int asc8(const uint64_t *x, uint64_t *r, J n, bool flt) {
    uint64_t lo, hi, nan;
    int rc = scan8(x, n, flt ? LSD_FLOAT : LSD_LONG, &lo, &hi, &nan);
    if (rc)
        return rc;
    if (n <= KEY_SMALL) {
        for (J i = 0; i < n; i++)
            r[i] = key8(x[i], flt);
        keys_insertion(r, NULL, r, NULL, n);
        for (J i = 0; i < n; i++)
            r[i] = value8(r[i], flt, nan);
        return 0;
    }
    int mode = flt ? LSD_FLOAT : LSD_LONG, bits = hi > lo ? 64 - __builtin_clzll(hi - lo) : 0;
    if (n >= MSD_MIN && bits > lsd_digit(n))
        return msd_sort(x, r, NULL, n, mode, lo, nan, bits) ? 0 : -1;
    return lsd_sort(x, r, NULL, n, mode, true, lo, hi, nan) ? 0 : -1;
}

/* stable ascending grade of x into idx (n items) by radix over the keys: 8-byte items read
 * in place, their positions riding along; other items' keys made first, and when the keys'
 * span and the positions fit in 64 bits together, each key becomes (key - min) above its
 * position: distinct keys sorted alone give the stable order.  Otherwise the positions ride
 * along. */
static bool radix_grade(const K x, J n, J *idx) {
    if (n > KEY_SMALL && obj_width(x->t) == 8) { /* longs, floats and temporals: read in place */
        uint64_t lo, hi, nan;
        int mode = x->t == KF || x->t == KZ ? LSD_FLOAT_Q : LSD_LONG;
        if (scan8((const uint64_t *)kJ(x), n, mode, &lo, &hi, &nan) < 0)
            return false;
        int bits = hi > lo ? 64 - __builtin_clzll(hi - lo) : 0;
        if (n >= MSD_MIN && bits > lsd_digit(n))
            return msd_sort((const uint64_t *)kJ(x), NULL, idx, n, mode, lo, 0, bits);
        return lsd_sort((const uint64_t *)kJ(x), NULL, idx, n, mode, false, lo, hi, 0);
    }
    uint64_t *keys = mem_raw_alloc((size_t)(n ? n : 1) * 8);
    if (!keys)
        return false;
    uint64_t lo = ~0ULL, hi = 0;
    for (J i = 0; i < n; i++) {
        uint64_t k = sort_key(x, i);
        keys[i] = k;
        lo = k < lo ? k : lo;
        hi = k > hi ? k : hi;
    }
    int ibits = n > 1 ? 64 - __builtin_clzll((uint64_t)(n - 1)) : 1;
    int rbits = hi > lo ? 64 - __builtin_clzll(hi - lo) : 0;
    bool ok;
    if (rbits + ibits <= 64) {
        for (J i = 0; i < n; i++)
            keys[i] = (rbits ? (keys[i] - lo) << ibits : 0) | (uint64_t)i;
        ok = keys_sort(keys, NULL, n);
        uint64_t mask = ibits == 64 ? ~0ULL : ((uint64_t)1 << ibits) - 1;
        for (J i = 0; ok && i < n; i++)
            idx[i] = (J)(keys[i] & mask);
    } else {
        ok = keys_sort(keys, idx, n);
    }
    mem_raw_free(keys);
    return ok;
}

/* asc of a radix-sortable vector (n > 1): longs, timestamps and timespans, floats and
 * datetimes by asc8 (NULL with *used false when floats need the grade), the others by their
 * keys alone, sorted, then turned back into values */
static K radix_sorted(const K x, bool *used) {
    J n = x->n;
    *used = true;
    K r = obj_vec(x->t, n);
    if (!r)
        return NULL;
    if (x->t == KJ || x->t == KP || x->t == KN || x->t == KF || x->t == KZ) {
        int rc = asc8((const uint64_t *)kJ(x), (uint64_t *)kJ(r), n, x->t == KF || x->t == KZ);
        if (rc) {
            *used = rc < 0;
            r0(r);
            return NULL;
        }
    } else {
        uint64_t *keys = mem_raw_alloc((size_t)n * 8);
        for (J i = 0; keys && i < n; i++)
            keys[i] = sort_key(x, i);
        if (!keys || !keys_sort(keys, NULL, n)) {
            mem_raw_free(keys);
            r0(r);
            return kerr_msg() ? NULL : kerr("wsfull"); /* 'stop, or out of memory */
        }
        for (J i = 0; i < n; i++)
            put_key(r, i, keys[i]);
        mem_raw_free(keys);
    }
    r->u = ATTR_S;
    return r;
}

/* q's order of two values (borrowed): -1, 0, 1.  Different types by type number, an atom
 * before a list of its type; atoms by value; lists lexicographically, item by item, a prefix
 * first ("" < "a" < "ab" < "b", (0 5) < (1 2) < (1 2 3) < (1 3)). */
/* RT->prim.compare_stopped is set when the deadline passed inside a comparison: the sort in
 * progress gives up ('stop) */

static int compare_values(const K ia, const K ib) {
    if (ia == ib) /* one object (reshapes and joins share items) */
        return 0;
    if (RT->prim.compare_stopped || (RT->svc.past_deadline && RT->svc.past_deadline())) {
        RT->prim.compare_stopped = true;
        return 0;
    }
    if (ia->t != ib->t)
        return abs(ia->t) != abs(ib->t) ? (abs(ia->t) < abs(ib->t) ? -1 : 1) : ia->t < ib->t ? -1 : 1;
    if (ia->t == -KS)
        return strcmp(ia->s, ib->s);
    if (ia->t == -UU)
        return memcmp(kG(ia), kG(ib), 16);
    if (obj_is_enum(abs(ia->t))) { /* enumerations (one domain) order by their indices */
        J n = ia->t < 0 ? 1 : MIN(ia->n, ib->n);
        const J *pa = ia->t < 0 ? &ia->j : kJ(ia), *pb = ia->t < 0 ? &ib->j : kJ(ib);
        for (J i = 0; i < n; i++)
            if (pa[i] != pb[i])
                return pa[i] < pb[i] ? -1 : 1;
        return ia->t < 0 ? 0 : (ia->n > ib->n) - (ia->n < ib->n);
    }
    if (ia->t < 0 && ia->t > -KENUM) {
        K v = obj_vec(-ia->t, 2);
        if (!v)
            return 0;
        memcpy(kG(v), &ia->g, obj_width(ia->t));
        memcpy(kG(v) + obj_width(ia->t), &ib->g, obj_width(ia->t));
        uint64_t ka = radix_type(v->t) ? sort_key(v, 0) : 0, kb2 = radix_type(v->t) ? sort_key(v, 1) : 0;
        r0(v);
        return ka < kb2 ? -1 : ka > kb2;
    }
    if (ia->t == KC)
        return memcmp(kC(ia), kC(ib), (size_t)MIN(ia->n, ib->n)) ?: (ia->n > ib->n) - (ia->n < ib->n);
    if (ia->t > 0 && ia->t < KENUM && radix_type(ia->t)) { /* simple vectors: by their keys */
        J n = MIN(ia->n, ib->n);
        for (J i = 0; i < n; i++) {
            uint64_t ka = sort_key(ia, i), kb2 = sort_key(ib, i);
            if (ka != kb2)
                return ka < kb2 ? -1 : 1;
        }
        return (ia->n > ib->n) - (ia->n < ib->n);
    }
    if (ia->t >= 0 && ia->t < KENUM) {
        J n = MIN(ia->n, ib->n);
        for (J i = 0; i < n; i++) {
            K a = prim_item(ia, i), b = prim_item(ib, i);
            int c = compare_values(a, b);
            r0(a);
            r0(b);
            if (c)
                return c;
        }
        return (ia->n > ib->n) - (ia->n < ib->n);
    }
    return (obj_count(ia) > obj_count(ib)) - (obj_count(ia) < obj_count(ib));
}

/* comparison of items a and b of x for the general case: -1, 0, 1 */
static int compare_items(const K x, J a, J b) {
    if (x->t == KS)
        return strcmp(kS(x)[a], kS(x)[b]);
    if (x->t == UU)
        return memcmp(kG(x) + a * 16, kG(x) + b * 16, 16);
    K ia = prim_item(x, a), ib = prim_item(x, b);
    int c = compare_values(ia, ib);
    r0(ia);
    r0(ib);
    return c;
}

static void merge_grade(const K x, J *idx, J *tmp, J lo, J hi) {
    if (hi - lo < 2)
        return;
    J mid = (lo + hi) / 2;
    merge_grade(x, idx, tmp, lo, mid);
    merge_grade(x, idx, tmp, mid, hi);
    J i = lo, j = mid, k = lo;
    while (i < mid && j < hi)
        tmp[k++] = compare_items(x, idx[j], idx[i]) < 0 ? idx[j++] : idx[i++];
    while (i < mid)
        tmp[k++] = idx[i++];
    while (j < hi)
        tmp[k++] = idx[j++];
    memcpy(idx + lo, tmp + lo, (size_t)(hi - lo) * sizeof(J));
}

static K grade(K x, bool desc);

/* rows idx of table x (borrowed; idx consumed) as a table */
static K table_rows(const K x, K idx) {
    K cols = TABLE_DATA(x), out = ktn(0, cols->n);
    for (J i = 0; out && i < cols->n; i++) {
        kK(out)[i] = prim_at(r1(kK(cols)[i]), r1(idx));
        if (!kK(out)[i]) {
            out->n = i;
            r0(out);
            out = NULL;
        }
    }
    r0(idx);
    return out ? xT(xD(r1(TABLE_COLS(x)), out)) : NULL;
}

/* a table's rows: graded by the last column, then stably by each column before it */
static K grade_table(K x, bool desc) {
    K cols = TABLE_DATA(x);
    J n = cols->n ? obj_count(kK(cols)[0]) : 0;
    K idx = obj_vec(KJ, n);
    for (J i = 0; idx && i < n; i++)
        kJ(idx)[i] = i;
    for (J c = cols->n - 1; idx && c >= 0; c--) {
        K g = grade(prim_at(r1(kK(cols)[c]), r1(idx)), desc);
        idx = g ? prim_at(idx, g) : (r0(idx), NULL);
    }
    r0(x);
    return idx;
}

/* stable grade, ascending or descending (descending keeps equal items in order) */
static K grade(K x, bool desc) {
    PRIM_ARGS1(x);
    if (!obj_stack_ok()) { /* a dict's values may be a dict ... */
        r0(x);
        return NULL;
    }
    PRIM_SQUASH1(x);
    if (x->t == XT)
        return grade_table(x, desc);
    if (x->t == XD) {
        K g = grade(r1(DICT_VALS(x)), desc);
        K k = r1(DICT_KEYS(x));
        r0(x);
        if (!g) {
            r0(k);
            return NULL;
        }
        if (k->t == XT) { /* a keyed table: its key rows in the values' order */
            K r = table_rows(k, g);
            r0(k);
            return r;
        }
        K r = obj_vec(k->t, g->n);
        for (J i = 0; r && i < g->n; i++)
            memcpy(kG(r) + (size_t)i * obj_width(k->t), kG(k) + (size_t)kJ(g)[i] * obj_width(k->t), obj_width(k->t));
        if (r && r->t == 0)
            for (J i = 0; i < r->n; i++) r1(kK(r)[i]);
        r0(g);
        r0(k);
        return r;
    }
    if (obj_is_enum(x->t)) { /* an enumeration grades as its indices */
        K j = obj_copy(x);
        r0(x);
        if (!j)
            return NULL;
        j->t = KJ;
        j->u = ATTR_NONE;
        return grade(j, desc);
    }
    if (x->t < 0 || x->t >= XT) {
        r0(x);
        return kerr("type");
    }
    J n = x->n;
    K r = obj_vec(KJ, n);
    if (!r) {
        r0(x);
        return NULL;
    }
    J *idx = kJ(r);
    bool ok = true;
    if (radix_type(x->t)) {
        ok = radix_grade(x, n, idx);
    } else {
        for (J i = 0; i < n; i++)
            idx[i] = i;
        J *tmp = mem_raw_alloc((size_t)(n ? n : 1) * sizeof(J));
        ok = tmp != NULL;
        RT->prim.compare_stopped = false;
        if (ok)
            merge_grade(x, idx, tmp, 0, n);
        mem_raw_free(tmp);
        if (RT->prim.compare_stopped) { /* the deadline passed: 'stop is pending */
            RT->prim.compare_stopped = false;
            r0(x);
            r0(r);
            return NULL;
        }
    }
    if (ok && desc) {
        /* reverse, then restore the original order within runs of equal items */
        for (J i = 0; i < n / 2; i++) {
            J t = idx[i]; idx[i] = idx[n - 1 - i]; idx[n - 1 - i] = t;
        }
        J start = 0;
        for (J i = 1; i <= n; i++) {
            bool boundary = i == n;
            if (!boundary) {
                if (radix_type(x->t))
                    boundary = sort_key(x, idx[i]) != sort_key(x, idx[start]);
                else
                    boundary = compare_items(x, idx[i], idx[start]) != 0;
            }
            if (boundary) {
                for (J a = start, b = i - 1; a < b; a++, b--) {
                    J t = idx[a]; idx[a] = idx[b]; idx[b] = t;
                }
                start = i;
            }
        }
    }
    r0(x);
    if (!ok) {
        r0(r);
        return kerr_msg() ? NULL : kerr("wsfull"); /* 'stop, or out of memory */
    }
    return r;
}

/* iasc and idesc of an atom are 'rank: k){$[0h>@x;'`rank;<x]} (basics/funsql.md) */
K prim_iasc(K x) {
    PRIM_ARGS1(x);
    if (x->t < 0) {
        r0(x);
        return kerr("rank");
    }
    PRIM_SQUASH1(x);
    return grade(x, false);
}
K prim_idesc(K x) {
    PRIM_ARGS1(x);
    if (x->t < 0) {
        r0(x);
        return kerr("rank");
    }
    PRIM_SQUASH1(x);
    return grade(x, true);
}

/* are the items of list x (borrowed) in ascending order already? */
bool prim_in_order(const K x) {
    if (x->u == ATTR_S)
        return true;
    if (obj_is_enum(x->t)) {
        for (J i = 1; i < x->n; i++)
            if (kJ(x)[i - 1] > kJ(x)[i])
                return false;
        return true;
    }
    if (radix_type(x->t)) {
        for (J i = 1; i < x->n; i++)
            if (sort_key(x, i - 1) > sort_key(x, i))
                return false;
        return true;
    }
    for (J i = 1; i < x->n; i++)
        if (compare_items(x, i - 1, i) > 0)
            return false;
    return true;
}

static K sorted(K x, bool desc) {
    if (x->t < 0 || (x->t >= XT && x->t != XD && x->t != XT)) {
        r0(x);
        return kerr("type");
    }
    if (x->t == XT || (x->t == XD && DICT_KEYS(x)->t == XT && DICT_VALS(x)->t == XT)) {
        /* a table's rows (a keyed table's by its values); asc marks the first column sorted,
         * or parted when others follow */
        K vt = x->t == XT ? x : DICT_VALS(x);
        K g = grade(r1(vt), desc);
        K v = g ? table_rows(vt, r1(g)) : NULL;
        K k = g && x->t == XD ? table_rows(DICT_KEYS(x), r1(g)) : NULL;
        r0(g);
        bool keyed = x->t == XD;
        r0(x);
        if (!v || (keyed && !k)) {
            r0(v);
            r0(k);
            return NULL;
        }
        K cols = TABLE_DATA(v);
        if (!desc && cols->n && kK(cols)[0]->t > 0)
            kK(cols)[0]->u = cols->n > 1 ? ATTR_P : ATTR_S;
        return keyed ? xD(k, v) : v;
    }
    if (x->t == XD) {
        K g = grade(r1(DICT_VALS(x)), desc);
        if (!g) {
            r0(x);
            return NULL;
        }
        K k = prim_at(r1(DICT_KEYS(x)), r1(g));
        K v = prim_at(r1(DICT_VALS(x)), g);
        r0(x);
        return xD(k, v);
    }
    RT->prim.compare_stopped = false;
    bool in_order = !desc && x->t >= 0 && x->t < KENUM && prim_in_order(x);
    if (RT->prim.compare_stopped) {
        RT->prim.compare_stopped = false;
        r0(x);
        return NULL;
    }
    if (in_order) {
        /* already ascending: only the attribute is set, in place, so every reference to the
         * list sees it (ref/asc.md; s# is the one attribute that behaves this way) */
        x->u = ATTR_S;
        return x;
    }
    if (!desc && radix_type(x->t) && x->n > 1) { /* floats with -0f and 0f, or NaN payloads: a grade */
        bool used;
        K r = radix_sorted(x, &used);
        if (used) {
            r0(x);
            return r;
        }
    }
    K g = grade(r1(x), desc);
    if (!g) {
        r0(x);
        return NULL;
    }
    K r = obj_vec(x->t, x->n);
    int w = obj_width(x->t);
    for (J i = 0; r && i < x->n; i++)
        memcpy(kG(r) + (size_t)i * w, kG(x) + (size_t)kJ(g)[i] * w, (size_t)w);
    if (r && r->t == 0)
        for (J i = 0; i < r->n; i++)
            r1(kK(r)[i]);
    if (r && !desc)
        r->u = ATTR_S;
    r0(g);
    r0(x);
    return r;
}

K prim_asc(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    return sorted(x, false);
}
K prim_desc(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    return sorted(x, true);
}

K prim_rank(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    return grade(grade(x, false), false);
}

K prim_xrank(K x, K y) {
    PRIM_ARGS2(x, y);
    PRIM_SQUASH2(x, y);
    if (x->t != -KJ && x->t != -KI) {
        r0(x);
        r0(y);
        return kerr("type");
    }
    J buckets = x->t == -KJ ? x->j : x->i;
    r0(x);
    J n = obj_count(y);
    K rk = prim_rank(y);
    for (J i = 0; rk && i < n; i++)
        kJ(rk)[i] = kJ(rk)[i] * buckets / (n ? n : 1);
    return rk;
}

/* x bin y: the index of the last item of sorted x <= y (-1 if none) */
/* t bin y for a table t of n columns (ref/bin.md, "Tables"): for each row of y (a table, or
 * one record: a list of n items or a dictionary of t's columns), the last row of t whose first
 * n-1 columns match it and whose last column is not above its last; 0N when none.  The last
 * column need be sorted only within the groups of the others. */
static K table_bin(K x, K y) {
    K names = TABLE_COLS(x), cols = TABLE_DATA(x);
    J nc = names->n, n = obj_count(x);
    bool record = y->t != XT;
    K probe; /* y's columns, in x's order */
    if (y->t == XT)
        probe = prim_columns_named(y, names);
    else if (y->t == XD || (y->t >= 0 && y->t < KENUM && obj_count(y) == nc)) {
        probe = ktn(0, nc);
        for (J c = 0; probe && c < nc; c++) {
            K item;
            if (y->t == XD) {
                K k = ks(kS(names)[c]);
                item = prim_at(r1(y), k);
            } else
                item = prim_item(y, c);
            if (!item) {
                probe->n = c;
                r0(probe);
                probe = NULL;
                break;
            }
            kK(probe)[c] = item->t < 0 ? prim_enlist(item) : obj_list(1, item);
        }
    } else {
        r0(x);
        r0(y);
        return kerr("type");
    }
    r0(y);
    if (!probe || nc == 0) {
        if (probe)
            r0(probe);
        r0(x);
        return probe ? kerr("length") : NULL;
    }
    J m = obj_count(kK(probe)[0]);
    /* the groups of x's first n-1 columns (all rows one group when n is 1), and each probe
     * row's group */
    J *group = mem_raw_calloc((size_t)(n ? n : 1), sizeof(J)), *pg = mem_raw_calloc((size_t)(m ? m : 1), sizeof(J));
    J ngroups = 1;
    bool ok = group && pg;
    if (ok && nc > 1) {
        K keys = ktn(0, nc - 1), pkeys = ktn(0, nc - 1);
        for (J c = 0; c < nc - 1; c++) {
            kK(keys)[c] = r1(kK(cols)[c]);
            kK(pkeys)[c] = r1(kK(probe)[c]);
        }
        RowIndex ix;
        K g = rows_index_new(keys, &ix) ? rows_index_find(&ix, pkeys) : NULL;
        ok = g != NULL;
        if (ok) {
            memcpy(group, ix.group, (size_t)n * sizeof(J));
            memcpy(pg, kJ(g), (size_t)m * sizeof(J));
            ngroups = ix.ngroups;
            r0(g);
            rows_index_free(&ix);
        }
        r0(keys);
        r0(pkeys);
    }
    /* each group's rows in order: offsets and row numbers */
    J *start = ok ? mem_raw_calloc((size_t)ngroups + 1, sizeof(J)) : NULL, *rows = ok ? mem_raw_alloc((size_t)(n ? n : 1) * sizeof(J)) : NULL;
    ok = ok && start && rows;
    for (J i = 0; ok && i < n; i++)
        start[group[i] + 1]++;
    for (J g = 0; ok && g < ngroups; g++)
        start[g + 1] += start[g];
    J *fill = ok ? mem_raw_calloc((size_t)ngroups, sizeof(J)) : NULL;
    ok = ok && fill;
    for (J i = 0; ok && i < n; i++)
        rows[start[group[i]] + fill[group[i]]++] = i;
    K r = ok ? obj_vec(KJ, m) : NULL;
    K last = kK(cols)[nc - 1], plast = kK(probe)[nc - 1];
    for (J k = 0; r && k < m; k++) {
        J g = pg[k], found = nj;
        if (g >= 0) {
            K b = prim_item(plast, k);
            J lo = start[g], hi = start[g + 1];
            while (lo < hi) { /* the first row of the group above y */
                J mid = (lo + hi) / 2;
                K a = prim_item(last, rows[mid]);
                int c = compare_values(a, b);
                r0(a);
                if (c <= 0)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            r0(b);
            if (lo > start[g])
                found = rows[lo - 1];
        }
        kJ(r)[k] = found;
    }
    mem_raw_free(group);
    mem_raw_free(pg);
    mem_raw_free(start);
    mem_raw_free(rows);
    mem_raw_free(fill);
    r0(probe);
    r0(x);
    if (!r)
        return kerr_msg() ? NULL : kerr("wsfull");
    if (record) {
        J p = kJ(r)[0];
        r0(r);
        return kj(p);
    }
    return r;
}

static K binsearch(K x, K y, bool right) {
    if (prim_too_deep(x, y)) /* a dict's values may be a dict */
        return NULL;
    if (x->t == XT && !right)
        return table_bin(x, y);
    if (x->t == XD) { /* a dict's values are searched, giving their keys (null for -1) */
        K k = r1(DICT_KEYS(x)), i = binsearch(r1(DICT_VALS(x)), y, right);
        r0(x);
        return i ? prim_at(k, i) : (r0(k), NULL);
    }
    if (x->t == 0) { /* a general list (strings): items compare as asc orders them */
        bool one = y->t != 0;
        J m = one ? 1 : y->n;
        K r = one ? obj_atom(-KJ) : obj_vec(KJ, m);
        K pair = ktn(0, 2); /* (x item; y item) for compare_items */
        for (J k = 0; r && pair && k < m; k++) {
            kK(pair)[1] = one ? r1(y) : r1(kK(y)[k]);
            J lo = 0, hi = x->n;
            while (lo < hi) {
                J mid = (lo + hi) / 2;
                kK(pair)[0] = kK(x)[mid];
                int c = compare_items(pair, 0, 1);
                if (right ? c < 0 : c <= 0)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            r0(kK(pair)[1]); /* pair[0] borrows x's item */
            if (one)
                r->j = right ? lo : lo - 1;
            else
                kJ(r)[k] = right ? lo : lo - 1;
        }
        pair->n = 0;
        r0(pair);
        r0(x);
        r0(y);
        return r;
    }
    if (x->t <= 0 || x->t >= KENUM) {
        r0(x);
        r0(y);
        return kerr("type");
    }
    bool atom = y->t < 0;
    J m = atom ? 1 : obj_count(y);
    K r = atom ? obj_atom(-KJ) : obj_vec(KJ, m);
    K both = obj_vec(x->t, 2);
    for (J k = 0; r && k < m; k++) {
        K yi = atom ? r1(y) : prim_item(y, k);
        if (yi->t != -x->t) {
            r0(yi);
            r0(r);
            r0(both);
            r0(x);
            r0(y);
            return kerr("type");
        }
        memcpy(kG(both) + obj_width(x->t), yi->t == -UU ? (void *)kG(yi) : (void *)&yi->g, obj_width(x->t));
        r0(yi);
        J lo = 0, hi = x->n; /* first index whose item is > y (or >= y for binr) */
        while (lo < hi) {
            J mid = (lo + hi) / 2;
            memcpy(kG(both), kG(x) + (size_t)mid * obj_width(x->t), obj_width(x->t));
            int c;
            if (x->t == KS)
                c = strcmp(kS(both)[0], kS(both)[1]);
            else {
                uint64_t a = sort_key(both, 0), b = sort_key(both, 1);
                c = a < b ? -1 : a > b;
            }
            if (right ? c < 0 : c <= 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        J v = right ? lo : lo - 1;
        if (atom)
            r->j = v;
        else
            kJ(r)[k] = v;
    }
    r0(both);
    r0(x);
    r0(y);
    return r;
}

K prim_bin(K x, K y) {
    PRIM_ARGS2(x, y);
    PRIM_SQUASH2(x, y);
    return binsearch(x, y, false);
}
K prim_binr(K x, K y) {
    PRIM_ARGS2(x, y);
    PRIM_SQUASH2(x, y);
    return binsearch(x, y, true);
}
