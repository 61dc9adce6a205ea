/* runtime.c -- the default runtime and its lifetime (runtime.h). */
#include "runtime.h"

#include <string.h>

/* the start-up values of every field that does not start at zero */
#define RUNTIME_START                                                                          \
    {                                                                                          \
        .prim = {.rng_state = (uint64_t)-314159},                                              \
        .fmt = {.settings = {.precision = 7, .console_rows = 25, .console_cols = 80}},         \
    }

static Runtime default_runtime = RUNTIME_START;
Runtime *oq_rt = &default_runtime;

void runtime_init(void) {
    static const Runtime start = RUNTIME_START;
    struct RtMem mem = RT->mem;
    *RT = start;
    RT->mem = mem;
}

void runtime_free(void) {
    for (int layer = RT_LAYERS - 1; layer >= 0; layer--) {
        void (*fn)(void) = RT->base.on_free[layer];
        RT->base.on_free[layer] = NULL;
        if (fn)
            fn();
    }
    struct RtMem mem = RT->mem;
    memset(RT, 0, sizeof *RT);
    RT->mem = mem;
}

void runtime_reset(void) {
    runtime_free();
    runtime_init();
}
