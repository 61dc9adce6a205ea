/* arith.c -- the atomic dyads and monads: + - * % & | = < > <= >= <> div mod, neg abs
 * floor ... and within, with q's type promotion, nulls and temporal rules.
 *
 * A dyad on two simple operands decides the result type once (result_type), brings both
 * operands to a compute type (long, int or float: CT_*) and runs one tight loop; general
 * lists and dicts recurse item by item. */
#include <math.h>
#include <stdlib.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "prims.h"
#include "par.h"
#include "primint.h"

enum { OP_ADD, OP_SUB, OP_MUL, OP_FDIV, OP_MIN, OP_MAX, OP_EQ, OP_LT, OP_GT, OP_DIV, OP_MOD, OP_FILL, OP_XEXP, OP_XBAR };

/* numeric rank for promotion: boolean/byte < short < int < long < real < float */
static int num_rank(int t) {
    switch (t) {
    case KB: case KG: return 1;
    case KH: return 2;
    case KI: return 3;
    case KJ: return 4;
    case KE: return 5;
    case KF: return 6;
    }
    return 0;
}

bool prim_is_temporal(int t) { return t >= KP && t <= KT; }

/* x xbar y: the reference's domain table.  Over numbers, a float y gives a float, a real x a
 * real (a float x a float), a long on either side a long, and ints or smaller an int; a
 * temporal y keeps its type (a date or datetime under a float x is a datetime, any other under
 * a float is a float); a temporal x over numbers keeps its type (a timespan gives a long),
 * becoming a float (date: a datetime) over floats. */
static int xbar_type(int tx, int ty) {
    int rx = num_rank(tx), ry = num_rank(ty);
    bool txt = prim_is_temporal(tx), tyt = prim_is_temporal(ty);
    if (rx && ry)
        return ry >= 5 ? KF : rx == 5 ? KE : rx == 6 ? KF : rx == 4 || ry == 4 ? KJ : KI;
    if (tyt && (rx || tx == KN))
        return tx != KF ? ty : ty == KD || ty == KZ ? KZ : KF;
    if (txt && ry)
        return tx == KZ ? KZ : ry >= 5 ? (tx == KD ? KZ : KF) : tx == KN ? KJ : tx;
    return 0;
}

/* The result types of + - * mod % as their reference pages tabulate them ("Range and
 * domains" of ref/add.md, subtract.md, multiply.md, mod.md, divide.md): row x, column y, in
 * the order of type_letters; '.' is 'type. */
static const char type_letters[] = "bgxhijefcspmdznuvt";
static const char arith_table[6][18][19] = {
    /* + */
    {"i.iiijef..pmdznuvt", "..................", "i.iiijef..pmdznuvt", "i.iiijef..pmdznuvt", "i.iiijef..pmdznuvt",
     "j.jjjjef..pmdznuvt", "e.eeeeef..pmdznuvt", "f.fffffff.ffzzffff", ".......f..pmdznuvt", "..................",
     "p.pppppfp.n...pppp", "m.mmmmmfm..i..pppp", "d.dddddzd...i.pppp", "z.zzzzzzz....fpzzz", "n.nnnnnfn.ppppnnnn",
     "u.uuuuufu.pppznuvt", "v.vvvvvfv.pppznvvt", "t.tttttft.pppznttt"},
    /* - */
    {"i.iiijefi.pmdznuvt", "..................", "i.iiijefi.pmdznuvt", "i.iiijefi.pmdznuvt", "i.iiijefi.pmdznuvt",
     "j.jjjjefj.pmdznuvt", "e.eeeeefe.pmdznuvt", "f.fffffff.ffzzffff", ".......f..pmdznuvt", "..................",
     "p.pppppfp.n...pppp", "m.mmmmmfm..i..pppp", "d.dddddzd...i.pppp", "z.zzzzzzz....fpzzz", "n.nnnnnfn.ppppnnnn",
     "u.uuuuufu.pppznuvt", "v.vvvvvfv.pppznvvt", "t.tttttft.pppznttt"},
    /* * */
    {"i.iiijef..pmdznuvt", "..................", "i.iiijef..pmdznuvt", "i.iiijef..pmdznuvt", "i.iiijef..pmdznuvt",
     "j.jjjjef..pmdznuvt", "e.eeeeef..pmdznuvt", "f.fffffff.ffzzffff", ".......f..pmdznuvt", "..................",
     "p.pppppfp.........", "m.mmmmmfm.........", "d.dddddzd.........", "z.zzzzzzz.........", "n.nnnnnfn.........",
     "u.uuuuufu.........", "v.vvvvvfv.........", "t.tttttft........."},
    /* mod */
    {"i.iiijef..pmdznuvt", "..................", "i.iiijef..pmdznuvt", "i.iiijef..pmdznuvt", "i.iiijef..pmdznuvt",
     "j.jjjjef..pmdznuvt", "f.fffffff.ffzzffff", "f.fffffff.ffzzffff", ".......f..pmdznuvt", "..................",
     "n.nnnnnfn.........", "i.iiiiifi.........", "i.iiiii.i.........", "f.fffffff.........", "n.nnnnnfn.........",
     "u.uuuuufu.........", "v.vvvvvfv.........", "t.tttttft........."},
    /* % */
    {"f.fffffff.ffffffff", "..................", "f.fffffff.ffffffff", "f.fffffff.ffffffff", "f.fffffff.ffffffff",
     "f.fffffff.ffffffff", "f.fffffff.ffffffff", "f.fffffff.ffffffff", "f.fffffff.ffffffff", "..................",
     "f.fffffff.ffffffff", "f.fffffff.ffffffff", "f.fffffff.ffffffff", "f.fffffff.ffffffff", "f.fffffff.ffffffff",
     "f.fffffff.ffffffff", "f.fffffff.ffffffff", "f.fffffff.ffffffff"},
    /* | and & (ref/greater.md, lesser.md) */
    {"b.xhijefc.pmdznuvt", "..................", "x.xhijefc.pmdznuvt", "h.hhijefc.pmdznuvt", "i.iiijefc.pmdznuvt",
     "j.jjjjefc.pmdznuvt", "e.eeeeefc.pmdznuvt", "f.ffffffc.pmdznuvt", "c.ccccccc.pmdznuvt", "..................",
     "p.ppppppp.ppppnuvt", "m.mmmmmmm.pmd.....", "d.ddddddd.pddz....", "z.zzzzzzz.p.zznuvt", "n.nnnnnnn.n..nnnnn",
     "u.uuuuuuu.u..unuvt", "v.vvvvvvv.v..vnvvt", "t.ttttttt.t..tnttt"}};

/* the row/column of type t in the tables above, or -1 */
static int table_index(int t) { return t == KB ? 0 : t == UU ? 1 : t >= KG && t <= KT ? t - KG + 2 : -1; }

