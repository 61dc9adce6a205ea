/* unit.h -- a tiny test runner.  TEST(name) { ... } registers a test; CHECK(cond) records a
 * failure and goes on.  The runner (main.c) runs each test and fails it if the number of
 * live objects after the test differs from before (a leak). */
#ifndef OPENQ_UNIT_H
#define OPENQ_UNIT_H

#include <stdio.h>

#include "obj/obj.h"

typedef void (*UnitFn)(void);
void unit_register(const char *name, UnitFn fn);
extern int unit_failures; /* CHECK failures in the running test */

#define TEST(name)                                                                             \
    static void test_##name(void);                                                             \
    __attribute__((constructor)) static void register_##name(void) {                          \
        unit_register(#name, test_##name);                                                     \
    }                                                                                          \
    static void test_##name(void)

#define CHECK(cond)                                                                            \
    do {                                                                                       \
        if (!(cond)) {                                                                         \
            fprintf(stderr, "  %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond);         \
            unit_failures++;                                                                   \
        }                                                                                      \
    } while (0)

#endif
