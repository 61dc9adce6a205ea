/* par.h -- primitives on the secondary threads (-s N; base/pool.h), as kdb+ 4 runs them
 * (kb/mt-primitives.md).
 *
 * A vector of at least PAR_MIN items is cut into parts of PAR_BLOCK items (the last one
 * shorter); the pool runs the parts, each a plain C loop over its own range that writes into
 * a result the caller allocated beforehand or into its own slot of a partials array, and the
 * caller combines the partials in part order.  Parts never allocate, never touch a q object's
 * reference count and never read RT (pool.h's rule), so they need no locks.
 *
 * Results are the same bits for every \s: elementwise results do not depend on the cut, and
 * a float sum is always taken per block of prim_sum_block(n) items (four accumulators within
 * a block, then the blocks' sums added in order), also with \s 0, so that the order of the
 * additions depends on the count alone. */
#ifndef OPENQ_PAR_H
#define OPENQ_PAR_H

#include <stdbool.h>

#include "../base/pool.h"
#include "../obj/obj.h"

#define PAR_BLOCK ((J)1 << 16)  /* items per part */
#define PAR_MIN (2 * PAR_BLOCK) /* smaller vectors stay on the calling thread */
#define PAR_MAX_PARTS 1024      /* partials a reduction keeps (on the stack) */

/* the parts a vector of n items is cut into, or 0 when it stays on the calling thread */
static inline int64_t par_parts(J n) {
    return n >= PAR_MIN && pool_threads() > 0 ? (n + PAR_BLOCK - 1) / PAR_BLOCK : 0;
}

/* the reductions, each over n items at p; nulls left out as sum/min/max/avg leave them */
J prim_par_sum_j(const J *p, J n);           /* wraps as q's long sum does */
F prim_par_sum_f(const F *p, J n, J *valid); /* by blocks (above); *valid: the non-NaN items */
J prim_par_min_j(const J *p, J n);           /* 0W when all are null (nulls are the least) */
J prim_par_max_j(const J *p, J n);           /* -0W when all are null */
F prim_par_min_f(const F *p, J n);           /* 0w when all are NaN */
F prim_par_max_f(const F *p, J n);           /* -0w when all are NaN */
/* where of n booleans: the indices of the 1s into out (room for all of them); their count */
J prim_par_where_b(const G *p, J n, J *out);
/* the count of 1s among n booleans */
J prim_par_count_b(const G *p, J n);

#endif
