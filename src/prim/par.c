/* par.c -- reductions and where on the secondary threads (par.h). */
#include "par.h"

#include <math.h>

#include "../base/defs.h"

/* ---- the kernels: plain loops over one range ----------------------------------------- */

static J sum_j(const J *p, J n) {
    uint64_t a = 0, b = 0, c = 0, d = 0; /* unsigned: an overflowing sum wraps, no UB */
    J i = 0;
    for (; i + 4 <= n; i += 4) {
        J v0 = p[i], v1 = p[i + 1], v2 = p[i + 2], v3 = p[i + 3];
        a += v0 == nj ? 0 : (uint64_t)v0;
        b += v1 == nj ? 0 : (uint64_t)v1;
        c += v2 == nj ? 0 : (uint64_t)v2;
        d += v3 == nj ? 0 : (uint64_t)v3;
    }
    for (; i < n; i++)
        a += p[i] == nj ? 0 : (uint64_t)p[i];
    return (J)(a + b + c + d);
}

/* four accumulators, NaNs left out and counted */
/* A float sum below SUM_SEQUENTIAL items adds them in order, as q does (basics/precision.md:
 * sum 7#1%7 is 0.99999999999999978), where the time is too short to matter; a longer one runs
 * four accumulators, so the compiler vectorises it, and rounds as such. */
#define SUM_SEQUENTIAL 4096

static F sum_f(const F *p, J n, J *nan) {
    F a = 0, b = 0, c = 0, d = 0;
    J bad = 0, i = 0;
    if (n < SUM_SEQUENTIAL) {
        for (; i < n; i++) {
            bool n0 = p[i] != p[i];
            a += n0 ? 0 : p[i];
            bad += n0;
        }
        *nan = bad;
        return a;
    }
    for (; i + 4 <= n; i += 4) {
        bool n0 = p[i] != p[i], n1 = p[i + 1] != p[i + 1], n2 = p[i + 2] != p[i + 2], n3 = p[i + 3] != p[i + 3];
        a += n0 ? 0 : p[i];
        b += n1 ? 0 : p[i + 1];
        c += n2 ? 0 : p[i + 2];
        d += n3 ? 0 : p[i + 3];
        bad += n0 + n1 + n2 + n3;
    }
    for (; i < n; i++) {
        bool n0 = p[i] != p[i];
        a += n0 ? 0 : p[i];
        bad += n0;
    }
    *nan = bad;
    return (a + b) + (c + d);
}

static J min_j(const J *p, J n) {
    J best = wj;
    for (J i = 0; i < n; i++) {
        J v = p[i];
        best = v != nj && v < best ? v : best;
    }
    return best;
}

static J max_j(const J *p, J n) {
    J best = -wj;
    for (J i = 0; i < n; i++)
        best = p[i] > best ? p[i] : best; /* nj is below -0W: never taken */
    return best;
}

static F min_f(const F *p, J n) {
    F best = INFINITY;
    for (J i = 0; i < n; i++)
        best = p[i] < best ? p[i] : best; /* NaN compares false: left out */
    return best;
}

static F max_f(const F *p, J n) {
    F best = -INFINITY;
    for (J i = 0; i < n; i++)
        best = p[i] > best ? p[i] : best;
    return best;
}

static J count_b(const G *p, J n) {
    J c = 0;
    for (J i = 0; i < n; i++)
        c += p[i] != 0;
    return c;
}

/* ---- reductions over parts ----------------------------------------------------------- */

enum { R_SUM_J, R_SUM_F, R_MIN_J, R_MAX_J, R_MIN_F, R_MAX_F, R_COUNT_B };

typedef struct {
    int kind;        /* R_* */
    const void *p;   /* the items */
    J n, block;      /* their count, items per part */
    J part_j[PAR_MAX_PARTS]; /* each part's result (longs, counts) */
    F part_f[PAR_MAX_PARTS]; /* each part's result (floats) */
} Reduce;

static void reduce_part(void *ctx, int64_t part) {
    Reduce *r = ctx;
    J lo = part * r->block, cnt = MIN(r->block, r->n - lo);
    const J *pj = (const J *)r->p + lo;
    const F *pf = (const F *)r->p + lo;
    switch (r->kind) {
    case R_SUM_J: r->part_j[part] = sum_j(pj, cnt); break;
    case R_SUM_F: r->part_f[part] = sum_f(pf, cnt, &r->part_j[part]); break;
    case R_MIN_J: r->part_j[part] = min_j(pj, cnt); break;
    case R_MAX_J: r->part_j[part] = max_j(pj, cnt); break;
    case R_MIN_F: r->part_f[part] = min_f(pf, cnt); break;
    case R_MAX_F: r->part_f[part] = max_f(pf, cnt); break;
    case R_COUNT_B: r->part_j[part] = count_b((const G *)r->p + lo, cnt); break;
    }
}

