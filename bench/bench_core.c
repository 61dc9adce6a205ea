/* bench_core.c -- IPC codec and vector primitives, each as a ratio to a plain-C baseline
 * measured in the same run (memcpy of the same bytes; a plain loop doing the same work).
 * Ratio = baseline time / openq time: 1.0 is baseline speed, higher is faster. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "ipc/ipc.h"
#include "prim/prims.h"

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* best of `reps` runs of expr, in seconds */
#define BEST(reps, expr)                                                                        \
    ({                                                                                          \
        double best = 1e9;                                                                      \
        for (int rep_ = 0; rep_ < (reps); rep_++) {                                             \
            double t0 = now();                                                                  \
            expr;                                                                               \
            double dt = now() - t0;                                                             \
            if (dt < best)                                                                      \
                best = dt;                                                                      \
        }                                                                                       \
        best;                                                                                   \
    })

static volatile double sink;

static int cmpj(const void *p, const void *q) {
    J a = *(const J *)p, b = *(const J *)q;
    return (a > b) - (a < b);
}

static void report(const char *name, double base, double ours) {
    printf("%-44s %8.1f ms   baseline %8.1f ms   ratio %.2f\n", name, ours * 1e3, base * 1e3, base / ours);
}

static double memcpy_time(size_t n) {
    char *a = malloc(n), *b = malloc(n);
    memset(a, 1, n);
    memset(b, 2, n);
    double t = BEST(5, memcpy(b, a, n); sink = b[n / 2]);
    free(a);
    free(b);
    return t;
}

int main(void) {
    J n = 10000000;
    /* IPC: 10M floats */
    K v = ktn(KF, n);
    for (J i = 0; i < n; i++)
        kF(v)[i] = (F)i * 0.5;
    K m = NULL;
    double enc = BEST(5, r0(m); m = ipc_encode(v, 1, 6, 0));
    double base = memcpy_time((size_t)m->n);
    report("encode 10M floats (-8!) vs memcpy", base, enc);
    K d = NULL;
    double dec = BEST(5, r0(d); d = ipc_decode(kG(m), (size_t)m->n));
    report("decode 10M floats (-9!) vs memcpy", base, dec);
    r0(d);
    r0(m);
    /* IPC: 1M-row table of symbol, float, long, timestamp */
    J rows = 1000000;
    K sym = ktn(KS, rows), px = ktn(KF, rows), sz = ktn(KJ, rows), ts = ktn(KP, rows);
    const char *names[] = {"AAPL", "MSFT", "GOOG", "IBM"};
    for (J i = 0; i < rows; i++) {
        kS(sym)[i] = ss((S)names[i % 4]);
        kF(px)[i] = 100 + i * 0.01;
        kJ(sz)[i] = i;
        kJ(ts)[i] = i * 1000;
    }
    K cn = ktn(KS, 4);
    kS(cn)[0] = ss("sym"); kS(cn)[1] = ss("price"); kS(cn)[2] = ss("size"); kS(cn)[3] = ss("time");
    K t = xT(xD(cn, knk(4, sym, px, sz, ts)));
    m = NULL;
    enc = BEST(5, r0(m); m = ipc_encode(t, 1, 6, 0));
    base = memcpy_time((size_t)m->n);
    report("encode 1M-row table vs memcpy", base, enc);
    d = NULL;
    dec = BEST(5, r0(d); d = ipc_decode(kG(m), (size_t)m->n));
    report("decode 1M-row table vs memcpy", base, dec);
    r0(d);
    r0(m);
    r0(t);
    /* compression of a 100 MB compressible message */
    K big = ktn(KJ, 100000000 / 8);
    for (J i = 0; i < big->n; i++)
        kJ(big)[i] = i % 1000;
    K plain = ipc_encode(big, 1, 6, 0);
    K c = NULL;
    double comp = BEST(2, r0(c); c = ipc_compress(kG(plain), (size_t)plain->n));
    base = memcpy_time((size_t)plain->n);
    report("compress 100 MB vs memcpy", base, comp);
    K u = NULL;
    double decomp = BEST(2, r0(u); u = ipc_decompress(kG(c), (size_t)c->n));
    report("decompress 100 MB vs memcpy", base, decomp);
    printf("%-44s %.1fx\n", "  compression factor", (double)plain->n / c->n);
    r0(u);
    r0(c);
    r0(plain);
    r0(big);
    /* primitives on 10M elements vs plain loops */
    K a = ktn(KJ, n), b = ktn(KJ, n);
    for (J i = 0; i < n; i++) {
        kJ(a)[i] = i;
        kJ(b)[i] = n - i;
    }
    double tb = BEST(5, { J s = 0; for (J i = 0; i < n; i++) s += kJ(a)[i]; sink = (double)s; });
    double to = BEST(5, { K r = prim_sum(r1(a)); sink = (double)r->j; r0(r); });
    report("sum 10M longs vs C loop", tb, to);
    J *out = malloc((size_t)n * 8);
    tb = BEST(5, { for (J i = 0; i < n; i++) out[i] = kJ(a)[i] + kJ(b)[i]; sink = (double)out[n / 2]; });
    to = BEST(5, { K r = prim_add(r1(a), r1(b)); sink = (double)kJ(r)[n / 2]; r0(r); });
    report("+ 10M longs vs C loop", tb, to);
    tb = BEST(5, { for (J i = 0; i < n; i++) out[i] = kJ(a)[i] * kJ(b)[i]; sink = (double)out[n / 2]; });
    to = BEST(5, { K r = prim_mul(r1(a), r1(b)); sink = (double)kJ(r)[n / 2]; r0(r); });
    report("* 10M longs vs C loop", tb, to);
    K fa = ktn(KF, n);
    for (J i = 0; i < n; i++)
        kF(fa)[i] = i * 0.25;
    tb = BEST(5, { F s = 0; for (J i = 0; i < n; i++) s += kF(fa)[i]; sink = s; });
    to = BEST(5, { K r = prim_sum(r1(fa)); sink = r->f; r0(r); });
    report("sum 10M floats vs C loop", tb, to);
    tb = BEST(5, { for (J i = 0; i < n; i++) out[i] = i; sink = (double)out[n - 1]; });
    to = BEST(5, { K r = prim_til(kj(n)); sink = (double)kJ(r)[n - 1]; r0(r); });
    report("til 10M vs C loop", tb, to);
    K mask = ktn(KB, n);
    for (J i = 0; i < n; i++)
        kG(mask)[i] = (i % 3) == 0;
    tb = BEST(5, { J k = 0; for (J i = 0; i < n; i++) if (kG(mask)[i]) out[k++] = i; sink = (double)k; });
    to = BEST(5, { K r = prim_where(r1(mask)); sink = (double)r->n; r0(r); });
    report("where 10M booleans vs C loop", tb, to);
    K rnd = ktn(KJ, n);
    uint64_t x = 88172645463325252ULL;
    for (J i = 0; i < n; i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        kJ(rnd)[i] = (J)(x % 1000000000);
    }
    {
        double t0 = now();
        memcpy(out, kJ(rnd), (size_t)n * 8);
        qsort(out, (size_t)n, 8, cmpj);
        tb = now() - t0;
    }
    to = BEST(2, { K r = prim_asc(r1(rnd)); sink = (double)kJ(r)[0]; r0(r); });
    report("asc 10M random longs vs C qsort", tb, to);
    free(out);
    r0(a); r0(b); r0(fa); r0(mask); r0(rnd); r0(v);
    return 0;
}