static int table_type(int op, int tx, int ty) {
    int k = op == OP_ADD ? 0 : op == OP_SUB ? 1 : op == OP_MUL ? 2 : op == OP_MOD ? 3 : op == OP_FDIV ? 4 : 5;
    int ix = table_index(tx), iy = table_index(ty);
    if (ix < 0 || iy < 0)
        return 0;
    char c = arith_table[k][ix][iy];
    if (c == '.')
        return 0;
    static const int codes[18] = {KB, UU, KG, KH, KI, KJ, KE, KF, KC, KS, KP, KM, KD, KZ, KN, KU, KV, KT};
    return codes[strchr(type_letters, c) - type_letters];
}

/* The result type of x op y for simple types tx ty (positive), or 0 for 'type. */
static int result_type(int op, int tx, int ty) {
    int rx = num_rank(tx), ry = num_rank(ty);
    if (op == OP_ADD || op == OP_SUB || op == OP_MUL || op == OP_MOD || op == OP_FDIV || op == OP_MIN || op == OP_MAX)
        return table_type(op, tx, ty);
    if (op == OP_FILL) /* ref/fill.md: the types of | (ref/greater.md), and guid^guid */
        return tx == ty ? tx : table_type(OP_MAX, tx, ty);
    if (op == OP_XBAR)
        return xbar_type(tx, ty);
    /* x div y keeps x's type, except that char, byte, short and real become int and float */
    if (op == OP_DIV) {
        if (!(ry || prim_is_temporal(ty) || ty == KC) || !(rx || prim_is_temporal(tx) || tx == KC))
            return 0;
        return prim_is_temporal(tx) || tx == KJ ? tx : tx == KE || tx == KF ? KF : KI;
    }
    bool cmp = op == OP_EQ || op == OP_LT || op == OP_GT;
    if (cmp) {
        if ((rx && ry) || tx == ty)
            return KB;
        if ((prim_is_temporal(tx) && (ry || prim_is_temporal(ty))) || (prim_is_temporal(ty) && rx))
            return KB;
        if ((tx == KC && (ry || prim_is_temporal(ty))) || (ty == KC && (rx || prim_is_temporal(tx))))
            return KB;
        return 0;
    }
    /* x xexp y: numbers only, a float */
    return op == OP_XEXP && rx && ry ? KF : 0;
}

/* ---- conversion to the compute types ------------------------------------------------------ */

typedef enum { CT_J, CT_F } CType;

/* the value of item i of simple x (atom: i ignored) as long / double */
static inline J get_j(const K x, J i) {
    int t = x->t < 0 ? -x->t : x->t;
    const G *p = x->t < 0 ? &x->g : kG(x);
    switch (t) {
    case KB: case KG: case KC: return p[x->t < 0 ? 0 : i];
    /* integer infinities are plain values when widened (basics/datatypes.md: 0Wi+5 is
     * 2147483652, `float$0Wh is 32767f); nulls stay null */
    case KH: { H v = ((const H *)p)[x->t < 0 ? 0 : i]; return v == nh ? nj : v; }
    case KI: { I v = ((const I *)p)[x->t < 0 ? 0 : i]; return v == ni ? nj : v; }
    case KM: case KD: case KU: case KV: case KT: {
        I v = ((const I *)p)[x->t < 0 ? 0 : i];
        return v == ni ? nj : v == wi ? wj : v == -wi ? -wj : v;
    }
    case KE: { E v = ((const E *)p)[x->t < 0 ? 0 : i]; return v != v ? nj : (J)v; }
    case KF: case KZ: { F v = ((const F *)p)[x->t < 0 ? 0 : i]; return v != v ? nj : (J)v; }
    default: return ((const J *)p)[x->t < 0 ? 0 : i];
    }
}

static inline F get_f(const K x, J i) {
    int t = x->t < 0 ? -x->t : x->t;
    const G *p = x->t < 0 ? &x->g : kG(x);
    J k = x->t < 0 ? 0 : i;
    switch (t) {
    case KE: return ((const E *)p)[k];
    case KF: case KZ: return ((const F *)p)[k];
    case KB: case KG: case KC: case KH: case KI: case KJ: {
        J v = get_j(x, i);
        return v == nj ? nf : (F)v;
    }
    default: {
        J v = get_j(x, i);
        return v == nj ? nf : v == wj ? wf : v == -wj ? -wf : (F)v;
    }
    }
}

/* a temporary array of n compute values for x (or x's own data when it already has that
 * representation); *owned tells the caller to free it */
static const void *as_compute(const K x, J n, CType ct, bool *owned) {
    int t = x->t < 0 ? -x->t : x->t;
    *owned = false;
    if (x->t > 0 && ct == CT_J && (t == KJ || t == KP || t == KN))
        return kJ(x);
    if (x->t > 0 && ct == CT_F && (t == KF || t == KZ))
        return kF(x);
    void *buf = mem_raw_alloc((size_t)(n ? n : 1) * 8);
    if (!buf)
        return NULL;
    *owned = true;
    if (ct == CT_J) {
        J *o = buf;
        for (J i = 0; i < n; i++)
            o[i] = get_j(x, i);
    } else {
        F *o = buf;
        for (J i = 0; i < n; i++)
            o[i] = get_f(x, i);
    }
    return buf;
}

/* scale a temporal's units to another's (date days -> timestamp ns ...) */
static J unit_ns(int t) {
    switch (t) {
    case KP: case KN: return 1;
    case KD: return NS_PER_DAY;
    case KU: return 60000000000LL;
    case KV: return 1000000000LL;
    case KT: return 1000000LL;
    }
    return 1;
}

/* ---- the loops ----------------------------------------------------------------------------- */

static inline bool lt_f(F a, F b) { return a != a ? b == b : a < b; }
static inline bool eq_f(F a, F b) { return (a != a && b != b) || a == b; }

/* q compares floats with a relative tolerance of 2^-43: = < > see 1f and 1+1e-15 as equal */
#define CMP_TOLERANCE 1.1368683772161603e-13
static inline bool eq_tol(F a, F b) {
    if (a == b || (a != a && b != b))
        return true;
    if (a != a || b != b || isinf(a) || isinf(b))
        return false;
    return fabs(a - b) <= CMP_TOLERANCE * fmax(fabs(a), fabs(b));
}
static inline bool lt_tol(F a, F b) { return lt_f(a, b) && !eq_tol(a, b); }

