/* sort.c -- grading and sorting: iasc idesc asc desc rank xrank, and bin.
 *
 * Integral and float vectors are graded with a stable radix sort, most significant digit
 * first, on keys transformed so that unsigned order equals q's order (nulls first, then
 * -inf ... +inf); other types use a stable merge sort with a comparison. */
#include <stdlib.h>

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

/* radix digits: at most 11 bits at a time */
enum { DIGIT = 11 };

/* ---- 64-bit keys by radix, most significant digit first; for a grade, with positions ---- */

/* Keys are split by their top varying digit (at most 11 bits, fewer for few keys; the bits all
 * keys share are skipped), each bucket the same way in turn, down to a few keys sorted by
 * insertion.  A level scatters from one buffer into the other, and the buckets go on from
 * there with the buffers' roles swapped, so nothing is copied back: a level is told which
 * buffer its result must end in.  After the first split the buckets fit in the cache: the
 * whole array moves through memory about twice, where an LSD sort moves all of it once per
 * varying digit.  Keys alone (asc) need no stability, as equal keys are equal values; for a
 * grade the positions ride along, and a counting scatter in input order and an insertion sort
 * that moves only past greater keys are both stable, so equal keys keep their positions' order
 * at every level. */
enum {
    KEY_SMALL = 32,                                /* sorted by insertion at or below this */
    KEY_COUNTS = 6 << DIGIT,                       /* counts of nested levels at once: a level
                                                    * has 2^bits, the bits of nested levels add
                                                    * up to 64 at most, so 5 of 11 and one of 9
                                                    * at most */
    KEY_POLL = 1 << 16,                            /* levels this large take a pending Ctrl-C */
};

/* src[0..n) ascending into dst by insertion (dst may be src); the positions isrc (or NULL)
 * move with them into idst */
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

/* the digit of a level over keys whose bits at and above top agree: its width (at most DIGIT,
 * about n/4 buckets) and the shift below it */
static int level_bits(J n, int top) {
    int bits = (64 - __builtin_clzll((uint64_t)n)) - 2;
    bits = bits < 4 ? 4 : bits > DIGIT ? DIGIT : bits;
    return bits > top ? top : bits;
}

/* counts at[0..nb) of a level into starts; the total */
static void level_starts(J *at, J nb) {
    J sum = 0;
    for (J b = 0; b < nb; b++) {
        J c = at[b];
        at[b] = sum;
        sum += c;
    }
}

/* keys a[0..n) ascending (positions ia ride along, or NULL), the result in b (and ib) when
 * to_b, else in a; the other buffer is scratch.  counts: KEY_COUNTS words for this level and
 * those below.  false when Ctrl-C stopped it (taken only when poll: on the thread that runs
 * q, as the secondary threads never read the request). */
