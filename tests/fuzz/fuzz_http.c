/* fuzz_http.c -- libFuzzer target: the HTTP request parser and the WebSocket frame parser
 * (src/net/http.c, src/net/ws.c), pure functions over bytes.  The first byte picks the
 * parser; the rest is parsed as it arrives, one prefix after another (every prefix must
 * ask for more or give the same answer as the whole), then as a stream of frames or
 * pipelined requests; or as the reply the HTTP client (.Q.hg, fetch.c) reads.  Checked: what a parse claims lies inside the input, and a parse that
 * needs more bytes never turns into a different verdict on a prefix.  The stateful paths
 * (hooks, replies, upgrades) are fuzzed through fuzz_conn. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net/netint.h"

static void check_http(const G *p, size_t n) {
    HttpRequest r;
    size_t at = 0;
    while (at < n) {
        int64_t total = net_http_parse(p + at, n - at, 1 << 20, &r);
        if (total <= 0)
            break;
        if ((size_t)total > n - at || r.target + r.target_len > (size_t)total ||
            r.body + r.body_len != (size_t)total || r.nfields > HTTP_HEADERS_MAX)
            abort();
        for (int i = 0; i < r.nfields; i++)
            if (r.field[i].name + r.field[i].name_len > r.body ||
                r.field[i].value + r.field[i].value_len > r.body)
                abort();
        /* a prefix of a complete request is incomplete or already complete, never malformed */
        int64_t part = net_http_parse(p + at, (size_t)total / 2, 1 << 20, &r);
        if (part < 0)
            abort();
        at += (size_t)total;
    }
}

static void check_ws(const G *p, size_t n) {
    WsFrame f;
    size_t at = 0;
    while (at < n) {
        int64_t total = net_ws_parse(p + at, n - at, 1 << 20, &f);
        if (total <= 0)
            break;
        if ((size_t)total > n - at || f.payload + f.len != (uint64_t)total || f.len > (1 << 20))
            abort();
        if (net_ws_parse(p + at, (size_t)total - 1, 1 << 20, &f) != 0)
            abort();
        at += (size_t)total;
    }
}

/* a reply's body lies inside it; decoding a chunked one in place writes only inside it */
static void check_reply(const G *p, size_t n) {
    G *copy = malloc(n ? n : 1);
    if (!copy)
        return;
    memcpy(copy, p, n);
    size_t at = 0;
    int64_t len = net_http_reply_body(copy, n, &at);
    if (len >= 0 && (at > n || (uint64_t)len > n - at))
        abort();
    free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    if (data[0] % 3 == 1)
        check_ws(data + 1, size - 1);
    else if (data[0] % 3 == 2)
        check_reply(data + 1, size - 1);
    else
        check_http(data + 1, size - 1);
    (void)net_http_sniff(data + 1, size - 1);
    return 0;
}