static inline J floor_div(J a, J b) {
    if (b == 0)
        return nj;
    J q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

static inline J floor_mod(J a, J b) {
    if (b == 0)
        return a;
    J m = a % b;
    if (m != 0 && ((m < 0) != (b < 0)))
        m += b;
    return m;
}

/* x op y over n items, a/b step 0 for an atom operand, into out (long or double or bool) */
#define LOOP(expr)                                                                             \
    do {                                                                                       \
        if (sa && sb)                                                                          \
            for (J i = 0; i < n; i++) { J ia = i, ib = i; out[i] = (expr); }                   \
        else if (sa)                                                                           \
            for (J i = 0; i < n; i++) { J ia = i, ib = 0; out[i] = (expr); }                   \
        else                                                                                   \
            for (J i = 0; i < n; i++) { J ia = 0, ib = i; out[i] = (expr); }                   \
    } while (0)

static void loop_j(int op, const J *a, const J *b, bool sa, bool sb, J n, J *out) {
    switch (op) {
    /* integer arithmetic wraps (two's complement), as q's does: computed unsigned, no UB */
    /* a null operand gives null (1+0N is 0N) */
    case OP_ADD: LOOP(a[ia] == nj || b[ib] == nj ? nj : (J)((uint64_t)a[ia] + (uint64_t)b[ib])); break;
    case OP_SUB: LOOP(a[ia] == nj || b[ib] == nj ? nj : (J)((uint64_t)a[ia] - (uint64_t)b[ib])); break;
    case OP_MUL: LOOP(a[ia] == nj || b[ib] == nj ? nj : (J)((uint64_t)a[ia] * (uint64_t)b[ib])); break;
    case OP_MIN: LOOP(a[ia] < b[ib] ? a[ia] : b[ib]); break;
    case OP_MAX: LOOP(a[ia] > b[ib] ? a[ia] : b[ib]); break;
    case OP_DIV: LOOP(b[ib] == 0 || a[ia] == nj || b[ib] == nj ? nj : floor_div(a[ia], b[ib])); break;
    case OP_MOD: LOOP(a[ia] == nj || b[ib] == nj ? nj : b[ib] == -1 ? 0 : floor_mod(a[ia], b[ib])); break;
    /* x xbar y: x*y div x */
    case OP_XBAR: LOOP(a[ia] == 0 || a[ia] == nj || b[ib] == nj ? nj : (J)((uint64_t)a[ia] * (uint64_t)floor_div(b[ib], a[ia]))); break;
    case OP_FILL: LOOP(b[ib] == nj ? a[ia] : b[ib]); break;
    }
}

/* x xexp y as ref/exp.md computes it, exp y*log x (2 xexp 3 is 7.9999999999999982); a null
 * or negative x is 0n; 0 and the infinities as pow has them */
static F xexp_f(F x, F y) {
    if (x != x || y != y || x < 0)
        return nf;
    if (x == 0 || isinf(x) || isinf(y))
        return pow(x, y);
    return exp(y * log(x));
}

static void loop_f(int op, const F *a, const F *b, bool sa, bool sb, J n, F *out) {
    switch (op) {
    case OP_ADD: LOOP(a[ia] + b[ib]); break;
    case OP_SUB: LOOP(a[ia] - b[ib]); break;
    case OP_MUL: LOOP(a[ia] * b[ib]); break;
    case OP_FDIV: LOOP(a[ia] / b[ib]); break;
    case OP_MIN: LOOP(lt_f(a[ia], b[ib]) ? a[ia] : b[ib]); break;
    case OP_MAX: LOOP(lt_f(a[ia], b[ib]) ? b[ib] : a[ia]); break;
    case OP_DIV: LOOP(floor(a[ia] / b[ib])); break;
    case OP_MOD: LOOP(a[ia] - b[ib] * floor(a[ia] / b[ib])); break;
    case OP_XBAR: LOOP(a[ia] * floor(b[ib] / a[ia])); break;
    case OP_FILL: LOOP(b[ib] != b[ib] ? a[ia] : b[ib]); break;
    case OP_XEXP: LOOP(xexp_f(a[ia], b[ib])); break;
    }
}

static void loop_cmp_j(int op, const J *a, const J *b, bool sa, bool sb, J n, G *out) {
    switch (op) {
    case OP_EQ: LOOP(a[ia] == b[ib]); break;
    case OP_LT: LOOP(a[ia] < b[ib]); break;
    case OP_GT: LOOP(a[ia] > b[ib]); break;
    }
}

F prim_cmp_f_band(F c) { return 3 * CMP_TOLERANCE * fabs(c); }
bool prim_cmp_f_near(int rel, F x, F c) { return rel < 0 ? lt_tol(x, c) : rel > 0 ? lt_tol(c, x) : eq_tol(x, c); }

#if defined(__SSE2__)
/* the 8 bits of a byte as 8 bytes of 0 or 1, bit i to byte i (little-endian) */
#define BB(m) ((uint64_t)((m) & 1) | (uint64_t)((m) >> 1 & 1) << 8 | (uint64_t)((m) >> 2 & 1) << 16 |      \
               (uint64_t)((m) >> 3 & 1) << 24 | (uint64_t)((m) >> 4 & 1) << 32 | (uint64_t)((m) >> 5 & 1) << 40 | \
               (uint64_t)((m) >> 6 & 1) << 48 | (uint64_t)((m) >> 7 & 1) << 56)
#define BB4(m) BB(m), BB(m + 1), BB(m + 2), BB(m + 3)
#define BB16(m) BB4(m), BB4(m + 4), BB4(m + 8), BB4(m + 12)
#define BB64(m) BB16(m), BB16(m + 16), BB16(m + 32), BB16(m + 48)
static const uint64_t bit_bytes[256] = {BB64(0), BB64(64), BB64(128), BB64(192)};
#undef BB
#undef BB4
#undef BB16
#undef BB64
#endif

/* v op c for each v of a vector against a finite atom c: tolerance can change the answer only
 * for v within 3*tol*|c| of c (beyond, |v-c| exceeds tol*max(|v|,|c|)), so the plain
 * comparison decides elsewhere and eq_tol/lt_tol inside that band, exactly as the item by
 * item loop would.  below: v<c, above: v>c, else v=c */
static void cmp_f_atom(int rel, const F *v, F c, J n, G *out) {
    F band = prim_cmp_f_band(c), lo = c - band, hi = c + band;
    /* the plain comparison first, branch-free, each item in the band marked with bit 1 (the
     * data need not be read again); then those items (rare) by the tolerant rule */
    int near = 0;
    J i0 = 0;
#if defined(__SSE2__)
    /* eight at a time: the plain comparisons' masks as bits, spread to bytes; the band's
     * items put right at once */
    __m128d vc = _mm_set1_pd(c), vlo = _mm_set1_pd(lo), vhi = _mm_set1_pd(hi);
    for (; i0 + 8 <= n; i0 += 8) {
        int plain = 0, m = 0;
        for (int k = 0; k < 4; k++) {
            __m128d x = _mm_loadu_pd(v + i0 + 2 * k);
            __m128d p = rel < 0 ? _mm_cmpnge_pd(x, vc) : _mm_cmpgt_pd(x, vc);
            plain |= _mm_movemask_pd(p) << 2 * k;
            m |= _mm_movemask_pd(_mm_and_pd(_mm_cmpge_pd(x, vlo), _mm_cmple_pd(x, vhi))) << 2 * k;
        }
        uint64_t bytes = rel ? bit_bytes[plain] : 0;
        memcpy(out + i0, &bytes, 8);
        for (; m; m &= m - 1) { /* the items in the band (rare), by the tolerant rule */
            int k = __builtin_ctz((unsigned)m);
            out[i0 + k] = prim_cmp_f_near(rel, v[i0 + k], c);
        }
    }
#endif
#define CMP_PASS(plain)                                                                          \
    for (J i = i0; i < n; i++) {                                                               \
        F x = v[i];                                                                            \
        int m = (x >= lo) & (x <= hi);                                                         \
        out[i] = (G)((plain) | m << 1);                                                        \
        near |= m;                                                                             \
    }
    if (rel < 0)
        CMP_PASS(!(x >= c))
    else if (rel > 0)
        CMP_PASS(x > c)
    else
        CMP_PASS(0)
#undef CMP_PASS
    if (near)
        for (J i = i0; i < n; i++)
            if (__builtin_expect(out[i] >> 1, 0))
                out[i] = prim_cmp_f_near(rel, v[i], c);
}