static bool keys_msd(uint64_t *a, J *ia, uint64_t *b, J *ib, J n, bool to_b, J *counts, bool poll) {
    if (n <= KEY_SMALL) {
        keys_insertion(a, ia, to_b ? b : a, to_b ? ib : ia, n);
        return true;
    }
    uint64_t all_or = 0, all_and = ~0ULL;
    for (J i = 0; i < n; i++) {
        all_or |= a[i];
        all_and &= a[i];
    }
    uint64_t varying = all_or ^ all_and;
    if (!varying) { /* equal keys: positions already ascending */
        if (to_b) {
            memcpy(b, a, (size_t)n * 8);
            if (ia)
                memcpy(ib, ia, (size_t)n * sizeof(J));
        }
        return true;
    }
    int top = 64 - __builtin_clzll(varying); /* bits at and above top agree */
    int bits = level_bits(n, top), shift = top - bits;
    J nb = (J)1 << bits, *at = counts;
    memset(at, 0, (size_t)nb * sizeof(J));
    for (J i = 0; i < n; i++)
        at[(a[i] >> shift) & (nb - 1)]++;
    level_starts(at, nb);
    if (ia) {
        for (J i = 0; i < n; i++) {
            uint64_t k = a[i];
            J to = at[(k >> shift) & (nb - 1)]++;
            b[to] = k;
            ib[to] = ia[i];
        }
    } else {
        for (J i = 0; i < n; i++) {
            uint64_t k = a[i];
            b[at[(k >> shift) & (nb - 1)]++] = k;
        }
    }
    /* the keys are in b, at[c] where bucket c ends; each bucket goes on from b */
    if (shift == 0) { /* every bucket's keys are equal */
        if (!to_b) {
            memcpy(a, b, (size_t)n * 8);
            if (ia)
                memcpy(ia, ib, (size_t)n * sizeof(J));
        }
        return true;
    }
    for (J c = 0, lo = 0; c < nb; lo = at[c++]) {
        J m = at[c] - lo;
        if (m <= KEY_SMALL) {
            if (m)
                keys_insertion(b + lo, ia ? ib + lo : NULL, (to_b ? b : a) + lo, ia ? (to_b ? ib : ia) + lo : NULL, m);
        } else {
            if (!keys_msd(b + lo, ia ? ib + lo : NULL, a + lo, ia ? ia + lo : NULL, m, !to_b, counts + nb, poll))
                return false;
        }
        if (UNLIKELY(poll && n >= KEY_POLL && intr_take()))
            return false;
    }
    return true;
}

/* keys[0..n) ascending, in place (positions idx ride along, or NULL); false when memory ran
 * out or 'stop is pending */
static bool keys_sort(uint64_t *keys, J *idx, J n) {
    uint64_t *tmp = mem_raw_alloc((size_t)(n ? n : 1) * 8);
    J *tidx = idx ? mem_raw_alloc((size_t)(n ? n : 1) * sizeof(J)) : NULL;
    J *counts = mem_raw_alloc(KEY_COUNTS * sizeof(J));
    bool ok = tmp && counts && (tidx || !idx);
    if (ok && !keys_msd(keys, idx, tmp, tidx, n, false, counts, true)) {
        kerr("stop");
        ok = false;
    }
    mem_raw_free(tmp);
    mem_raw_free(tidx);
    mem_raw_free(counts);
    return ok;
}

/* stable ascending grade of x into idx (n items) by radix over the keys.  When the keys'
 * span and the positions fit in 64 bits together, each key becomes (key - min) above its
 * position: distinct keys sorted alone give the stable order.  Otherwise the positions ride
 * along in keys_msd. */
static bool radix_grade(const K x, J n, J *idx) {
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
        for (J i = 0; i < n; i++)
            idx[i] = i;
        ok = keys_sort(keys, idx, n);
    }
    mem_raw_free(keys);
    return ok;
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

/* x[0..n) (n > 1) ascending into r, the keys made as x is read: a pass for the bits that
 * vary, one to count the first digit, one to scatter the keys by it into scratch, and each
 * bucket then sorted from there into r and turned back into values while in the cache.  With
 * secondary threads (\s) each pass is cut into parts of the input (each counting its own
 * digits and scattering from its own starts) and the buckets into chunks of about equal keys;
 * the sorted list is the same however it is cut.  Floats: only when that gives what a stable
 * grade gives -- q orders nulls first and -0f equal to 0f, so the keys are exact when every
 * NaN has one bit pattern (its key 0, and back) and -0f and 0f do not both occur; 1 (nothing
 * done) otherwise.  0 done, -1 'wsfull or 'stop pending. */
enum { ASC_PARTS = 64 }; /* at most this many parts of the input, and chunks of the buckets */

