/* stack.h -- the depth rule: no input may exhaust the C stack.
 *
 * Every function that recurses over the depth of user input (parse trees, nested lists,
 * lambda calls, formatting, matching, hashing, sorting, casting, the codec) calls
 * stack_ok() before it descends, and when it answers false fails with kerr("stack") through
 * the ordinary NULL-error path, releasing what it owns.  The test is on the real stack
 * position: the address of the current frame against the running thread's stack floor plus
 * a safety margin (STACK_MARGIN: room for the deepest non-checking call chain below a check,
 * sanitizer frames included).  The floor is computed once per thread, so the guard holds on
 * the main thread and on any thread that runs the engine (Python threads, whose stacks may
 * be small).  Freeing (r0) cannot fail, so it never recurses at all (obj.c).
 *
 * stack_set_budget(bytes) additionally limits the stack the calling thread may use from the
 * point of the call: tests and fuzzers use it to reach the 'stack paths at small depths.
 */
#ifndef OPENQ_STACK_H
#define OPENQ_STACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* lowest frame address a check may pass at; 0 until computed for this thread */
extern _Thread_local uintptr_t stack_floor_cached;
/* compute (and cache) the calling thread's floor */
uintptr_t stack_floor_compute(void);

/* true while the calling thread has room to descend one more level */
static inline bool stack_ok(void) {
    uintptr_t floor = stack_floor_cached ? stack_floor_cached : stack_floor_compute();
    return (uintptr_t)__builtin_frame_address(0) > floor;
}

/* limit the calling thread to `bytes` of stack below the caller's frame (never beyond the
 * real floor); 0 restores the real floor */
void stack_set_budget(size_t bytes);

#endif