static void loop_cmp_f(int op, const F *a, const F *b, bool sa, bool sb, J n, G *out) {
    if (sa != sb && isfinite(sa ? b[0] : a[0])) { /* a vector against a finite atom */
        int rel = op == OP_EQ ? 0 : (op == OP_LT) == sa ? -1 : 1; /* the vector's side */
        cmp_f_atom(rel, sa ? a : b, sa ? b[0] : a[0], n, out);
        return;
    }
    switch (op) {
    case OP_EQ: LOOP(eq_tol(a[ia], b[ib])); break;
    case OP_LT: LOOP(lt_tol(a[ia], b[ib])); break;
    case OP_GT: LOOP(lt_tol(b[ib], a[ia])); break;
    }
}

/* the four loops above, over parts of the vector operands and the result on the secondary
 * threads when they are long (par.h); the same results as one call */
typedef struct {
    bool cmp, fl;       /* loop_cmp_* (a boolean result) or loop_*; floats or longs */
    int op;             /* OP_* */
    const void *a, *b;  /* the operands (an atom's one item when not sa/sb) */
    bool sa, sb;        /* a and b are vectors */
    J n;                /* items */
    void *out;          /* the result's items */
} Loop;

static void loop_call(const Loop *l, J lo, J cnt) {
    const void *a = (const char *)l->a + (l->sa ? lo * 8 : 0);
    const void *b = (const char *)l->b + (l->sb ? lo * 8 : 0);
    void *out = (char *)l->out + lo * (l->cmp ? 1 : 8);
    if (l->cmp && l->fl) loop_cmp_f(l->op, a, b, l->sa, l->sb, cnt, out);
    else if (l->cmp) loop_cmp_j(l->op, a, b, l->sa, l->sb, cnt, out);
    else if (l->fl) loop_f(l->op, a, b, l->sa, l->sb, cnt, out);
    else loop_j(l->op, a, b, l->sa, l->sb, cnt, out);
}

static void loop_part(void *ctx, int64_t part) {
    const Loop *l = ctx;
    J lo = part * PAR_BLOCK;
    loop_call(l, lo, MIN(PAR_BLOCK, l->n - lo));
}

static void loop_run(Loop l) {
    int64_t parts = par_parts(l.n);
    if (parts)
        pool_run(loop_part, &l, parts);
    else
        loop_call(&l, 0, l.n);
}

/* store a compute value into a result of type t */
static void narrow(K r, J n, CType ct, const void *src) {
    int t = r->t;
    const J *sj = src;
    const F *sf = src;
    switch (t) {
    case KB: case KG: case KC:
        for (J i = 0; i < n; i++) kG(r)[i] = (G)(ct == CT_J ? sj[i] : (J)sf[i]);
        break;
    case KH:
        for (J i = 0; i < n; i++) {
            J v = ct == CT_J ? sj[i] : (sf[i] != sf[i] ? nj : (J)sf[i]);
            kH(r)[i] = v == nj ? nh : (H)v; /* wraps, as q's short arithmetic does */
        }
        break;
    case KI:
        for (J i = 0; i < n; i++) {
            J v = ct == CT_J ? sj[i] : (sf[i] != sf[i] ? nj : (J)sf[i]);
            kI(r)[i] = v == nj ? ni : (I)v; /* 0Wi+5i is -2147483644i */
        }
        break;
    case KM: case KD: case KU: case KV: case KT:
        for (J i = 0; i < n; i++) {
            J v = ct == CT_J ? sj[i] : (sf[i] != sf[i] ? nj : (J)sf[i]);
            kI(r)[i] = v == nj ? ni : v == wj ? wi : v == -wj ? -wi : (I)v;
        }
        break;
    case KE:
        for (J i = 0; i < n; i++) kE(r)[i] = (E)(ct == CT_F ? sf[i] : (F)sj[i]);
        break;
    case KF: case KZ:
        if (ct == CT_F) {
            if (kF(r) != src)
                memcpy(kF(r), src, (size_t)n * 8);
        } else {
            for (J i = 0; i < n; i++) kF(r)[i] = sj[i] == nj ? nf : (F)sj[i];
        }
        break;
    default: /* long-sized */
        if (ct == CT_J) {
            if (kJ(r) != src)
                memcpy(kJ(r), src, (size_t)n * 8);
        } else {
            for (J i = 0; i < n; i++) kJ(r)[i] = sf[i] != sf[i] ? nj : (J)sf[i];
        }
    }
}

static K atomic_dyad(int op, K x, K y);

/* the op prim_dict_merge combines values with is RT->prim.merge_op (dictionaries never
 * nest an op in another) */
static K merge_combine(K a, K b) { return atomic_dyad(RT->prim.merge_op, a, b); }