typedef struct Asc8 {
    const uint64_t *x;
    uint64_t *r, *tmp;
    J n, block;             /* items, items per part */
    int64_t parts, chunks;
    bool flt, poll, stopped;
    int shift;
    J nb;                   /* buckets of the first digit */
    J *hist;                /* parts x nb: each part's counts, then its starts */
    J *ends;                /* nb: where each bucket ends */
    J *scratch;             /* chunks x KEY_COUNTS: the nested levels' counts */
    uint64_t nan;           /* the NaN's bits (floats) */
    J chunk_at[ASC_PARTS + 1]; /* chunk c: buckets chunk_at[c] .. chunk_at[c+1] */
    struct {
        uint64_t or_, and_, nan;
        bool some_nan, mixed, neg0, pos0;
    } part[ASC_PARTS];
} Asc8;

__attribute__((always_inline)) static inline void asc8_scan_range(Asc8 *s, int64_t p, bool flt) {
    J lo = p * s->block, hi = MIN(lo + s->block, s->n);
    uint64_t all_or = 0, all_and = ~0ULL, nan = 0;
    bool some_nan = false, mixed = false, neg0 = false, pos0 = false;
    for (J i = lo; i < hi; i++) {
        uint64_t u = s->x[i];
        if (flt && UNLIKELY((u << 1) - 1 >= 0xffe0000000000000ULL)) { /* a NaN or a zero */
            if (u << 1) {
                mixed |= some_nan && u != nan;
                nan = u, some_nan = true;
            } else {
                neg0 |= u != 0;
                pos0 |= u == 0;
            }
        }
        uint64_t k = key8(u, flt);
        all_or |= k;
        all_and &= k;
    }
    s->part[p].or_ = all_or, s->part[p].and_ = all_and, s->part[p].nan = nan;
    s->part[p].some_nan = some_nan, s->part[p].mixed = mixed;
    s->part[p].neg0 = neg0, s->part[p].pos0 = pos0;
}
static void asc8_scan(void *ctx, int64_t p) {
    Asc8 *s = ctx;
    if (s->flt)
        asc8_scan_range(s, p, true);
    else
        asc8_scan_range(s, p, false);
}

__attribute__((always_inline)) static inline void asc8_count_range(Asc8 *s, int64_t p, bool flt) {
    J lo = p * s->block, hi = MIN(lo + s->block, s->n), *at = s->hist + p * s->nb, mask = s->nb - 1;
    int shift = s->shift;
    for (J i = lo; i < hi; i++)
        at[(key8(s->x[i], flt) >> shift) & mask]++;
}
static void asc8_count(void *ctx, int64_t p) {
    Asc8 *s = ctx;
    if (s->flt)
        asc8_count_range(s, p, true);
    else
        asc8_count_range(s, p, false);
}

__attribute__((always_inline)) static inline void asc8_scatter_range(Asc8 *s, int64_t p, bool flt) {
    J lo = p * s->block, hi = MIN(lo + s->block, s->n), *at = s->hist + p * s->nb, mask = s->nb - 1;
    int shift = s->shift;
    uint64_t *tmp = s->tmp;
    for (J i = lo; i < hi; i++) {
        uint64_t k = key8(s->x[i], flt);
        tmp[at[(k >> shift) & mask]++] = k;
    }
}
static void asc8_scatter(void *ctx, int64_t p) {
    Asc8 *s = ctx;
    if (s->flt)
        asc8_scatter_range(s, p, true);
    else
        asc8_scatter_range(s, p, false);
}

/* the buckets of chunk c sorted from tmp into r, and turned back into values */
static void asc8_buckets(void *ctx, int64_t c) {
    Asc8 *s = ctx;
    J *counts = s->scratch + c * KEY_COUNTS;
    for (J b = s->chunk_at[c]; b < s->chunk_at[c + 1] && !s->stopped; b++) {
        J lo = b ? s->ends[b - 1] : 0, hi = s->ends[b];
        if (!keys_msd(s->tmp + lo, NULL, s->r + lo, NULL, hi - lo, true, counts, s->poll) ||
            (s->poll && UNLIKELY(intr_take()))) {
            s->stopped = true;
            break;
        }
        uint64_t *r = s->r, nan = s->nan;
        if (s->flt)
            for (J i = lo; i < hi; i++)
                r[i] = value8(r[i], true, nan);
        else
            for (J i = lo; i < hi; i++)
                r[i] = value8(r[i], false, 0);
    }
}

