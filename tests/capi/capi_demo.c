/* capi_demo.c -- written only against include/k.h, the way a kdb+ C-API user writes code:
 * build objects, append, make a table, check values.  Prints "capi: N passed, N failed". */
#include <stdio.h>
#include <string.h>

#include "k.h"

static int passed, failed;
#define EXPECT(c) ((c) ? passed++ : (failed++, fprintf(stderr, "capi: %s:%d %s\n", __FILE__, __LINE__, #c)))

int main(void) {
    K syms = ktn(KS, 0);
    js(&syms, ss("sym"));
    js(&syms, ss("price"));
    K sym = ktn(KS, 0), price = ktn(KF, 0);
    const char *names[] = {"AAPL", "MSFT", "GOOG"};
    for (int i = 0; i < 3; i++) {
        js(&sym, ss((S)names[i]));
        F p = 100.0 + i;
        ja(&price, &p);
    }
    K t = xT(xD(syms, knk(2, sym, price)));
    EXPECT(t && t->t == XT);
    EXPECT(kS(kK(t->k)[0])[1] == ss("price"));
    EXPECT(kF(kK(kK(t->k)[1])[1])[2] == 102.0);
    r0(t);

    K d = kd(ymd(2024, 1, 31));
    EXPECT(d->t == -KD && dj(d->i) == 20240131);
    r0(d);
    K g = ktj(-KP, 0);
    EXPECT(g->t == -KP && g->j == 0);
    r0(g);
    K e = krr("oops");
    EXPECT(e && e->t == -128 && strcmp(e->s, "oops") == 0);
    r0(e);
    K l = knk(2, kj(1), kp("two"));
    EXPECT(l->n == 2 && kK(l)[1]->n == 3 && memcmp(kC(kK(l)[1]), "two", 3) == 0);
    r0(l);
    EXPECT(ni == (I)0x80000000 && nj == (J)0x8000000000000000LL);
    printf("capi: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