/* apply op item by item where one side is a general list (or both), or a dict */
static K each_dyad(int op, K x, K y) {
    if (!obj_stack_ok()) { /* nested lists recurse as deep as they nest */
        r0(x);
        r0(y);
        return NULL;
    }
    if (x->t == XD || y->t == XD) {
        if (x->t == XD && y->t == XD) { /* by key: op where both have it, else as is */
            if (op == OP_SUB) /* q subtracts as x+neg y: a key only in y comes out negated */
                return atomic_dyad(OP_ADD, x, prim_neg(y));
            RT->prim.merge_op = op;
            return prim_dict_merge(x, y, merge_combine);
        }
        K d = x->t == XD ? x : y;
        K k = r1(DICT_KEYS(d));
        K r = x->t == XD ? atomic_dyad(op, r1(DICT_VALS(x)), y) : atomic_dyad(op, x, r1(DICT_VALS(y)));
        r0(d);
        return r ? xD(k, r) : (r0(k), NULL);
    }
    if (x->t == XT && y->t == XT) { /* column by column */
        K names = r1(TABLE_COLS(x));
        K r = atomic_dyad(op, r1(x->k), r1(y->k));
        r0(x);
        r0(y);
        r0(names);
        return r ? prim_flip(r) : NULL;
    }
    if (x->t == XT || y->t == XT) {
        K t = x->t == XT ? x : y;
        K names = r1(TABLE_COLS(t));
        K r = x->t == XT ? atomic_dyad(op, r1(TABLE_DATA(x)), y) : atomic_dyad(op, x, r1(TABLE_DATA(y)));
        r0(t);
        return r ? xT(xD(names, r)) : (r0(names), NULL);
    }
    bool lx = x->t >= 0, ly = y->t >= 0;
    J n = lx ? obj_count(x) : obj_count(y);
    if (lx && ly && obj_count(y) != n) {
        r0(x);
        r0(y);
        return kerr("length");
    }
    K *items = mem_raw_alloc((size_t)(n ? n : 1) * sizeof(K));
    if (!items) {
        r0(x);
        r0(y);
        return kerr("wsfull");
    }
    for (J i = 0; i < n; i++) {
        K a = lx ? prim_item(x, i) : r1(x);
        K b = ly ? prim_item(y, i) : r1(y);
        items[i] = atomic_dyad(op, a, b);
        if (!items[i]) {
            for (J k = 0; k < i; k++)
                r0(items[k]);
            mem_raw_free(items);
            r0(x);
            r0(y);
            return NULL;
        }
    }
    r0(x);
    r0(y);
    K r = prim_collect(items, n);
    mem_raw_free(items);
    return r;
}

/* x op y for = < > of two lists or atoms of one narrow exact type (short, int and the
 * temporal types held in an int, byte, boolean), compared as they are held: widening to
 * long keeps their order (nulls lowest) and their equality, so it is skipped */
#define NARROW_CMP(T, xa, ya)                                                                \
    do {                                                                                     \
        const T *pa = (const T *)kG(x), *pb = (const T *)kG(y);                              \
        T va = ax ? (xa) : 0, vb = ay ? (ya) : 0;                                            \
        if (op == OP_EQ) {                                                                   \
            if (ax) for (J i = 0; i < n; i++) out[i] = va == pb[i];                          \
            else if (ay) for (J i = 0; i < n; i++) out[i] = pa[i] == vb;                     \
            else for (J i = 0; i < n; i++) out[i] = pa[i] == pb[i];                          \
        } else if (op == OP_LT) {                                                            \
            if (ax) for (J i = 0; i < n; i++) out[i] = va < pb[i];                           \
            else if (ay) for (J i = 0; i < n; i++) out[i] = pa[i] < vb;                      \
            else for (J i = 0; i < n; i++) out[i] = pa[i] < pb[i];                           \
        } else {                                                                             \
            if (ax) for (J i = 0; i < n; i++) out[i] = va > pb[i];                           \
            else if (ay) for (J i = 0; i < n; i++) out[i] = pa[i] > vb;                      \
            else for (J i = 0; i < n; i++) out[i] = pa[i] > pb[i];                           \
        }                                                                                    \
    } while (0)

static void narrow_compare(int op, int w, const K x, const K y, bool ax, bool ay, J n, G *out) {
    if (w == 4)
        NARROW_CMP(I, x->i, y->i);
    else if (w == 2)
        NARROW_CMP(H, x->h, y->h);
    else
        NARROW_CMP(G, x->g, y->g);
}
#undef NARROW_CMP

/* The type two different temporal types are compared in (basics/comparison.md, "Temporal
 * values"), 0 where q does not support the comparison.  Rows and columns: p m d z n u v t. */
static int temporal_compare_type(int tx, int ty) {
    static const char m[8][9] = {"ppppnuvt", "pmd00000", "pddz0000", "p0dznuvt",
                                 "n00nnnnn", "u00unuvt", "v00vnvvt", "t00tnttt"};
    char c = m[tx - KP][ty - KP];
    static const char letters[] = "pmdznuvt";
    return c == '0' ? 0 : KP + (int)(strchr(letters, c) - letters);
}

/* x cast to temporal type t (x consumed) */
static K to_temporal(int t, K x) {
    static const char letters[] = "pmdznuvt";
    if ((x->t < 0 ? -x->t : x->t) == t)
        return x;
    return prim_cast(kc(letters[t - KP]), x);
}

/* a time-of-day value (timespan, minute, second, time; consumed) as a float count of days */
static K as_days(K x) {
    int t = x->t < 0 ? -x->t : x->t;
    J per_day = NS_PER_DAY / unit_ns(t);
    return prim_fdiv(prim_cast(kc('j'), x), kf((F)per_day));
}

