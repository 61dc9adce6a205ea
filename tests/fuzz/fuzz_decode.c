/* fuzz_decode.c -- libFuzzer target: any bytes through the IPC decoder (and, when they
 * decode, back through the encoder).  Built with clang -fsanitize=fuzzer,address,undefined;
 * the live-object count must return to where it was after every input (no leaks). */
#include <stdio.h>
#include <stdlib.h>

#include "ipc/ipc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    int64_t before = mem_stats().live_blocks;
    /* the bytes as a body behind a consistent header, then as a whole message */
    for (int pass = 0; pass < 2; pass++) {
        size_t n = pass ? size : size + IPC_HEADER;
        uint8_t *msg = malloc(n ? n : 1);
        if (!msg)
            return 0;
        if (pass) {
            memcpy(msg, data, size);
        } else {
            msg[0] = 1;
            msg[1] = 1;
            msg[2] = 0;
            msg[3] = 0;
            uint32_t len = (uint32_t)n;
            memcpy(msg + 4, &len, 4);
            memcpy(msg + IPC_HEADER, data, size);
        }
        K x = ipc_decode(msg, n);
        if (x) {
            K again = ipc_encode(x, IPC_SYNC, 6, 0);
            r0(again);
            r0(x);
        }
        kerr_clear();
        free(msg);
    }
    if (mem_stats().live_blocks != before) {
        fprintf(stderr, "leak: %lld objects\n", (long long)(mem_stats().live_blocks - before));
        abort();
    }
    return 0;
}
