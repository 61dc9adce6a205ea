/* test_depth.c -- the depth rule (src/base/stack.h): freeing any depth without recursion,
 * and 'stack instead of a stack overflow, on the main thread and on small thread stacks. */
#include <pthread.h>
#include <string.h>

#include "lang/lang.h"
#include "prim/primint.h"
#include "unit.h"

#define DEEP 1000000

/* ,,,...,1: DEEP one-item general lists */
static K deep_enlist(J depth) {
    K x = kj(1);
    for (J i = 0; i < depth; i++)
        x = knk(1, x);
    return x;
}

TEST(freeing_a_million_deep_list_does_not_recurse) {
    int64_t before = mem_stats().live_blocks;
    K x = deep_enlist(DEEP);
    CHECK(mem_stats().live_blocks - before == DEEP + 1);
    r0(x);
    CHECK(mem_stats().live_blocks == before);
}

TEST(freeing_deep_mixed_children) {
    /* each level: (level below; `a!level below's sibling; a table; a lambda-like projection) */
    K x = kj(0);
    for (J i = 0; i < DEEP / 4; i++) {
        K d = xD(ks(ss("a")), r1(x));
        K t = xT(xD(ktn(KS, 0), ktn(0, 0)));
        x = knk(3, x, d, t);
    }
    K shared = r1(x);
    r0(x); /* one owner left: nothing freed */
    CHECK(shared->t == 0 && shared->n == 3);
    r0(shared);
}

TEST(match_and_count_walk_any_depth) {
    K a = deep_enlist(DEEP), b = deep_enlist(DEEP), c = deep_enlist(DEEP - 1);
    CHECK(prim_match_borrow(a, b));
    CHECK(!prim_match_borrow(a, c));
    CHECK(!kerr_msg());
    r0(a);
    r0(b);
    r0(c);
}

/* recurse until the guard says stop; the depth reached */
OQ_NOINLINE static long descend(long depth) {
    if (!stack_ok())
        return depth;
    volatile char pad[512]; /* a frame of some size, as the evaluator's are */
    pad[0] = (char)depth;
    long r = descend(depth + 1);
    return r + pad[0] - pad[0]; /* reads after the call: no tail call, a real frame per level */
}

static void *guard_thread(void *arg) {
    *(long *)arg = descend(0);
    return NULL;
}

TEST(the_guard_stops_recursion_on_a_small_thread_stack) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 256 << 10);
    long depth = -1;
    pthread_t th;
    CHECK(pthread_create(&th, &attr, guard_thread, &depth) == 0);
    pthread_join(th, NULL);
    pthread_attr_destroy(&attr);
    CHECK(depth > 10);        /* it let some recursion happen */
    CHECK(depth < 256 * 2);   /* and stopped inside the 256 KB */
    CHECK(descend(0) > depth); /* the main thread's own floor is unaffected */
}

TEST(a_budget_limits_the_stack_from_here) {
    stack_set_budget(64 << 10);
    long small = descend(0);
    stack_set_budget(0);
    CHECK(small > 10 && small < 64 * 2);
    CHECK(descend(0) > small);
}

/* the console in a thread with a small stack: deep input answers 'stack */
static const char *deep_inputs[] = {
    "count value (3000#\"(\"),\"1\",3000#\")\"",
    "count value (3000#\"{\"),3000#\"}\"",
    "count value (20000#\"1+\"),\"1\"",
    "count string {enlist x}/[100000;1]",
    "-3!{(1;x)}/[100000;1]",
    "a=a:{enlist x}/[100000;1]",
    "-8!{enlist x}/[4000;1]",
    "f:{f x};f 0",
};

static void *console_thread(void *arg) {
    int *ok = arg;
    for (size_t i = 0; i < ARRAY_LEN(deep_inputs); i++) {
        int quit;
        K out = lang_console(deep_inputs[i], strlen(deep_inputs[i]), &quit);
        bool stack = out && out->t == KC && out->n >= 6 && !memcmp(kC(out), "'stack", 6);
        if (!stack)
            fprintf(stderr, "  %s: %.*s\n", deep_inputs[i], out ? (int)out->n : 4, out ? kC(out) : "NULL");
        *ok += stack;
        r0(out);
    }
    return NULL;
}

TEST(deep_input_on_a_small_thread_stack_is_stack) {
    CHECK(lang_init() == 0);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 256 << 10);
    int ok = 0;
    pthread_t th;
    CHECK(pthread_create(&th, &attr, console_thread, &ok) == 0);
    pthread_join(th, NULL);
    pthread_attr_destroy(&attr);
    CHECK(ok == (int)ARRAY_LEN(deep_inputs));
    int quit;
    K out = lang_console("1+1", 3, &quit); /* and the session goes on */
    CHECK(out && out->n == 1 && kC(out)[0] == '2');
    r0(out);
    lang_free();
}
