/* k.h -- the kdb+ C API over openq's objects.
 *
 * Written from the documented interface (code.kx.com/q/interfaces/capiref), so that C code
 * written for kdb+ compiles against openq unchanged.  The object header has kdb+'s layout:
 *
 *   m, a   allocator bookkeeping (m = log2 of the block size), a = spare flags
 *   t      type: <0 atom, 0 general list, 1..19 simple vector, 20..76 enum, 98 table,
 *          99 dict, 100..112 functions, -128 error
 *   u      attribute: 0 none, 1 `s#, 2 `u#, 3 `p#, 4 `g#
 *   r      reference count, kdb+ convention: 0 means "one owner"; r0 frees at 0
 *   union  an atom's value, or n (item count) followed by the items
 *
 * Ownership at this boundary is kdb+'s: constructors return an object you own; r0 gives one
 * reference back; r1 takes one more; xD/xT/knk/jk consume the objects passed in.
 */
#ifndef OPENQ_K_H
#define OPENQ_K_H

#include <stddef.h>
#include <stdint.h>

#ifndef KXVER
#define KXVER 3
#endif

typedef char *S;
typedef char C;
typedef unsigned char G;
typedef short H;
typedef int I;
typedef long long J;
typedef float E;
typedef double F;
typedef void V;
typedef struct { G g[16]; } U;

typedef struct k0 {
    signed char m, a, t; /* block size class, spare flags, type */
    C u;                 /* attribute */
    I r;                 /* reference count - 1 */
    union {
        G g; H h; I i; J j; E e; F f; S s;
        struct k0 *k;    /* table: its column dictionary */
        struct { J n; G G0[1]; }; /* vectors and lists */
    };
} *K;

/* item accessors */
#define kG(x) ((x)->G0)
#define kC(x) ((C *)kG(x))
#define kH(x) ((H *)kG(x))
#define kI(x) ((I *)kG(x))
#define kJ(x) ((J *)kG(x))
#define kE(x) ((E *)kG(x))
#define kF(x) ((F *)kG(x))
#define kS(x) ((S *)kG(x))
#define kK(x) ((K *)kG(x))
#define kU(x) ((U *)kG(x))

/* type codes (vectors; atoms are the negatives) */
#define KB 1  /* boolean */
#define UU 2  /* guid */
#define KG 4  /* byte */
#define KH 5  /* short */
#define KI 6  /* int */
#define KJ 7  /* long */
#define KE 8  /* real */
#define KF 9  /* float */
#define KC 10 /* char */
#define KS 11 /* symbol */
#define KP 12 /* timestamp */
#define KM 13 /* month */
#define KD 14 /* date */
#define KZ 15 /* datetime */
#define KN 16 /* timespan */
#define KU 17 /* minute */
#define KV 18 /* second */
#define KT 19 /* time */
#define XT 98 /* table */
#define XD 99 /* dictionary */

/* nulls and infinities */
#define nh ((H)0x8000)
#define wh ((H)0x7fff)
#define ni ((I)0x80000000)
#define wi ((I)0x7fffffff)
#define nj ((J)0x8000000000000000LL)
#define wj ((J)0x7fffffffffffffffLL)
#define nf (0.0 / 0.0)
#define wf (1.0 / 0.0)
#define DO(n, x) { J i = 0, _i = (n); for (; i < _i; ++i) { x; } }

#ifdef __cplusplus
extern "C" {
#endif

/* atoms */
K ka(I t);
K kb(I x);
K ku(U x);
K kg(I x);
K kh(I x);
K ki(I x);
K kj(J x);
K ke(F x);
K kf(F x);
K kc(I x);
K ks(S x);
K kd(I x);
K kz(F x);
K kt(I x);
K ktj(I t, J x);
/* lists */
K ktn(I t, J n);
K knk(I n, ...);
K knt(J n, S *names); /* n-column empty table is not in the docs; see openq.h */
K kp(S s);
K kpn(S s, J n);
K ja(K *x, V *y);
K js(K *x, S y);
K jk(K *x, K y);
K jv(K *x, K y);
/* dictionaries and tables */
K xD(K keys, K vals);
K xT(K dict);
K ktd(K x);
/* reference counting */
K r1(K x);
V r0(K x);
/* symbols */
S ss(S s);
S sn(S s, I n);
/* dates: days since 2000.01.01 */
I ymd(I y, I m, I d);
I dj(I d);
/* errors */
K krr(const S msg);
K orr(const S msg);
K ee(K x);
/* serialization */
K b9(I mode, K x);
K d9(K x);
I okx(K x);
/* memory */
I setm(I on);
I m9(V);
/* evaluation inside openq (embedding) */
K k(I handle, const S expr, ...);
K dot(K f, K args);
/* IPC client */
I khp(const S host, I port);
I khpu(const S host, I port, const S userpass);
I khpun(const S host, I port, const S userpass, I timeout_ms);
I khpunc(S host, I port, S userpass, I timeout_ms, I capability);
V kclose(I handle);
/* event loop */
K sd1(I fd, K (*cb)(I fd));
V sd0(I fd);
V sd0x(I fd, I close_fd);

#ifdef __cplusplus
}
#endif

#endif
