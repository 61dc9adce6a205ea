/* main.c -- runs every registered unit test with a leak check; the last line of output is
 * "unit: N passed, N failed".  An argument runs only the tests whose name contains it. */
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#define MAX_TESTS 4096

static struct { const char *name; UnitFn fn; } tests[MAX_TESTS];
static int test_count;
int unit_failures;

void unit_register(const char *name, UnitFn fn) {
    if (test_count < MAX_TESTS) {
        tests[test_count].name = name;
        tests[test_count].fn = fn;
        test_count++;
    }
}

int main(int argc, char **argv) {
    int passed = 0, failed = 0;
    for (int i = 0; i < test_count; i++) {
        if (argc > 1 && !strstr(tests[i].name, argv[1]))
            continue;
        int64_t before = mem_stats().live_blocks;
        unit_failures = 0;
        tests[i].fn();
        kerr_clear();
        int64_t leaked = mem_stats().live_blocks - before;
        if (leaked)
            fprintf(stderr, "  %s: %lld objects leaked\n", tests[i].name, (long long)leaked);
        if (unit_failures || leaked) {
            failed++;
            fprintf(stderr, "FAIL %s\n", tests[i].name);
        } else {
            passed++;
        }
    }
    printf("unit: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