/* parts of `block` items (fewer than PAR_MAX_PARTS), on the pool when it has threads */
static int64_t reduce(Reduce *r, int kind, const void *p, J n, J block) {
    r->kind = kind;
    r->p = p;
    r->n = n;
    r->block = block;
    int64_t parts = n ? (n + block - 1) / block : 0;
    if (pool_threads() > 0 && n >= PAR_MIN)
        pool_run(reduce_part, r, parts);
    else
        for (int64_t i = 0; i < parts; i++)
            reduce_part(r, i);
    return parts;
}

/* items per part for a reduction whose result does not depend on the cut */
static J free_block(J n) { return MAX(PAR_BLOCK, (n + PAR_MAX_PARTS - 1) / PAR_MAX_PARTS); }

J prim_par_sum_j(const J *p, J n) {
    if (n < PAR_MIN || pool_threads() == 0)
        return sum_j(p, n);
    Reduce r;
    int64_t parts = reduce(&r, R_SUM_J, p, n, free_block(n));
    uint64_t s = 0;
    for (int64_t i = 0; i < parts; i++)
        s += (uint64_t)r.part_j[i];
    return (J)s;
}

F prim_par_sum_f(const F *p, J n, J *valid) {
    J nan;
    if (n <= PAR_BLOCK) { /* one block: the whole sum, on any thread count */
        F s = sum_f(p, n, &nan);
        *valid = n - nan;
        return s;
    }
    Reduce r;
    int64_t parts = reduce(&r, R_SUM_F, p, n, free_block(n)); /* the cut depends on n only */
    F s = 0;
    J bad = 0;
    for (int64_t i = 0; i < parts; i++) {
        s += r.part_f[i];
        bad += r.part_j[i];
    }
    *valid = n - bad;
    return s;
}

#define EXTREME(name, kind, T, field, kernel, better)                                           \
    T name(const T *p, J n) {                                                                  \
        if (n < PAR_MIN || pool_threads() == 0)                                                \
            return kernel(p, n);                                                               \
        Reduce r;                                                                              \
        int64_t parts = reduce(&r, kind, p, n, free_block(n));                                 \
        T best = r.field[0];                                                                   \
        for (int64_t i = 1; i < parts; i++)                                                    \
            best = r.field[i] better best ? r.field[i] : best;                                 \
        return best;                                                                           \
    }
EXTREME(prim_par_min_j, R_MIN_J, J, part_j, min_j, <)
EXTREME(prim_par_max_j, R_MAX_J, J, part_j, max_j, >)
EXTREME(prim_par_min_f, R_MIN_F, F, part_f, min_f, <)
EXTREME(prim_par_max_f, R_MAX_F, F, part_f, max_f, >)

J prim_par_count_b(const G *p, J n) {
    if (n < PAR_MIN || pool_threads() == 0)
        return count_b(p, n);
    Reduce r;
    int64_t parts = reduce(&r, R_COUNT_B, p, n, free_block(n));
    J c = 0;
    for (int64_t i = 0; i < parts; i++)
        c += r.part_j[i];
    return c;
}

/* ---- where: count per part, then each part writes from its offset -------------------- */

typedef struct {
    const G *p;
    J n, block;
    J *out;
    J start[PAR_MAX_PARTS]; /* each part's first output slot (from the counts) */
} Where;

/* the indices of p[lo..hi)'s nonzero items from out[k]: a store per item and no branch
 * (a branch on random data mispredicts half the time), up to the last nonzero one, as the slot
 * after it may belong to another part or lie past the result */
static J where_run(const G *p, J lo, J hi, J *out, J k) {
    while (hi > lo && !p[hi - 1])
        hi--;
    for (J i = lo; i < hi; i++) {
        out[k] = i;
        k += p[i] != 0; /* a hostile boolean byte may be any nonzero value */
    }
    return k;
}

static void where_part(void *ctx, int64_t part) {
    Where *w = ctx;
    J lo = part * w->block;
    where_run(w->p, lo, MIN(lo + w->block, w->n), w->out, w->start[part]);
}

J prim_par_where_b(const G *p, J n, J *out) {
    if (n < PAR_MIN || pool_threads() == 0)
        return where_run(p, 0, n, out, 0);
    Reduce r;
    J block = free_block(n);
    int64_t parts = reduce(&r, R_COUNT_B, p, n, block);
    Where w = {.p = p, .n = n, .block = block, .out = out};
    J k = 0;
    for (int64_t i = 0; i < parts; i++) {
        w.start[i] = k;
        k += r.part_j[i];
    }
    pool_run(where_part, &w, parts);
    return k;
}
