/* vectors.c -- the IPC codec against ../shared/vectors (bytes from real q and other
 * implementations) and against hostile input.  Usage: ipc_vectors DIR.  Last line:
 * "ipc: N passed, N failed". */
#include <stdio.h>
#include <stdlib.h>

#include "ipc/ipc.h"
#include "prim/primint.h"

static int passed, failed, skipped;

static void check(bool ok, const char *what, const char *id) {
    if (ok) {
        passed++;
    } else {
        failed++;
        fprintf(stderr, "FAIL %s: %s\n", id, what);
    }
}

/* the string value of "key": "..." in a JSON line (no escapes in these fields), or NULL */
static char *field(const char *line, const char *key) {
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\": \"", key);
    const char *p = strstr(line, pat);
    if (!p)
        return NULL;
    p += strlen(pat);
    const char *e = strchr(p, '"');
    return e ? strndup(p, (size_t)(e - p)) : NULL;
}

static K unhex(const char *h) {
    size_t n = strlen(h) / 2;
    K v = ktn(KG, (J)n);
    for (size_t i = 0; i < n; i++) {
        unsigned b;
        sscanf(h + 2 * i, "%2x", &b);
        kG(v)[i] = (G)b;
    }
    return v;
}

static bool same_bytes(const K a, const K b) { return a->n == b->n && memcmp(kG(a), kG(b), (size_t)a->n) == 0; }

/* re-encode x like the message it came from and compare (NaN payloads may differ) */
static bool round_trips(const K msg, const K x) {
    K again = ipc_encode(x, kG(msg)[1], 6, 0);
    if (!again) {
        kerr_clear();
        return false;
    }
    bool ok = same_bytes(again, msg);
    if (!ok && again->n == msg->n) {
        K y = ipc_decode(kG(again), (size_t)again->n);
        ok = y && prim_match_borrow(x, y);
        r0(y);
    }
    r0(again);
    return ok;
}

static void hostile(const K msg, const char *id) {
    /* every truncation, with the header's length patched to match */
    for (J cut = IPC_HEADER + 1; cut < msg->n; cut++) {
        K t = ktn(KG, cut);
        memcpy(kG(t), kG(msg), (size_t)cut);
        uint32_t len = (uint32_t)cut;
        memcpy(kG(t) + 4, &len, 4);
        K x = ipc_decode(kG(t), (size_t)cut);
        r0(x); /* may decode (a prefix can be valid) or fail: must not crash or leak */
        kerr_clear();
        r0(t);
    }
    /* byte flips */
    unsigned seed = 12345;
    for (int k = 0; k < 64 && msg->n > IPC_HEADER; k++) {
        K t = ktn(KG, msg->n);
        memcpy(kG(t), kG(msg), (size_t)msg->n);
        seed = seed * 1103515245 + 12345;
        J pos = IPC_HEADER + (J)(seed >> 8) % (msg->n - IPC_HEADER);
        kG(t)[pos] ^= (G)(1 + (seed >> 3) % 255);
        K x = ipc_decode(kG(t), (size_t)t->n);
        r0(x);
        kerr_clear();
        r0(t);
    }
    UNUSED(id);
}

static void run_file(const char *path) {
    FILE *fp = fopen(path, "r");
    if (!fp) {
        check(false, "cannot open", path);
        return;
    }
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, fp) > 0) {
        char *id = field(line, "id");
        char *hex = field(line, "hex");
        if (!hex) {
            free(id);
            continue;
        }
        char *producer = field(line, "producer");
        bool compressed = strstr(line, "\"compressed\": true") != NULL;
        bool own_serializer = producer && strstr(producer, "node-q serializer");
        K msg = unhex(hex);
        if (compressed) {
            char *uhex = field(line, "uncompressed_hex");
            K plain = uhex ? unhex(uhex) : NULL;
            K got = ipc_decompress(kG(msg), (size_t)msg->n);
            check(got && plain && same_bytes(got, plain), "decompress", id);
            K again = plain ? ipc_compress(kG(plain), (size_t)plain->n) : NULL;
            check(again && same_bytes(again, msg), "recompress", id);
            K x = ipc_decode(kG(msg), (size_t)msg->n);
            check(x != NULL, "decode compressed", id);
            r0(x);
            r0(again);
            r0(got);
            r0(plain);
            free(uhex);
            kerr_clear();
        } else {
            K x = ipc_decode(kG(msg), (size_t)msg->n);
            if (!x) {
                check(false, kerr_msg() ? kerr_msg() : "decode", id);
                kerr_clear();
            } else if (own_serializer) {
                passed++; /* decodes; its bytes need not be q's */
            } else {
                check(round_trips(msg, x), "round trip", id);
            }
            r0(x);
            hostile(msg, id);
        }
        r0(msg);
        free(hex);
        free(id);
        free(producer);
    }
    free(line);
    fclose(fp);
}