static K atomic_dyad(int op, K x, K y) {
    if (op == OP_EQ) {
        K r = prim_enum_eq(x, y);
        if (r)
            return r;
    }
    x = prim_unenum(x);
    y = prim_unenum(y);
    if (!x || !y) {
        r0(x);
        r0(y);
        return NULL;
    }
    if (x->t == 0 || y->t == 0 || x->t == XD || y->t == XD || x->t == XT || y->t == XT)
        return each_dyad(op, x, y);
    int tx = x->t < 0 ? -x->t : x->t, ty = y->t < 0 ? -y->t : y->t;
    if ((op == OP_EQ || op == OP_LT || op == OP_GT) && tx != ty && prim_is_temporal(tx) && prim_is_temporal(ty)) {
        int ct = temporal_compare_type(tx, ty);
        if (!ct) {
            r0(x);
            r0(y);
            return kerr("type");
        }
        x = to_temporal(ct, x);
        y = x ? to_temporal(ct, y) : (r0(y), NULL);
        if (!x || !y) {
            if (x)
                r0(x);
            return NULL;
        }
        return atomic_dyad(op, x, y);
    }
    /* a datetime and a minute, second or time: the time as a fraction of a day */
    bool add_sub = op == OP_ADD || op == OP_SUB;
    if (add_sub && tx == KZ && (ty == KU || ty == KV || ty == KT))
        return atomic_dyad(op, x, as_days(y));
    if (add_sub && ty == KZ && (tx == KU || tx == KV || tx == KT))
        return atomic_dyad(op, as_days(x), y);
    /* a date and a float (not a real) make a datetime */
    if ((add_sub || op == OP_MUL) && tx == KD && ty == KF)
        return atomic_dyad(op, prim_cast(kc('z'), x), y);
    if ((add_sub || op == OP_MUL || op == OP_MOD) && ty == KD && tx == KF)
        return atomic_dyad(op, x, prim_cast(kc('z'), y));
    if (tx > KT || ty > KT || tx == 0 || ty == 0) {
        r0(x);
        r0(y);
        return kerr("type");
    }
    int rt = result_type(op, tx, ty);
    /* symbols, guids and chars compare among themselves */
    if ((tx == KS || ty == KS || tx == UU || ty == UU) && !(tx == ty && (op == OP_EQ || op == OP_LT || op == OP_GT || op == OP_MIN || op == OP_MAX || op == OP_FILL)))
        rt = 0;
    if (!rt) {
        r0(x);
        r0(y);
        return kerr("type");
    }
    bool ax = x->t < 0, ay = y->t < 0;
    J n = ax ? (ay ? 1 : y->n) : x->n;
    if (!ax && !ay && x->n != y->n) {
        r0(x);
        r0(y);
        return kerr("length");
    }
    K r = ax && ay ? obj_atom(-rt) : obj_vec(rt, n);
    if (!r) {
        r0(x);
        r0(y);
        return NULL;
    }
    G *rout = ax && ay ? (rt == UU ? kG(r) : &r->g) : kG(r);
    bool ordered = op == OP_EQ || op == OP_LT || op == OP_GT || op == OP_MIN || op == OP_MAX || op == OP_FILL;
    if (tx == KS || tx == UU || (tx == KC && ty == KC && ordered)) {
        /* symbols: pointers compare lexically; guids bytewise */
        for (J i = 0; i < n; i++) {
            int c;
            if (tx == KS) {
                S a = ax ? x->s : kS(x)[i], b = ay ? y->s : kS(y)[i];
                c = a == b ? 0 : strcmp(a, b);
                if (op == OP_MIN || op == OP_MAX || op == OP_FILL) {
                    S v = op == OP_FILL ? (*b ? b : a) : (op == OP_MIN) == (c <= 0) ? a : b;
                    if (ax && ay) r->s = v; else kS(r)[i] = v;
                    continue;
                }
            } else if (tx == UU) {
                const G *a = ax ? kG(x) : kG(x) + i * 16, *b = ay ? kG(y) : kG(y) + i * 16;
                if (op == OP_FILL) { /* g^g: y's guid, x's where y's is the null (all zero) */
                    static const G zero[16];
                    memcpy(rout + i * 16, memcmp(b, zero, 16) ? b : a, 16);
                    continue;
                }
                c = memcmp(a, b, 16);
            } else {
                G a = ax ? x->g : kG(x)[i], b = ay ? y->g : kG(y)[i];
                c = (int)a - (int)b;
                if (op == OP_MIN || op == OP_MAX || op == OP_FILL) {
                    rout[i] = op == OP_FILL ? (b == ' ' ? a : b) : (op == OP_MIN) == (c <= 0) ? a : b;
                    continue;
                }
            }
            rout[i] = op == OP_EQ ? c == 0 : op == OP_LT ? c < 0 : c > 0;
        }
        r0(x);
        r0(y);
        return r;
    }
    if ((op == OP_EQ || op == OP_LT || op == OP_GT) && tx == ty && rt == KB && !(ax && ay) &&
        (tx == KB || tx == KG || tx == KH || (obj_width(tx) == 4 && tx != KE))) {
        narrow_compare(op, obj_width(tx), x, y, ax, ay, n, rout);
        r0(x);
        r0(y);
        return r;
    }
    /* two temporal types with a temporal result (a timestamp from a date and a time, a
     * timespan from a timespan and a minute, a second from a minute and a second): both in
     * the result's units first */
    if ((add_sub || op == OP_MIN || op == OP_MAX || op == OP_FILL) && tx != ty && prim_is_temporal(tx) && prim_is_temporal(ty) &&
        prim_is_temporal(rt)) {
        if (tx != rt && !(x = to_temporal(rt, x))) {
            r0(y);
            r0(r);
            return NULL;
        }
        if (ty != rt && !(y = to_temporal(rt, y))) {
            r0(x);
            r0(r);
            return NULL;
        }
        tx = x->t < 0 ? -x->t : x->t, ty = y->t < 0 ? -y->t : y->t;
    }
    bool use_f = tx == KE || tx == KF || tx == KZ || ty == KE || ty == KF || ty == KZ || op == OP_FDIV || op == OP_XEXP;
    CType ct = use_f ? CT_F : CT_J;
    bool own_a, own_b;
    const void *a = as_compute(x, ax ? 1 : n, ct, &own_a);
    const void *b = as_compute(y, ay ? 1 : n, ct, &own_b);
    /* a timespan bar over times, minutes or seconds (or datetimes) counts in their units */
    if (op == OP_XBAR && tx == KN && ty != KN && ty != KP && ty != KM && prim_is_temporal(ty) && a) {
        J na = ax ? 1 : n;
        void *c = mem_raw_alloc((size_t)na * 8);
        if (c) {
            for (J i = 0; i < na; i++) {
                if (use_f)
                    ((F *)c)[i] = ((const F *)a)[i] / (F)NS_PER_DAY;
                else
                    ((J *)c)[i] = ((const J *)a)[i] == nj ? nj : ((const J *)a)[i] / unit_ns(ty);
            }
        }
        if (own_a)
            mem_raw_free((void *)a);
        a = c;
        own_a = true;
    }
    bool ok = a && b;
    if (ok) {
        bool sa = !ax, sb = !ay;
        if (rt == KB && (op == OP_EQ || op == OP_LT || op == OP_GT)) {
            loop_run((Loop){true, ct == CT_F, op, a, b, sa, sb, n, rout});
        } else {
            /* compute into the result itself when it has the compute width and type */
            bool direct = !(ax && ay) && ((ct == CT_J && obj_width(rt) == 8 && rt != KF && rt != KZ) ||
                                          (ct == CT_F && (rt == KF || rt == KZ)));
            void *tmp = direct ? kG(r) : mem_raw_alloc((size_t)n * 8);
            if (!tmp) {
                ok = false;
            } else {
                loop_run((Loop){false, ct == CT_F, op, a, b, sa, sb, n, tmp});
                if (ax && ay) {
                    K v = obj_vec(rt, 1);
                    if (v) {
                        narrow(v, 1, ct, tmp);
                        memcpy(&r->g, kG(v), obj_width(rt));
                        r0(v);
                    }
                } else if (!direct) {
                    narrow(r, n, ct, tmp);
                }
                if (!direct)
                    mem_raw_free(tmp);
            }
        }
    }
    if (own_a) mem_raw_free((void *)a);
    if (own_b) mem_raw_free((void *)b);
    r0(x);
    r0(y);
    if (!ok) {
        r0(r);
        return kerr("wsfull");
    }
    return r;
}