static int asc8(const uint64_t *x, uint64_t *r, J n, bool flt) {
    Asc8 *s = mem_raw_calloc(1, sizeof(Asc8));
    if (!s) {
        kerr("wsfull");
        return -1;
    }
    int threads = pool_threads();
    s->x = x, s->r = r, s->n = n, s->flt = flt, s->poll = threads == 0;
    s->parts = threads && n >= PAR_MIN ? MIN(ASC_PARTS, MIN(4 * (threads + 1), n / PAR_BLOCK)) : 1;
    s->block = (n + s->parts - 1) / s->parts;
    pool_run(asc8_scan, s, s->parts);
    uint64_t all_or = 0, all_and = ~0ULL;
    bool some_nan = false, mixed = false, neg0 = false, pos0 = false;
    for (int64_t p = 0; p < s->parts; p++) {
        all_or |= s->part[p].or_, all_and &= s->part[p].and_;
        if (s->part[p].some_nan) {
            mixed |= s->part[p].mixed || (some_nan && s->part[p].nan != s->nan);
            s->nan = s->part[p].nan, some_nan = true;
        }
        neg0 |= s->part[p].neg0, pos0 |= s->part[p].pos0;
    }
    uint64_t varying = all_or ^ all_and;
    if (mixed || (neg0 && pos0) || !varying) {
        if (!mixed && !(neg0 && pos0))
            memcpy(r, x, (size_t)n * 8); /* all equal */
        mem_raw_free(s);
        return mixed || (neg0 && pos0);
    }
    int top = 64 - __builtin_clzll(varying), bits = level_bits(n, top);
    s->shift = top - bits;
    s->nb = (J)1 << bits;
    s->chunks = threads ? MIN(ASC_PARTS, MIN(4 * (threads + 1), s->nb)) : 1;
    s->tmp = mem_raw_alloc((size_t)n * 8);
    s->hist = mem_raw_calloc((size_t)(s->parts * s->nb), sizeof(J));
    s->ends = mem_raw_alloc((size_t)s->nb * sizeof(J));
    s->scratch = mem_raw_alloc((size_t)s->chunks * KEY_COUNTS * sizeof(J));
    int rc = -1;
    if (!s->tmp || !s->hist || !s->ends || !s->scratch) {
        kerr("wsfull");
        goto done;
    }
    pool_run(asc8_count, s, s->parts);
    J sum = 0; /* each part's starts: bucket by bucket, the parts in order */
    for (J b = 0; b < s->nb; b++) {
        for (int64_t p = 0; p < s->parts; p++) {
            J c = s->hist[p * s->nb + b];
            s->hist[p * s->nb + b] = sum;
            sum += c;
        }
        s->ends[b] = sum;
    }
    pool_run(asc8_scatter, s, s->parts);
    if (!s->poll && intr_take()) {
        kerr("stop");
        goto done;
    }
    s->chunk_at[0] = 0; /* chunks of about n/chunks keys, whole buckets each */
    for (int64_t c = 1, b = 0; c < s->chunks; c++) {
        while (b < s->nb && (b ? s->ends[b - 1] : 0) < n / s->chunks * c)
            b++;
        s->chunk_at[c] = b;
    }
    s->chunk_at[s->chunks] = s->nb;
    pool_run(asc8_buckets, s, s->chunks);
    if (s->stopped || (!s->poll && intr_take())) {
        kerr("stop");
        goto done;
    }
    rc = 0;
done:
    mem_raw_free(s->tmp);
    mem_raw_free(s->hist);
    mem_raw_free(s->ends);
    mem_raw_free(s->scratch);
    mem_raw_free(s);
    return rc;
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
