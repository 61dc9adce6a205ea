/* fuzz_eval.c -- libFuzzer target: any text through the q console (parse, evaluate, display),
 * as a client's query reaches the interpreter.  Read-only (-b) so inputs leave no state
 * behind, a 200 ms deadline per input (-T), a 512 MB workspace (-w), no shell, 1 MB of
 * stack (stack_set_budget: deep values reach the 'stack paths sooner); the live-object count
 * must return to where it was after every input.  Built with clang
 * -fsanitize=fuzzer,address,undefined. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "lang/lang.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    setenv("OPENQ_NO_SHELL", "1", 1);
    if (lang_init() < 0)
        abort();
    RT->lang.read_only = true;
    mem_set_limit((int64_t)512 << 20); /* -w 512: huge allocations are 'wsfull, not OOM */
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    int64_t before = mem_stats().live_blocks;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    RT->lang.deadline_ms = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 + 200;
    int quit = 0;
    stack_set_budget(1 << 20);
    K out = lang_console((const char *)data, size, &quit);
    r0(out);
    kerr_clear();
    stack_set_budget(0);
    if (mem_stats().live_blocks != before) {
        fprintf(stderr, "leak: %lld objects\n", (long long)(mem_stats().live_blocks - before));
        abort();
    }
    return 0;
}
