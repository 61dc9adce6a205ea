/* fuzz_parse.c -- libFuzzer target: any text through the q parser alone (no evaluation), so
 * the fuzzer spends its time on nesting: parens, brackets, braces, long folds, qSQL.  Each
 * tree is then shown (-3!), serialised (-8!) and freed, which walk the same depth.  The stack
 * is limited to a small budget (stack_set_budget), so short inputs reach the 'stack paths;
 * nothing may crash or leak.  Built with clang -fsanitize=fuzzer,address,undefined. */
#include <stdio.h>
#include <stdlib.h>

#include "fmt/fmt.h"
#include "ipc/ipc.h"
#include "lang/lang_int.h"

#define FUZZ_STACK_BUDGET (96 << 10) /* a few hundred levels of the parser under ASan */

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    setenv("OPENQ_NO_SHELL", "1", 1);
    if (lang_init() < 0)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    int64_t before = mem_stats().live_blocks;
    stack_set_budget(FUZZ_STACK_BUDGET);
    bool k_mode = size >= 2 && data[0] == 'k' && data[1] == ')';
    K tree = parse_text((const char *)data + (k_mode ? 2 : 0), size - (k_mode ? 2 : 0), k_mode);
    if (tree) {
        r0(fmt_oneline(tree));
        r0(ipc_encode(tree, 0, 3, 0));
        r0(tree);
    }
    parse_origins_sweep(); /* the trace table's notes of lambdas that died with the tree */
    kerr_clear();
    stack_set_budget(0);
    if (mem_stats().live_blocks != before) {
        fprintf(stderr, "leak: %lld objects\n", (long long)(mem_stats().live_blocks - before));
        abort();
    }
    return 0;
}
