/* fuzz_conn.c -- libFuzzer target: the server's per-connection state machine, bytes in and
 * replies out, over a socket pair with a small buffer (net_feed in src/net/conn.c): replies
 * are queued and written in pieces, and the queue's bound is 64 bytes here, so the pause
 * and resume of a connection whose replies wait (backpressure) run on nearly every input.  Input: one byte choosing the
 * chunk size the rest arrives in (0: all at once), then what a client would send: the
 * handshake, then frames.  The hooks answer without evaluating (.z.pg echoes, .z.ps
 * ignores; read-only, no shell), so what is fuzzed is handshake parsing, frame assembly,
 * decoding, dispatch and the reply path.  Checked after every input: the replies are one
 * capability byte followed by whole frames (or HTTP responses, when the input starts an
 * HTTP request: .z.ph and .z.pp answer a fixed response, .z.ws ignores), and the live-object count is back where it
 * was.  Built with clang -fsanitize=fuzzer,address,undefined. */
#include <stdio.h>
#include <stdlib.h>

#include "ipc/ipc.h"
#include "lang/lang.h"
#include "net/netint.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    setenv("OPENQ_NO_SHELL", "1", 1);
    if (lang_init() < 0)
        abort();
    net_init();
    int quit = 0;
    const char *hooks = ".z.pg:{x};.z.ps:{[x]};.z.ph:.z.pp:{[x]\"HTTP/1.1 200 OK\\r\\n\\r\\n\"};"
                        ".z.ws:{[x]}";
    r0(lang_console(hooks, strlen(hooks), &quit));
    kerr_clear();
    net_cfg()->read_only = true;
    net_cfg()->max_queued = 64;
    /* a first connection creates what lives on after it (.z.w .z.u .z.a), so the leak
     * check below sees only what an input leaves behind */
    static const G hello[] = {'u', 0x03, 0x00, 0x01, 0x01, 0x00, 0x00, 0x0e, 0x00, 0x00, 0x00,
                              0x0a, 0x00, 0x00, 0x00, 0x00, 0x00};
    r0(net_feed(hello, sizeof hello, 0));
    kerr_clear();
    mem_set_limit((int64_t)512 << 20); /* huge allocations are 'wsfull, not OOM */
    return 0;
}

/* the replies are the handshake's byte, then frames whose lengths add up exactly */
static void check_replies(const K out) {
    if (!out || out->n == 0)
        return;
    if (out->n >= 9 && memcmp(kG(out), "HTTP/1.1 ", 9) == 0)
        return; /* the connection spoke HTTP (its replies are http.c's and the hooks') */
    if (kG(out)[0] > 6)
        abort();
    const G *p = kG(out) + 1;
    size_t left = (size_t)out->n - 1;
    while (left) {
        if (left < IPC_HEADER)
            abort();
        int64_t total = ipc_message_length(p);
        if (total < IPC_HEADER || (size_t)total > left)
            abort();
        p += total;
        left -= (size_t)total;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    int64_t before = mem_stats().live_blocks;
    K out = net_feed(data + 1, size - 1, data[0]);
    check_replies(out);
    r0(out);
    kerr_clear();
    if (mem_stats().live_blocks != before) {
        fprintf(stderr, "leak: %lld objects\n", (long long)(mem_stats().live_blocks - before));
        abort();
    }
    return 0;
}