K prim_add(K x, K y) {
    PRIM_ARGS2(x, y);
    return atomic_dyad(OP_ADD, x, y);
}
K prim_sub(K x, K y) {
    PRIM_ARGS2(x, y);
    return atomic_dyad(OP_SUB, x, y);
}
K prim_mul(K x, K y) {
    PRIM_ARGS2(x, y);
    return atomic_dyad(OP_MUL, x, y);
}
K prim_fdiv(K x, K y) {
    PRIM_ARGS2(x, y);
    return atomic_dyad(OP_FDIV, x, y);
}
K prim_min2(K x, K y) {
    PRIM_ARGS2(x, y);
    return atomic_dyad(OP_MIN, x, y);
}
K prim_max2(K x, K y) {
    PRIM_ARGS2(x, y);
    return atomic_dyad(OP_MAX, x, y);
}
K prim_eq(K x, K y) {
    PRIM_ARGS2(x, y);
    return atomic_dyad(OP_EQ, x, y);
}
K prim_lt(K x, K y) {
    PRIM_ARGS2(x, y);
    return atomic_dyad(OP_LT, x, y);
}
K prim_gt(K x, K y) {
    PRIM_ARGS2(x, y);
    return atomic_dyad(OP_GT, x, y);
}
K prim_div(K x, K y) {
    PRIM_ARGS2(x, y);
    return atomic_dyad(OP_DIV, x, y);
}
K prim_mod(K x, K y) {
    PRIM_ARGS2(x, y);
    return atomic_dyad(OP_MOD, x, y);
}

K prim_fill(K x, K y) {
    PRIM_ARGS2(x, y);
    if (x->t < 0 && y->t >= 0 && y->t < KENUM) {
        /* atom ^ vector: fill the vector's nulls with the atom */
        return atomic_dyad(OP_FILL, x, y);
    }
    return atomic_dyad(OP_FILL, x, y);
}

K prim_le(K x, K y) {
    PRIM_ARGS2(x, y);
    return prim_not(prim_gt(x, y));
}
K prim_ge(K x, K y) {
    PRIM_ARGS2(x, y);
    return prim_not(prim_lt(x, y));
}
K prim_ne(K x, K y) {
    PRIM_ARGS2(x, y);
    return prim_not(prim_eq(x, y));
}

/* ---- monads ---------------------------------------------------------------------------------- */

typedef enum { M_NEG, M_ABS, M_NOT, M_FLOOR, M_CEIL, M_SIGNUM, M_RECIP, M_NULL, M_SQRT, M_EXP,
               M_LOG, M_SIN, M_COS, M_TAN, M_ASIN, M_ACOS, M_ATAN } MonadOp;

static K atomic_monad(MonadOp op, K x);
static K monad_item(K x, const void *op) { return atomic_monad(*(const MonadOp *)op, x); }

static K each_monad(MonadOp op, K x) {
    if (!obj_stack_ok()) {
        r0(x);
        return NULL;
    }
    if (x->t == XD) {
        K k = r1(DICT_KEYS(x));
        K v = atomic_monad(op, r1(DICT_VALS(x)));
        r0(x);
        return v ? xD(k, v) : (r0(k), NULL);
    }
    if (x->t == XT) {
        K k = r1(TABLE_COLS(x));
        K v = atomic_monad(op, r1(TABLE_DATA(x)));
        r0(x);
        return v ? xT(xD(k, v)) : (r0(k), NULL);
    }
    return prim_map(x, monad_item, &op);
}

static double math1(MonadOp op, double v) {
    switch (op) {
    case M_SQRT: return sqrt(v);
    case M_EXP: return exp(v);
    case M_LOG: return log(v);
    case M_SIN: return sin(v);
    case M_COS: return cos(v);
    case M_TAN: return tan(v);
    case M_ASIN: return asin(v);
    case M_ACOS: return acos(v);
    case M_ATAN: return atan(v);
    case M_RECIP: return 1.0 / v;
    default: return v;
    }
}

