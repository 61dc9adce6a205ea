/* pool.c -- the secondary threads' pool (pool.h). */
#include "pool.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>

#include "runtime.h"

/* Synchronisation.  The job (task, ctx, parts) is written under the lock while no worker is
 * active and read by a worker only after it has become active under the lock, so a worker
 * never sees half a job; `next` hands out parts (atomic); the caller returns only once every
 * part is claimed (it claims them too) and no worker is active, so each part ran before
 * pool_run returns and the caller sees its writes (the lock orders them). */

/* claim and run parts of the current job until none is left */
static void run_parts(struct RtPool *p) {
    for (;;) {
        int64_t i = atomic_fetch_add_explicit(&p->next, 1, memory_order_relaxed);
        if (i >= p->parts)
            return;
        p->task(p->ctx, i);
    }
}

static void *worker(void *arg) {
    struct RtPool *p = arg;
    uint64_t seen = 0;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (!p->quit && p->generation == seen)
            pthread_cond_wait(&p->wake, &p->lock);
        if (p->quit)
            break;
        seen = p->generation;
        p->active++;
        pthread_mutex_unlock(&p->lock);
        run_parts(p);
        pthread_mutex_lock(&p->lock);
        if (--p->active == 0)
            pthread_cond_signal(&p->idle);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

static void stop_at_exit(void) { pool_stop(); }

/* start workers until there are `want` (or as many as the system gives) */
static void grow(struct RtPool *p, int want) {
    if (!p->ready) {
        if (pthread_mutex_init(&p->lock, NULL) || pthread_cond_init(&p->wake, NULL) ||
            pthread_cond_init(&p->idle, NULL))
            return;
        p->ready = true;
        p->quit = false;
        if (!p->exit_hooked)
            p->exit_hooked = atexit(stop_at_exit) == 0;
    }
    /* workers take no signals: SIGINT (Ctrl-C) and the rest stay with the thread that runs q */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    while (p->started < want && !pthread_create(&p->tid[p->started], NULL, worker, p))
        p->started++; /* a refused thread means fewer: the caller runs the parts left over */
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

void pool_run(PoolTask task, void *ctx, int64_t parts) {
    struct RtPool *p = &RT->pool;
    int want = pool_threads();
    if (want > 0 && parts > 1 && p->started < want)
        grow(p, want);
    if (want == 0 || parts <= 1 || p->started == 0) {
        for (int64_t i = 0; i < parts; i++)
            task(ctx, i);
        return;
    }
    pthread_mutex_lock(&p->lock);
    while (p->active > 0) /* a worker that woke late for the last job is still leaving it */
        pthread_cond_wait(&p->idle, &p->lock);
    p->task = task;
    p->ctx = ctx;
    p->parts = parts;
    atomic_store_explicit(&p->next, 0, memory_order_relaxed);
    p->generation++;
    pthread_cond_broadcast(&p->wake);
    pthread_mutex_unlock(&p->lock);
    run_parts(p);
    pthread_mutex_lock(&p->lock);
    while (p->active > 0)
        pthread_cond_wait(&p->idle, &p->lock);
    p->task = NULL;
    p->ctx = NULL;
    pthread_mutex_unlock(&p->lock);
}

int pool_threads(void) {
    int n = RT->pool.setting;
    return n > 0 ? (n > POOL_MAX_THREADS ? POOL_MAX_THREADS : n) : 0;
}

int pool_setting(void) { return RT->pool.setting; }

void pool_set(int n) { RT->pool.setting = n; }

void pool_stop(void) {
    struct RtPool *p = &RT->pool;
    if (!p->ready)
        return;
    pthread_mutex_lock(&p->lock);
    p->quit = true;
    pthread_cond_broadcast(&p->wake);
    pthread_mutex_unlock(&p->lock);
    for (int i = 0; i < p->started; i++)
        pthread_join(p->tid[i], NULL);
    p->started = 0;
    pthread_cond_destroy(&p->wake);
    pthread_cond_destroy(&p->idle);
    pthread_mutex_destroy(&p->lock);
    p->ready = false;
}
