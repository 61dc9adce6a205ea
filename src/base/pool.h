/* pool.h -- the secondary threads (-s N, \s): a pool of workers that run pure C over parts.
 *
 * A primitive that splits its work calls pool_run(task, ctx, parts): task(ctx, i) runs once
 * for every i in 0..parts-1, on the pool's workers and on the calling thread, and pool_run
 * returns when every part is done.  Parts are claimed one at a time (an atomic counter), so
 * uneven parts balance themselves; which thread runs a part never changes its result, and a
 * caller that wants results independent of the thread count (a float sum) fixes its parts
 * by size, not by the number of threads.
 *
 * The rule for tasks: a task reads its inputs and writes only its own part of a result the
 * caller allocated; it never allocates through mem.c, never creates or frees a q object,
 * never reads or writes RT (the runtime belongs to the thread that called pool_run) and never
 * calls pool_run.  That keeps the allocator, the reference counts and the pending error
 * single-threaded, so they need no locks.
 *
 * The workers are started on the first pool_run that can use them (at most \s of them),
 * live in the runtime record (RT->pool) and are joined by pool_stop: at runtime_free and at
 * exit.  With \s 0 (the default) pool_run runs every part on the calling thread. */
#ifndef OPENQ_POOL_H
#define OPENQ_POOL_H

#include <stdint.h>

#define POOL_MAX_THREADS 64 /* workers a pool may have (-s beyond it is refused) */

typedef void (*PoolTask)(void *ctx, int64_t part);

/* run task(ctx, 0..parts-1) on the secondary threads and the caller; returns when all ran */
void pool_run(PoolTask task, void *ctx, int64_t parts);
/* the secondary threads parallel primitives may use now: \s when positive, else 0 */
int pool_threads(void);
/* \s: the setting (negative: peach over processes, .z.pd) */
int pool_setting(void);
/* \s N: set the setting (the caller checks it against -s) */
void pool_set(int n);
/* join the workers (they restart on the next pool_run that needs them) */
void pool_stop(void);

#endif