static K atomic_monad(MonadOp op, K x) {
    if (!x)
        return NULL;
    if (x->t == 0 || x->t == XD || x->t == XT)
        return each_monad(op, x);
    int t = x->t < 0 ? -x->t : x->t;
    if (op == M_NULL && obj_is_enum(t)) { /* enumerations are never null (ref/null.md) */
        K r = x->t < 0 ? kb(0) : obj_vec(KB, x->n);
        if (r && r->t == KB)
            memset(kG(r), 0, (size_t)r->n);
        r0(x);
        return r;
    }
    if (t > KT || t == 0) {
        r0(x);
        return kerr("type");
    }
    bool atom = x->t < 0;
    J n = atom ? 1 : x->n;
    if (op == M_NULL) {
        K r = atom ? obj_atom(-KB) : obj_vec(KB, n);
        if (!r) {
            r0(x);
            return NULL;
        }
        G *o = atom ? &r->g : kG(r);
        if (!atom && (t == KF || t == KZ)) /* one loop per width, no test of the type per item */
            for (J i = 0; i < n; i++) o[i] = kF(x)[i] != kF(x)[i];
        else if (!atom && (t == KJ || t == KP || t == KN))
            for (J i = 0; i < n; i++) o[i] = kJ(x)[i] == nj;
        else if (!atom && obj_width(t) == 4 && t != KE)
            for (J i = 0; i < n; i++) o[i] = kI(x)[i] == ni;
        else
            for (J i = 0; i < n; i++)
                o[i] = obj_is_null_at(x, i);
        r0(x);
        return r;
    }
    /* floor of chars and symbols is lower case (ref/floor.md's range: c and s) */
    if (op == M_FLOOR && (t == KC || t == KS))
        return prim_lower(x);
    /* the result types are the reference pages' "Domain and range" rows: a char counts as its
     * code, a temporal as its count of units (a datetime stays one under the float functions) */
    int rt;
    switch (op) {
    case M_NOT: rt = t == KS || t == UU ? 0 : KB; break;
    case M_NEG: case M_ABS: rt = t == KS || t == UU ? 0 : t == KB || t == KG || t == KC ? KI : t; break;
    case M_SIGNUM: rt = t == KS || t == UU ? 0 : KI; break;
    case M_FLOOR: rt = t == KE || t == KF ? KJ : t == KH || t == KI || t == KJ ? t : 0; break;
    case M_CEIL:
        rt = t == KE || t == KF ? KJ : t == KH || t == KI || t == KJ ? t : t == KB || t == KG || t == KC ? KI : 0;
        break;
    case M_RECIP: rt = t == KS || t == UU ? 0 : t == KP || t == KZ ? t : KF; break;
    default: rt = t == KS || t == UU ? 0 : t == KZ ? KZ : KF; break;
    }
    if (!rt) {
        r0(x);
        return kerr("type");
    }
    K r = atom ? obj_atom(-rt) : obj_vec(rt, n);
    if (!r) {
        r0(x);
        return NULL;
    }
    if (!atom && t == KF && rt == KF) { /* floats to floats: a loop per function */
        const F *v = kF(x);
        F *o = kF(r);
        switch (op) {
        case M_NEG: for (J i = 0; i < n; i++) o[i] = -v[i]; break;
        case M_ABS: for (J i = 0; i < n; i++) o[i] = fabs(v[i]); break;
        case M_SQRT: for (J i = 0; i < n; i++) o[i] = sqrt(v[i]); break;
        case M_EXP: for (J i = 0; i < n; i++) o[i] = exp(v[i]); break;
        case M_LOG: for (J i = 0; i < n; i++) o[i] = log(v[i]); break;
        case M_RECIP: for (J i = 0; i < n; i++) o[i] = 1.0 / v[i]; break;
        default: /* sin cos ...: signum floor ceiling not have other result types */ for (J i = 0; i < n; i++) o[i] = math1(op, v[i]); break;
        }
        r0(x);
        return r;
    }
    if (!atom && t == KF && rt == KJ && (op == M_FLOOR || op == M_CEIL)) { /* to longs */
        const F *v = kF(x);
        J *o = kJ(r);
        for (J i = 0; i < n; i++) {
            F f = op == M_FLOOR ? floor(v[i]) : ceil(v[i]);
            o[i] = f != f ? nj : isinf(f) ? (f > 0 ? wj : -wj) : (J)f;
        }
        r0(x);
        return r;
    }
    if (!atom && rt == KB && (t == KF || t == KJ || t == KI || t == KB)) { /* not */
        G *o = kG(r);
        if (t == KF) for (J i = 0; i < n; i++) o[i] = kF(x)[i] == 0;
        else if (t == KJ) for (J i = 0; i < n; i++) o[i] = kJ(x)[i] == 0;
        else if (t == KI) for (J i = 0; i < n; i++) o[i] = kI(x)[i] == 0;
        else for (J i = 0; i < n; i++) o[i] = kG(x)[i] == 0;
        r0(x);
        return r;
    }
    bool is_f = t == KE || t == KF || t == KZ;
    K tmp = obj_vec(is_f || rt == KF || rt == KE ? KF : KJ, n);
    if (!tmp) {
        r0(r);
        r0(x);
        return NULL;
    }
    if (rt == KB) {
        G *o = atom ? &r->g : kG(r);
        for (J i = 0; i < n; i++)
            o[i] = is_f ? get_f(x, i) == 0 : get_j(x, i) == 0;
    } else if (tmp->t == KF) {
        for (J i = 0; i < n; i++) {
            F v = get_f(x, i);
            switch (op) {
            case M_NEG: v = -v; break;
            case M_ABS: v = fabs(v); break;
            case M_FLOOR: v = floor(v); break;
            case M_CEIL: v = ceil(v); break;
            case M_SIGNUM: v = v != v ? -1 : v > 0 ? 1 : v < 0 ? -1 : 0; break; /* null: -1 */
            default: v = math1(op, v);
            }
            kF(tmp)[i] = v;
        }
    } else {
        for (J i = 0; i < n; i++) {
            J v = get_j(x, i);
            bool null = v == nj;
            switch (op) {
            case M_NEG: v = null ? nj : (J)(0 - (uint64_t)v); break;
            case M_ABS: v = null ? nj : v < 0 ? (J)(0 - (uint64_t)v) : v; break;
            case M_SIGNUM: v = null ? -1 : v > 0 ? 1 : v < 0 ? -1 : 0; break;
            default: break;
            }
            kJ(tmp)[i] = v;
        }
    }
    if (rt != KB) {
        if (rt == KJ && tmp->t == KF) { /* floor/ceiling of floats */
            for (J i = 0; i < n; i++) {
                F v = kF(tmp)[i];
                kJ(tmp)[i] = v != v ? nj : isinf(v) ? (v > 0 ? wj : -wj) : (J)v;
            }
            tmp->t = KJ;
        }
        if (atom) {
            K v = obj_vec(rt, 1);
            narrow(v, 1, tmp->t == KF ? CT_F : CT_J, kG(tmp));
            memcpy(rt == UU ? kG(r) : &r->g, kG(v), obj_width(rt));
            r0(v);
        } else {
            narrow(r, n, tmp->t == KF ? CT_F : CT_J, kG(tmp));
        }
    }
    r0(tmp);
    r0(x);
    return r;
}

K prim_neg(K x) {
    PRIM_ARGS1(x);
    return atomic_monad(M_NEG, x);
}
K prim_abs(K x) {
    PRIM_ARGS1(x);
    return atomic_monad(M_ABS, x);
}
K prim_not(K x) {
    PRIM_ARGS1(x);
    return atomic_monad(M_NOT, x);
}
K prim_floor(K x) {
    PRIM_ARGS1(x);
    return atomic_monad(M_FLOOR, x);
}
K prim_ceiling(K x) {
    PRIM_ARGS1(x);
    return atomic_monad(M_CEIL, x);
}
K prim_signum(K x) {
    PRIM_ARGS1(x);
    return atomic_monad(M_SIGNUM, x);
}
K prim_reciprocal(K x) {
    PRIM_ARGS1(x);
    return atomic_monad(M_RECIP, x);
}
K prim_null(K x) {
    PRIM_ARGS1(x);
    return atomic_monad(M_NULL, x);
}
K prim_sqrt(K x) {
    PRIM_ARGS1(x);
    return atomic_monad(M_SQRT, x);
}
K prim_exp(K x) {
    PRIM_ARGS1(x);
    return atomic_monad(M_EXP, x);
}
K prim_log(K x) {
    PRIM_ARGS1(x);
    return atomic_monad(M_LOG, x);
}
K prim_sin(K x) {
    PRIM_ARGS1(x);
    return atomic_monad(M_SIN, x);
}
K prim_cos(K x) {
    PRIM_ARGS1(x);
    return atomic_monad(M_COS, x);
}
K prim_tan(K x) {
    PRIM_ARGS1(x);
    return atomic_monad(M_TAN, x);
}
K prim_asin(K x) {
    PRIM_ARGS1(x);
    return atomic_monad(M_ASIN, x);
}
K prim_acos(K x) {
    PRIM_ARGS1(x);
    return atomic_monad(M_ACOS, x);
}
K prim_atan(K x) {
    PRIM_ARGS1(x);
    return atomic_monad(M_ATAN, x);
}

K prim_xexp(K x, K y) {
    PRIM_ARGS2(x, y);
    return atomic_dyad(OP_XEXP, x, y);
}
K prim_xlog(K x, K y) {
    PRIM_ARGS2(x, y);
    return prim_fdiv(prim_log(y), prim_log(x));
}
K prim_xbar(K x, K y) {
    PRIM_ARGS2(x, y);
    return atomic_dyad(OP_XBAR, x, y);
}

/* ---- within: both bounds by the comparisons ------------------------------------------------ */

K prim_within(K x, K y) {
    PRIM_ARGS2(x, y);
    PRIM_SQUASH2(x, y);
    if (y->t < 0 || obj_count(y) != 2) {
        r0(x);
        r0(y);
        return kerr("length");
    }
    K lo = prim_item(y, 0), hi = prim_item(y, 1);
    r0(y);
    K a = prim_ge(r1(x), lo);
    K b = prim_le(x, hi);
    return prim_min2(a, b);
}