static void crafted(void) {
    /* absurd counts: a long vector claiming 2^40 items in a tiny message */
    G m1[] = {1, 0, 0, 0, 22, 0, 0, 0, 7, 0x80, 0, 0, 0, 0, 0, 1, 0, 0, 1, 2, 3, 4};
    K x = ipc_decode(m1, sizeof m1);
    check(x == NULL, "2^40 count refused", "crafted");
    kerr_clear();
    /* a count of 2^31 in 4 bytes */
    G m2[] = {1, 0, 0, 0, 18, 0, 0, 0, 0, 0, 0, 0, 0, 0x80, 1, 2, 3, 4};
    x = ipc_decode(m2, sizeof m2);
    check(x == NULL, "2^31 list refused", "crafted");
    kerr_clear();
    /* unknown type bytes */
    for (int t = 20; t < 98; t++) {
        G m3[] = {1, 0, 0, 0, 11, 0, 0, 0, (G)t, 0, 0};
        x = ipc_decode(m3, sizeof m3);
        check(x == NULL, "unknown type refused", "crafted");
        kerr_clear();
    }
    /* nesting 10,000 deep: (((...))) as one-item general lists */
    int depth = 10000;
    size_t n = IPC_HEADER + (size_t)depth * 6 + 2;
    G *m4 = calloc(n, 1);
    m4[0] = 1;
    uint32_t len = (uint32_t)n;
    memcpy(m4 + 4, &len, 4);
    for (int i = 0; i < depth; i++) {
        G *p = m4 + IPC_HEADER + i * 6;
        p[0] = 0;
        p[1] = 0;
        p[2] = 1;
    }
    m4[n - 2] = 0xff; /* a boolean at the bottom */
    m4[n - 1] = 1;
    x = ipc_decode(m4, n);
    check(x == NULL, "10000-deep nesting refused", "crafted");
    kerr_clear();
    free(m4);
    /* a length field larger than the bytes */
    G m5[] = {1, 0, 0, 0, 200, 0, 0, 0, 0xf9, 1, 2, 3, 4, 5, 6, 7, 8};
    x = ipc_decode(m5, sizeof m5);
    check(x == NULL, "short message refused", "crafted");
    kerr_clear();
    /* broken compression streams: back-references before anything was written */
    G m6[] = {1, 0, 1, 0, 20, 0, 0, 0, 100, 0, 0, 0, 0xff, 7, 9, 1, 2, 3, 4, 5};
    x = ipc_decode(m6, sizeof m6);
    check(x == NULL, "broken stream refused", "crafted");
    kerr_clear();
    /* an uncompressed length that the input cannot produce */
    G m7[] = {1, 0, 1, 0, 16, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f, 0, 1, 2, 3};
    x = ipc_decode(m7, sizeof m7);
    check(x == NULL, "huge uncompressed length refused", "crafted");
    kerr_clear();
    /* encode/decode of every atom type and a table, in both byte orders of the reader */
    K t = xT(xD(knk(0), knk(0)));
    kerr_clear();
    r0(t);
    K v = ktn(KJ, 1000);
    for (J i = 0; i < v->n; i++)
        kJ(v)[i] = i % 10;
    K msg = ipc_encode(v, IPC_SYNC, 3, 2);
    check(msg && kG(msg)[2] == 1, "compressible message compressed", "crafted");
    K back = msg ? ipc_decode(kG(msg), (size_t)msg->n) : NULL;
    check(back && prim_match_borrow(back, v), "compressed round trip", "crafted");
    r0(back);
    r0(msg);
    r0(v);
}

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : "../shared/vectors";
    const char *files[] = {"qpython.jsonl", "kxdocs.jsonl", "nodeq.jsonl", "kdbgo.jsonl", "aiokdb.jsonl",
                           "kxclib_b9.jsonl", "kxclib_wire.jsonl"};
    int64_t live = mem_stats().live_blocks;
    for (size_t i = 0; i < ARRAY_LEN(files); i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        run_file(path);
    }
    crafted();
    kerr_clear();
    check(mem_stats().live_blocks == live, "no objects leaked", "all");
    printf("ipc: %d passed, %d failed (%d skipped)\n", passed, failed, skipped);
    return failed ? 1 : 0;
}
