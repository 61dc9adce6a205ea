/* runtime.c -- the default runtime and its lifetime (runtime.h). */
#include "runtime.h"

#include <string.h>

/* the start-up values of every field that does not start at zero */
#define RUNTIME_START                                                                          \
    {                                                                                          \
        .prim = {.rng_state = (uint64_t)-314159},                                              \
        .fmt = {.settings = {.precision = 7, .console_rows = 25, .console_cols = 80}},         \
        .lang = {.http_rows = 36, .http_cols = 2000},                                          \
    }

static Runtime default_runtime = RUNTIME_START;
Runtime *oq_rt = &default_runtime;

/* what outlives a reset: the allocator's record, the service table and the Python bridge's
 * (runtime.h) */
typedef struct Kept {
    struct RtMem mem;
    Services svc;
    struct RtPy py;
    bool pool_exit_hooked;
} Kept;

static Kept keep(void) { return (Kept){RT->mem, RT->svc, RT->py, RT->pool.exit_hooked}; }

static void restore(Kept k) {
    RT->mem = k.mem;
    RT->svc = k.svc;
    RT->py = k.py;
    RT->pool.exit_hooked = k.pool_exit_hooked;
}

void runtime_init(void) {
    static const Runtime start = RUNTIME_START;
    Kept k = keep();
    *RT = start;
    restore(k);
}

void runtime_free(void) {
    pool_stop();
    for (int layer = RT_LAYERS - 1; layer >= 0; layer--) {
        void (*fn)(void) = RT->base.on_free[layer];
        RT->base.on_free[layer] = NULL;
        if (fn)
            fn();
    }
    Kept k = keep();
    memset(RT, 0, sizeof *RT);
    restore(k);
}

void runtime_reset(void) {
    runtime_free();
    runtime_init();
}
