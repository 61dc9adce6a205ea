/* capi_client.c -- the k.h client API against a running server: khp, k(h,...), kclose.
 * Usage: capi_client PORT.  Prints "capi-client: N passed, N failed". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "k.h"

static int passed, failed;
#define EXPECT(c) ((c) ? passed++ : (failed++, fprintf(stderr, "capi-client: %s:%d %s\n", __FILE__, __LINE__, #c)))

int main(int argc, char **argv) {
    int port = argc > 1 ? atoi(argv[1]) : 5000;
    I h = khpu("127.0.0.1", port, "user:pass");
    EXPECT(h > 0);
    K r = k(h, "1+1", (K)0);
    EXPECT(r && r->t == -KJ && r->j == 2);
    r0(r);
    r = k(h, "{x*y}", kj(6), kj(7), (K)0);
    EXPECT(r && r->t == -KJ && r->j == 42);
    r0(r);
    r = k(h, "til 5", (K)0);
    EXPECT(r && r->t == KJ && r->n == 5 && kJ(r)[4] == 4);
    r0(r);
    r = k(h, "1+`a", (K)0);
    EXPECT(r && r->t == -128 && strcmp(r->s, "type") == 0);
    r0(r);
    r = k(-h, "a:5", (K)0);
    r0(r);
    r = k(h, "a", (K)0);
    EXPECT(r && r->t == -KJ && r->j == 5);
    r0(r);
    kclose(h);
    printf("capi-client: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
