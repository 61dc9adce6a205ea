/* stack.c -- the calling thread's stack floor for stack_ok() (stack.h). */
#include "stack.h"

#include <pthread.h>
#include <sys/resource.h>

#if defined(__SANITIZE_ADDRESS__)
#define STACK_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define STACK_SANITIZED 1
#endif
#endif

/* Room kept below the last check: the deepest chain of calls that does not check (a
 * primitive's body, printf, a Python call, the error path) must fit in it.  Sanitizer
 * frames are several times larger.  Small stacks keep at most a quarter of their size. */
#ifdef STACK_SANITIZED
#define STACK_MARGIN ((size_t)1024 << 10)
#else
#define STACK_MARGIN ((size_t)256 << 10)
#endif
#define STACK_ASSUMED ((size_t)8 << 20) /* when the size cannot be learned (unlimited rlimit) */

_Thread_local uintptr_t stack_floor_cached;
static _Thread_local uintptr_t real_floor; /* the thread's floor with the margin, no budget */

static uintptr_t compute_real_floor(void) {
    uintptr_t here = (uintptr_t)__builtin_frame_address(0);
    uintptr_t low = 0;
    size_t size = 0;
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        void *addr;
        if (pthread_attr_getstack(&attr, &addr, &size) == 0 && addr && size &&
            here > (uintptr_t)addr && here - (uintptr_t)addr <= size)
            low = (uintptr_t)addr;
        pthread_attr_destroy(&attr);
    }
    if (!low) { /* unknown: assume the rlimit (or 8 MB) below the current frame */
        struct rlimit rl;
        size = STACK_ASSUMED;
        if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur > 0)
            size = (size_t)rl.rlim_cur;
        size_t used_guess = (size_t)64 << 10; /* frames already above us, conservatively */
        size = size > 2 * used_guess ? size - used_guess : size / 2;
        low = here > size ? here - size : 0;
    }
    size_t margin = STACK_MARGIN;
    if (margin > size / 4)
        margin = size / 4;
    return low + margin;
}

uintptr_t stack_floor_compute(void) {
    if (!real_floor)
        real_floor = compute_real_floor();
    stack_floor_cached = real_floor;
    return stack_floor_cached;
}

void stack_set_budget(size_t bytes) {
    uintptr_t floor = stack_floor_compute();
    uintptr_t here = (uintptr_t)__builtin_frame_address(0);
    if (bytes && here > bytes && here - bytes > floor)
        stack_floor_cached = here - bytes;
}
