/* shape.c -- structural primitives: count til first last reverse where enlist , # _ ! ~
 * raze flip type key, next prev, rotate, sublist, cut. */
#include <math.h>
#include <stdlib.h>

#include "../base/hash.h"
#include "prims.h"
#include "par.h"
#include "primint.h"

static K fail2(K x, K y, const char *err) {
    r0(x);
    r0(y);
    return kerr(err);
}

static bool is_int_atom(const K x) {
    return x->t == -KJ || x->t == -KI || x->t == -KH || x->t == -KB || x->t == -KG;
}

static J atom_j(const K x) {
    switch (x->t) {
    case -KJ: return x->j;
    case -KI: return x->i == ni ? nj : x->i;
    case -KH: return x->h == nh ? nj : x->h;
    default: return x->g;
    }
}

/* ---- match ---------------------------------------------------------------------------------- */

/* floats match within q's comparison tolerance, 2^-43 of the larger magnitude
 * (basics/precision.md); nulls match nulls, infinities only themselves */
bool prim_float_eq(F x, F y) {
    if (x == y || (x != x && y != y))
        return true;
    if (x != x || y != y || isinf(x) || isinf(y))
        return false;
    return fabs(x - y) <= 0x1p-43 * fmax(fabs(x), fabs(y));
}

static bool float_eq(F x, F y, bool tolerant) {
    return tolerant ? prim_float_eq(x, y) : (x != x && y != y) || x == y;
}

/* a against b, not looking into children: 0 they differ, 1 they match, 2 they match so far
 * and their children (children_count, child_at) must match too.  Attributes do not matter
 * (ref/match.md), except that a sorted dictionary (its key s#) is another type from a
 * dictionary in q and matches only a sorted one. */
static int match_shallow(const K a, const K b, bool tolerant) {
    if (a == b)
        return 1;
    if (!a || !b || a->t != b->t) /* (an unparsed lambda has empty slots) */
        return 0;
    if (a->t < 0) {
        if (a->t == -KF || a->t == -KZ)
            return float_eq(a->f, b->f, tolerant);
        if (a->t == -KE)
            return float_eq(a->e, b->e, tolerant);
        return memcmp(a->t == -UU ? (void *)kG(a) : (void *)&a->g,
                      b->t == -UU ? (void *)kG(b) : (void *)&b->g, obj_width(a->t)) == 0;
    }
    if (a->t == XT)
        return 2;
    if (a->t == KUNARY || a->t == KBINARY || a->t == KITER)
        return a->g == b->g;
    if (a->t == KLAMBDA) { /* by its text and context: parsed or not (one that came over IPC) */
        K sa = kK(a)[LAMBDA_SRC], sb = kK(b)[LAMBDA_SRC], ca = kK(a)[LAMBDA_CTX], cb = kK(b)[LAMBDA_CTX];
        S xa = ca && ca->t == -KS ? ca->s : sym_null, xb = cb && cb->t == -KS ? cb->s : sym_null;
        return sa && sb && sa->n == sb->n && !memcmp(kG(sa), kG(sb), (size_t)sa->n) && xa == xb;
    }
    if (a->n != b->n)
        return 0;
    if (a->t == XD && DICT_KEYS(a)->t > 0 && DICT_KEYS(a)->t < XT &&
        (DICT_KEYS(a)->u == ATTR_S) != (DICT_KEYS(b)->u == ATTR_S))
        return 0;
    if (a->t > 0 && a->t <= KENUM_LAST) {
        if (a->t == KF || a->t == KZ) {
            for (J i = 0; i < a->n; i++)
                if (!float_eq(kF(a)[i], kF(b)[i], tolerant))
                    return 0;
            return 1;
        }
        if (a->t == KE) {
            for (J i = 0; i < a->n; i++)
                if (!float_eq(kE(a)[i], kE(b)[i], tolerant))
                    return 0;
            return 1;
        }
        return memcmp(kG(a), kG(b), (size_t)a->n * obj_width(a->t)) == 0;
    }
    if (obj_has_children(a->t))
        return a->n ? 2 : 1;
    return 0;
}

/* the children match_shallow left to compare: a table's dict, else the K items */
static J children_count(const K x) { return x->t == XT ? 1 : x->n; }
static K child_at(const K x, J i) { return x->t == XT ? x->k : kK(x)[i]; }

/* Match cannot fail, so it walks nested values with a heap stack of the pairs being compared
 * (any depth, no C recursion).  Only if that stack cannot grow does it answer false with
 * 'wsfull pending. */
static bool match_at(const K a, const K b, bool tolerant) {
    int s = match_shallow(a, b, tolerant);
    if (s != 2)
        return s;
    typedef struct { K a, b; J next; } Pair; /* a pair whose children are being compared */
    Pair small[32], *stack = small;
    size_t depth = 0, cap = ARRAY_LEN(small);
    stack[depth++] = (Pair){a, b, 0};
    bool result = true;
    while (depth) {
        Pair *top = &stack[depth - 1];
        if (top->next == children_count(top->a)) {
            depth--;
            continue;
        }
        K ca = child_at(top->a, top->next), cb = child_at(top->b, top->next);
        top->next++;
        s = match_shallow(ca, cb, tolerant);
        if (s == 0) {
            result = false;
            break;
        }
        if (s == 1)
            continue;
        if (depth == cap) {
            Pair *grown = mem_raw_alloc(2 * cap * sizeof(Pair));
            if (!grown) {
                kerr("wsfull");
                result = false;
                break;
            }
            memcpy(grown, stack, depth * sizeof(Pair));
            if (stack != small)
                mem_raw_free(stack);
            stack = grown;
            cap *= 2;
        }
        stack[depth++] = (Pair){ca, cb, 0};
    }
    if (stack != small)
        mem_raw_free(stack);
    return result;
}

/* q's ~: floats within the comparison tolerance (borrows both) */
bool prim_match_borrow(const K a, const K b) { return match_at(a, b, true); }
/* exact match, as Find, distinct and group compare (borrows both) */
bool prim_match_exact(const K a, const K b) { return match_at(a, b, false); }

K prim_match(K x, K y) {
    PRIM_ARGS2(x, y);
    bool m = prim_match_borrow(x, y);
    r0(x);
    r0(y);
    return kb(m);
}

/* ---- count, til, first, last ------------------------------------------------------------------- */

/* rows of a partitioned table (src/lang/part.c): -1 for any other value */

K prim_count(K x) {
    PRIM_ARGS1(x);
    J n = x->t == XT && RT->svc.part_count ? RT->svc.part_count(x) : -1;
    if (n < 0)
        n = obj_count(x);
    r0(x);
    return kj(n);
}

K prim_til(K x) {
    PRIM_ARGS1(x);
    if (!is_int_atom(x)) {
        r0(x);
        return kerr("type");
    }
    J n = atom_j(x);
    r0(x);
    if (n < 0)
        return kerr("domain");
    K r = obj_vec(KJ, n);
    if (r)
        for (J i = 0; i < n; i++)
            kJ(r)[i] = i;
    return r;
}

K prim_first(K x) {
    PRIM_ARGS1(x);
    if (prim_too_deep(x, NULL)) /* dict values may be dicts, tables hold lists */
        return NULL;
    if (x->t < 0 || x->t >= KLAMBDA)
        return x;
    if (x->t == XD) {
        K v = prim_first(r1(DICT_VALS(x)));
        r0(x);
        return v;
    }
    if (x->t == XT) {
        K keys = r1(TABLE_COLS(x));
        K cols = TABLE_DATA(x);
        K vals = ktn(0, cols->n);
        for (J i = 0; vals && i < cols->n; i++)
            kK(vals)[i] = prim_first(r1(kK(cols)[i]));
        r0(x);
        if (!(vals = prim_all_made(vals))) {
            r0(keys);
            return NULL;
        }
        K v = prim_collect(kK(vals), vals->n);
        vals->n = 0;
        r0(vals);
        return xD(keys, v);
    }
    K r = x->n ? prim_item(x, 0) : x->t == 0 ? obj_identity() : prim_null_of(x->t);
    r0(x);
    return r;
}

K prim_last(K x) {
    PRIM_ARGS1(x);
    if (prim_too_deep(x, NULL))
        return NULL;
    if (x->t < 0 || x->t >= KLAMBDA)
        return x;
    if (x->t == XD) {
        K v = prim_last(r1(DICT_VALS(x)));
        r0(x);
        return v;
    }
    J n = obj_count(x);
    if (x->t == XT && n == 0) /* an empty table's last row is its null row, as its first */
        return prim_first(x);
    K r = n ? prim_item(x, n - 1) : x->t == 0 ? obj_identity() : prim_null_of(x->t);
    r0(x);
    return r;
}

/* items [from, from+n) of list x as a new list (borrows x); n may exceed: wraps */
static K slice(const K x, J from, J n) {
    if (x->n == 0)
        n = 0; /* nothing to wrap around */
    K r = obj_vec(x->t, n);
    if (!r)
        return NULL;
    int w = obj_width(x->t);
    if (from + n <= x->n) {
        memcpy(kG(r), kG(x) + (size_t)from * w, (size_t)n * w);
    } else {
        for (J i = 0; i < n; i++)
            memcpy(kG(r) + (size_t)i * w, kG(x) + (size_t)((from + i) % x->n) * w, w);
    }
    if (x->t == 0)
        for (J i = 0; i < n; i++)
            r1(kK(r)[i]);
    return r;
}

K prim_reverse(K x) {
    PRIM_ARGS1(x);
    if (prim_too_deep(x, NULL))
        return NULL;
    if (x->t < 0 || x->t >= KLAMBDA)
        return x;
    if (x->t == XD) {
        K k = prim_reverse(r1(DICT_KEYS(x))), v = prim_reverse(r1(DICT_VALS(x)));
        r0(x);
        return xD(k, v);
    }
    if (x->t == XT) {
        K names = r1(TABLE_COLS(x));
        K cols = TABLE_DATA(x);
        K out = ktn(0, cols->n);
        for (J i = 0; out && i < cols->n; i++)
            kK(out)[i] = prim_reverse(r1(kK(cols)[i]));
        r0(x);
        return xT(xD(names, prim_all_made(out)));
    }
    K r = obj_vec(x->t, x->n);
    if (!r) {
        r0(x);
        return NULL;
    }
    int w = obj_width(x->t);
    for (J i = 0; i < x->n; i++)
        memcpy(kG(r) + (size_t)i * w, kG(x) + (size_t)(x->n - 1 - i) * w, w);
    if (x->t == 0)
        for (J i = 0; i < x->n; i++)
            r1(kK(r)[i]);
    r0(x);
    return r;
}

K prim_where(K x) {
    PRIM_ARGS1(x);
    if (prim_too_deep(x, NULL))
        return NULL;
    PRIM_SQUASH1(x);
    if (x->t == XD) {
        K idx = prim_where(r1(DICT_VALS(x)));
        K keys = r1(DICT_KEYS(x));
        r0(x);
        if (!idx) {
            r0(keys);
            return NULL;
        }
        K r = obj_vec(keys->t, idx->n);
        int w = obj_width(keys->t);
        for (J i = 0; r && i < idx->n; i++)
            memcpy(kG(r) + (size_t)i * w, kG(keys) + (size_t)kJ(idx)[i] * w, w);
        if (r && r->t == 0)
            for (J i = 0; i < r->n; i++)
                r1(kK(r)[i]);
        r0(idx);
        r0(keys);
        return r;
    }
    if (x->t == -KB || is_int_atom(x)) {
        J n = atom_j(x);
        r0(x);
        K r = obj_vec(KJ, n > 0 ? n : 0);
        for (J i = 0; r && i < r->n; i++)
            kJ(r)[i] = 0;
        return r;
    }
    if (x->t == KB) { /* par.h: on the secondary threads when large */
        K r = obj_vec(KJ, prim_par_count_b(kG(x), x->n));
        if (r)
            prim_par_where_b(kG(x), x->n, kJ(r));
        r0(x);
        return r;
    }
    if (x->t == 0 && x->n == 0) { /* where (): no indices */
        r0(x);
        return obj_vec(KJ, 0);
    }
    if (x->t == KJ || x->t == KI || x->t == KH || x->t == KG) {
        J total = 0;
        for (J i = 0; i < x->n; i++) {
            K a = prim_item(x, i);
            J c = atom_j(a);
            r0(a);
            if (c < 0) {
                r0(x);
                return kerr("domain");
            }
            total += c;
        }
        K r = obj_vec(KJ, total);
        J k = 0;
        for (J i = 0; r && i < x->n; i++) {
            K a = prim_item(x, i);
            J c = atom_j(a);
            r0(a);
            for (J j = 0; j < c; j++)
                kJ(r)[k++] = i;
        }
        r0(x);
        return r;
    }
    r0(x);
    return kerr("type");
}

K prim_enlist(K x) {
    PRIM_ARGS1(x);
    if (prim_too_deep(x, NULL))
        return NULL;
    if (x->t < 0 && (x->t > -KENUM || obj_is_enum(-x->t))) { /* an atom: a vector of its type */
        K r = obj_vec(-x->t, 1);
        if (r)
            memcpy(kG(r), x->t == -UU ? (void *)kG(x) : (void *)&x->g, obj_width(x->t));
        r0(x);
        return r;
    }
    if (x->t == XD && DICT_KEYS(x)->t == KS && DICT_KEYS(x)->n > 0) {
        /* enlist of a dict with symbol keys is a one-row table (an empty dict has no row) */
        K keys = r1(DICT_KEYS(x));
        K vals = DICT_VALS(x);
        K cols = ktn(0, obj_count(keys));
        for (J i = 0; cols && i < cols->n; i++)
            kK(cols)[i] = prim_enlist(prim_item(vals, i));
        r0(x);
        return xT(xD(keys, prim_all_made(cols)));
    }
    return obj_list(1, x);
}

K prim_enlist_n(K *args, int n) {
    K *items = mem_raw_alloc(sizeof(K) * (n ? n : 1));
    if (!items) {
        for (int i = 0; i < n; i++)
            r0(args[i]);
        return kerr("wsfull");
    }
    memcpy(items, args, sizeof(K) * n);
    K r = prim_collect(items, n);
    mem_raw_free(items);
    return r;
}

/* ---- join ------------------------------------------------------------------------------------- */

static K to_general(K x) {
    if (x->t == 0)
        return x;
    J n = obj_count(x);
    K g = obj_vec(0, n);
    if (!g) {
        r0(x);
        return NULL;
    }
    for (J i = 0; i < n; i++)
        kK(g)[i] = prim_item(x, i);
    r0(x);
    return g;
}

K prim_append_in_place(K x, K y) {
    int t = x->t;
    J nx = x->n, ny = y->t < 0 ? 1 : y->n, w = obj_width(t);
    if (nx + ny > obj_capacity(x)) { /* room for twice as many: appending n items costs O(n) */
        J cap = nx + ny > 2 * nx ? nx + ny : 2 * nx;
        K g = obj_reserve(t, cap);
        if (!g) {
            r0(y);
            return kerr("wsfull");
        }
        memcpy(kG(g), kG(x), (size_t)(nx * w));
        g->n = nx;
        x->n = 0; /* a general list's items moved to g */
        r0(x);
        x = g;
    } else if (RT->svc.forget_index) { /* x itself changes: a hash index kept for it goes */
        RT->svc.forget_index(x);
    }
    memcpy(kG(x) + nx * w, y->t < 0 ? (t == UU ? (void *)kG(y) : (void *)&y->g) : (void *)kG(y), (size_t)(ny * w));
    if (t == 0) /* a general list's items: x holds them too */
        for (J i = 0; i < ny; i++)
            r1(kK(y)[i]);
    x->n = nx + ny;
    x->u = 0;
    r0(y);
    return x;
}

bool prim_appends_in_place(const K x, const K y) {
    bool list = x->t >= 0 && (x->t < KENUM || obj_is_enum(x->t));
    return list && x->r == 0 && !obj_is_mapped(x) && (y->t == x->t || (x->t && y->t == -x->t));
}

K prim_join(K x, K y) {
    PRIM_ARGS2(x, y);
    if (prim_too_deep(x, y))
        return NULL;
    if (obj_is_keyed(x) && obj_is_keyed(y)) /* keyed tables: an upsert */
        return prim_upsert(x, y);
    if (x->t == 0 && x->n == 0 && (y->t == XT || obj_is_keyed(y) || (y->t > 0 && y->t < XT))) {
        r0(x); /* (),t is t and (),"" is "": () joins as its identity */
        return y;
    }
    if (y->t == 0 && y->n == 0 && x->t > 0 && x->t < XT) { /* x,() is x */
        r0(y);
        return x;
    }
    if (x->t == XD && y->t == XD) /* y's entries override x's, new keys appended */
        return prim_dict_merge(x, y, NULL);
    if (x->t == XT && y->t == XT) {
        /* t1,t2 is t1 upsert t2 (ref/joins.md): the same columns, matched by name in any
         * order; the result has x's order */
        K nx = TABLE_COLS(x), ny = TABLE_COLS(y);
        if (nx->n != ny->n)
            return fail2(x, y, "mismatch");
        K ycols = prim_match_borrow(nx, ny) ? r1(TABLE_DATA(y)) : prim_columns_named(y, nx);
        if (!ycols) {
            r0(x);
            r0(y);
            return NULL;
        }
        K cols = ktn(0, nx->n);
        for (J i = 0; cols && i < nx->n; i++) {
            kK(cols)[i] = prim_join(r1(kK(TABLE_DATA(x))[i]), r1(kK(ycols)[i]));
            if (!kK(cols)[i]) {
                r0(cols);
                r0(ycols);
                return fail2(x, y, "type");
            }
        }
        r0(ycols);
        K names = r1(nx);
        r0(x);
        r0(y);
        return xT(xD(names, cols));
    }
    if (x->t == XT && y->t == XD)
        return prim_join(x, prim_enlist(y));
    int tx = x->t, ty = y->t;
    /* a dictionary joins dictionaries and tables only: 10,d is 'type (ref/raze.md) */
    if ((tx == XD) != (ty == XD) && tx != XT && ty != XT && (tx == XD ? ty : tx) != 0 &&
        (tx == XD ? ty : tx) < 77)
        return fail2(x, y, "type");
    /* an enumeration with a symbol or another domain (ref/join.md): two atoms make a general
     * list; when either is a list, both are de-enumerated */
    if ((obj_is_enum(abs(tx)) || obj_is_enum(abs(ty))) && abs(tx) != abs(ty) &&
        (obj_is_enum(abs(tx)) || abs(tx) == KS) && (obj_is_enum(abs(ty)) || abs(ty) == KS) &&
        (tx > 0 || ty > 0))
        return prim_join(prim_unenum(x), prim_unenum(y));
    /* simple and enumerated (one domain) values join as a vector */
    bool sx = tx < 0 && (tx > -KENUM || obj_is_enum(-tx)), sy = ty < 0 && (ty > -KENUM || obj_is_enum(-ty));
    bool vx = (tx > 0 && tx < KENUM) || obj_is_enum(tx), vy = (ty > 0 && ty < KENUM) || obj_is_enum(ty);
    int t = sx ? -tx : vx ? tx : -1;
    int u = sy ? -ty : vy ? ty : -2;
    if (t == u && t > 0) {
        J nx = sx ? 1 : x->n, ny = sy ? 1 : y->n;
        K r;
        if (vx && x->r == 0 && obj_capacity(x) >= nx + ny) {
            r = x;
            x = NULL;
        } else {
            r = obj_reserve(t, nx + ny);
            if (!r)
                return fail2(x, y, "wsfull");
            memcpy(kG(r), sx ? (t == UU ? (void *)kG(x) : (void *)&x->g) : (void *)kG(x), (size_t)nx * obj_width(t));
        }
        r->n = nx;
        memcpy(kG(r) + (size_t)nx * obj_width(t), sy ? (t == UU ? (void *)kG(y) : (void *)&y->g) : (void *)kG(y),
               (size_t)ny * obj_width(t));
        r->n = nx + ny;
        r->u = 0;
        r0(x);
        r0(y);
        return r;
    }
    /* mixed: a general list */
    K gx = x->t < 0 || x->t >= XT ? obj_list(1, x) : to_general(x);
    K gy = y->t < 0 || y->t >= XT ? obj_list(1, y) : to_general(y);
    if (!gx || !gy) {
        r0(gx);
        r0(gy);
        return NULL;
    }
    K r = obj_vec(0, gx->n + gy->n);
    if (!r) {
        r0(gx);
        r0(gy);
        return NULL;
    }
    for (J i = 0; i < gx->n; i++)
        kK(r)[i] = r1(kK(gx)[i]);
    for (J i = 0; i < gy->n; i++)
        kK(r)[gx->n + i] = r1(kK(gy)[i]);
    r0(gx);
    r0(gy);
    /* an empty general list joined with atoms of one type becomes simple */
    if (r->n && (tx == 0 && x == NULL))
        return r;
    bool uniform = r->n > 0;
    int at = r->n ? kK(r)[0]->t : 0;
    for (J i = 0; uniform && i < r->n; i++)
        uniform = kK(r)[i]->t == at && at < 0 && at > -20;
    if (uniform) {
        K items = r;
        K v = prim_collect(kK(items), items->n);
        items->n = 0;
        r0(items);
        return v;
    }
    return r;
}

/* ---- take and drop -------------------------------------------------------------------------- */

static K take_n(J n, K y) {
    if (!y || prim_too_deep(y, NULL))
        return NULL;
    if (n == nj) /* 0N#x: all of x */
        return y->t < 0 ? prim_enlist(y) : y;
    if (y->t == XD) {
        K k = take_n(n, r1(DICT_KEYS(y))), v = take_n(n, r1(DICT_VALS(y)));
        r0(y);
        return xD(k, v);
    }
    if (y->t == XT) {
        K names = r1(TABLE_COLS(y));
        K cols = TABLE_DATA(y);
        K out = ktn(0, cols->n);
        for (J i = 0; out && i < cols->n; i++)
            kK(out)[i] = take_n(n, r1(kK(cols)[i]));
        r0(y);
        return xT(xD(names, prim_all_made(out)));
    }
    if (y->t < 0 || y->t >= KLAMBDA) {
        if (y->t >= KLAMBDA || (y->t < -KT && !obj_is_enum(-y->t))) {
            K r = obj_vec(0, n < 0 ? -n : n);
            for (J i = 0; r && i < r->n; i++)
                kK(r)[i] = r1(y);
            r0(y);
            return r;
        }
        K v = prim_enlist(y);
        return v ? take_n(n, v) : NULL;
    }
    J len = y->n, m = n < 0 ? -n : n;
    if (len == 0) {
        K r = obj_vec(y->t, m);
        for (J i = 0; r && i < m; i++) {
            if (y->t == 0)
                kK(r)[i] = ktn(0, 0);
            else {
                K nul = prim_null_of(y->t);
                memcpy(kG(r) + (size_t)i * obj_width(y->t), y->t == UU ? (void *)kG(nul) : (void *)&nul->g, obj_width(y->t));
                r0(nul);
            }
        }
        r0(y);
        return r;
    }
    J from = n >= 0 ? 0 : ((len - m) % len + len) % len;
    K r = slice(y, from, m);
    r0(y);
    return r;
}

/* flat (consumed) cut into the nested shape dims[0] x dims[1] x ... */
static K reshape(K flat, const J *dims, J k) {
    if (prim_too_deep(flat, NULL)) /* one level per dimension */
        return NULL;
    if (k == 1)
        return flat;
    J inner = 1;
    for (J i = 1; i < k; i++)
        inner *= dims[i];
    K r = ktn(0, dims[0]);
    for (J i = 0; r && i < dims[0]; i++) {
        K part = slice(flat, i * inner, inner);
        kK(r)[i] = part ? reshape(part, dims + 1, k - 1) : NULL;
        if (!kK(r)[i]) {
            r->n = i;
            r0(r);
            r = NULL;
        }
    }
    r0(flat);
    return r;
}

/* is every item of list x (borrowed) distinct? */
static bool all_distinct(const K x) {
    K d = prim_distinct(r1(x));
    bool u = d && obj_count(d) == obj_count(x);
    if (d)
        r0(d);
    kerr_clear();
    return u;
}

/* are equal items of list x (borrowed) adjacent: as many runs as distinct values? */
static bool is_parted(const K x) {
    K d = prim_distinct(r1(x));
    J runs = x->n ? 1 : 0;
    for (J i = 1; i < x->n; i++) {
        K a = prim_item(x, i - 1), b = prim_item(x, i);
        runs += !prim_match_borrow(a, b);
        r0(a);
        r0(b);
    }
    bool p = d && obj_count(d) == runs;
    if (d)
        r0(d);
    kerr_clear();
    return p;
}

/* a list y (consumed) with attribute u, copied unless it is s# on a sorted list, which q sets
 * in place (ref/set-attribute.md) */
static K with_attribute(K y, int u) {
    if (u != ATTR_S || y->u != ATTR_NONE) {
        y = obj_own(y);
        if (!y)
            return NULL;
    }
    y->u = (G)u;
    return y;
}

/* a`#y (ref/set-attribute.md): `s sorted (lists, dicts by key, tables: parted first column),
 * `u unique (lists), `p parted (simple lists), `g grouped (lists), ` none.  's-fail, 'u-fail
 * when y lacks the property, 'type when the attribute does not apply to y. */
static K set_attribute(S a, K y) {
    int u = !*a ? ATTR_NONE : !strcmp(a, "s") ? ATTR_S : !strcmp(a, "u") ? ATTR_U
          : !strcmp(a, "p") ? ATTR_P : !strcmp(a, "g") ? ATTR_G : -1;
    if (u < 0) {
        r0(y);
        return kerr("domain");
    }
    bool list = y->t >= 0 && y->t <= KENUM_LAST;
    bool simple = y->t > 0 && y->t <= KENUM_LAST;
    if (y->t == XD && DICT_KEYS(y)->t != XT) { /* a dictionary: the attribute goes on its key */
        if (u != ATTR_NONE && u != ATTR_S && u != ATTR_U) {
            r0(y);
            return kerr("type");
        }
        K k = set_attribute(a, r1(DICT_KEYS(y)));
        K v = r1(DICT_VALS(y));
        r0(y);
        return k ? xD(k, v) : (r0(v), NULL);
    }
    if (y->t == XD || y->t == XT) { /* tables: s# parts the first column, ` clears all */
        if (u != ATTR_NONE && u != ATTR_S) {
            r0(y);
            return kerr("type");
        }
        if (y->t == XD && u == ATTR_S) { /* a keyed table: s# marks its key table, in place */
            K k = DICT_KEYS(y);
            K g = prim_iasc(r1(k));
            bool sorted = g != NULL;
            for (J i = 0; g && i < g->n; i++)
                sorted = sorted && kJ(g)[i] == i;
            if (g)
                r0(g);
            if (!sorted) {
                r0(y);
                return kerr_msg() ? NULL : kerr("s-fail");
            }
            k->u = ATTR_S;
            return y;
        }
        if (y->t == XD) { /* a keyed table: ` clears its key table's attributes */
            K k = set_attribute(a, r1(DICT_KEYS(y)));
            if (!k) {
                r0(y);
                return NULL;
            }
            K v = r1(DICT_VALS(y));
            r0(y);
            return xD(k, v);
        }
        K cols = TABLE_DATA(y);
        if (u == ATTR_S && cols->n && !prim_in_order(kK(cols)[0])) {
            r0(y);
            return kerr("s-fail");
        }
        K out = ktn(0, cols->n);
        for (J c = 0; out && c < cols->n; c++) {
            K col = r1(kK(cols)[c]);
            int cu = u == ATTR_S ? (c == 0 ? ATTR_P : col->t >= 0 ? col->u : 0) : ATTR_NONE;
            kK(out)[c] = col->t >= 0 && col->u != cu ? with_attribute(col, cu) : col;
        }
        K names = r1(TABLE_COLS(y));
        r0(y);
        K t = xT(xD(names, out));
        if (t && u == ATTR_S)
            t->u = ATTR_S;
        return t;
    }
    if (!list || ((u == ATTR_P) && !simple)) {
        r0(y);
        return kerr("type");
    }
    if (u == ATTR_S && !prim_in_order(y)) {
        r0(y);
        return kerr("s-fail");
    }
    if ((u == ATTR_U && !all_distinct(y)) || (u == ATTR_P && !is_parted(y))) {
        r0(y);
        return kerr("u-fail");
    }
    return with_attribute(y, u);
}

K prim_take(K x, K y) {
    PRIM_ARGS2(x, y);
    if (y->t >= KLAMBDA) /* functions have no items */
        return fail2(x, y, "type");
    if (is_int_atom(x)) {
        J n = atom_j(x);
        r0(x);
        J total = y->t == XT && RT->svc.part_count ? RT->svc.part_count(y) : -1;
        if (total > 0 && RT->svc.part_rows && n != nj) { /* n#t of a partitioned table: its first (last) rows */
            J m = n < 0 ? -n : n, k = MIN(m, total);
            K rows = ktn(KJ, k);
            for (J i = 0; i < k; i++)
                kJ(rows)[i] = n < 0 ? total - k + i : i;
            K r = RT->svc.part_rows(y, rows);
            return r && m > total ? take_n(n, r) : r;
        }
        return take_n(n, y);
    }
    if (x->t == -KS) { /* `s#y: set an attribute */
        S a = x->s;
        r0(x);
        return set_attribute(a, y);
    }
    if (x->t == KJ || x->t == KI) { /* reshape: 2 3#til 6, 2 2 3#til 5, (enlist 2)#x */
        J k = x->n, dims[8];
        if (k == 0 || k > 8)
            return fail2(x, y, "length");
        for (J i = 0; i < k; i++)
            dims[i] = x->t == KJ ? kJ(x)[i] : kI(x)[i] == ni ? nj : kI(x)[i];
        r0(x);
        if (y->t < 0 || y->t >= XT) /* 2 3#5: an atom (or dict, table) repeats as one item */
            y = y->t < 0 ? prim_enlist(y) : obj_list(1, y);
        if (!y)
            return NULL;
        J len = obj_count(y);
        if (k == 2 && (dims[0] == nj) != (dims[1] == nj) && dims[0] != -1 && (dims[0] == nj || dims[0] >= 0) && (dims[1] == nj || dims[1] >= 0)) {
            /* 0N 3#x: rows of 3 while x lasts; 4 0N#x (since V3.3, ref/take.md): 4 rows of
             * (count x) div 4, the last one taking what remains */
            J rows = dims[0], cols = dims[1];
            bool fixed_rows = rows != nj;
            if (rows == nj)
                rows = cols ? (len + cols - 1) / cols : 0;
            else
                cols = rows ? len / rows : 0;
            K r = ktn(0, rows);
            for (J i = 0; i < rows; i++) {
                J at = MIN(i * cols, len);
                J n = fixed_rows && i == rows - 1 ? len - at : MIN(cols, len - at);
                kK(r)[i] = slice(y, at, n);
            }
            r0(y);
            return r;
        }
        J inner = 1;
        for (J i = 0; i < k; i++) {
            /* no negative or null dimension; past two, no empty inner one (ref/take.md:
             * 1 2 0#"a" is enlist("";""), 1 0 2#x is 'domain) */
            if (dims[i] < 0 || (k > 2 && i > 0 && i < k - 1 && dims[i] == 0)) {
                r0(y);
                return kerr("domain");
            }
            if (i && (inner *= dims[i]) > ((J)1 << 40)) {
                r0(y);
                return kerr("limit");
            }
        }
        if (dims[0] && inner > ((J)1 << 40) / dims[0]) {
            r0(y);
            return kerr("limit");
        }
        K flat = take_n(dims[0] * inner, y); /* an empty x gives nulls */
        return flat ? reshape(flat, dims, k) : NULL;
    }
    if (x->t == KS && y->t == XT) {
        /* columns of a table */
        K names = TABLE_COLS(y);
        K cols = ktn(0, x->n);
        for (J i = 0; i < x->n; i++) {
            J c = 0;
            while (c < names->n && kS(names)[c] != kS(x)[i])
                c++;
            if (c == names->n) {
                r0(cols);
                return fail2(x, y, kS(x)[i]);
            }
            kK(cols)[i] = r1(kK(TABLE_DATA(y))[c]);
        }
        K nm = r1(x);
        r0(x);
        r0(y);
        return xT(xD(nm, cols));
    }
    if (y->t == XD && x->t >= 0) {
        /* keys#dict: the keys and y at them, a key y lacks giving what indexing does (the
         * values' null), the keys found in one hashed pass */
        K pos = prim_find(r1(DICT_KEYS(y)), r1(x));
        K vals = DICT_VALS(y);
        K v = pos ? prim_at(r1(vals), r1(pos)) : NULL;
        /* general values: a missing key's is the prototype of the first (basics/application.md) */
        for (J k = 0; v && v->t == 0 && vals->t == 0 && vals->n && pos->t == KJ && k < pos->n; k++)
            if (kJ(pos)[k] >= obj_count(DICT_KEYS(y))) {
                r0(kK(v)[k]);
                kK(v)[k] = prim_proto(kK(vals)[0]);
            }
        r0(pos);
        r0(y);
        return v ? xD(x, v) : (r0(x), (K)NULL);
    }
    return fail2(x, y, "type");
}

static K drop_n(J n, K y) {
    if (!y || prim_too_deep(y, NULL))
        return NULL;
    if (n == nj) /* 0N _ x: nothing dropped */
        return y;
    if (y->t == XD) {
        K k = drop_n(n, r1(DICT_KEYS(y))), v = drop_n(n, r1(DICT_VALS(y)));
        r0(y);
        return xD(k, v);
    }
    if (y->t == XT) {
        K names = r1(TABLE_COLS(y));
        K cols = TABLE_DATA(y);
        K out = ktn(0, cols->n);
        for (J i = 0; out && i < cols->n; i++)
            kK(out)[i] = drop_n(n, r1(kK(cols)[i]));
        r0(y);
        return xT(xD(names, prim_all_made(out)));
    }
    if (y->t < 0 || y->t >= KLAMBDA) {
        r0(y);
        return kerr("type");
    }
    J len = y->n, m = n < 0 ? -n : n;
    J keep = m >= len ? 0 : len - m;
    K r = slice(y, n >= 0 ? (m >= len ? 0 : m) : 0, keep);
    r0(y);
    return r;
}


/* dict y without the entries whose keys are x (an atom, or each item of a vector) */
static K drop_keys(K x, K y) {
    K keys = DICT_KEYS(y), vals = DICT_VALS(y);
    K nk = ktn(keys->t, 0), nv = ktn(vals->t == 0 ? 0 : vals->t, 0);
    for (J i = 0; i < obj_count(keys); i++) {
        K kk = prim_item(keys, i);
        bool drop = prim_match_borrow(kk, x);
        if (!drop && x->t > 0 && x->t < KENUM)
            for (J j = 0; j < x->n && !drop; j++) {
                K xi = prim_item(x, j);
                drop = prim_match_borrow(kk, xi);
                r0(xi);
            }
        if (!drop) {
            nk = prim_join(nk, prim_enlist(kk));
            K v = prim_item(vals, i);
            nv = nv->t == 0 ? jk(&nv, v) : prim_join(nv, prim_enlist(v));
        } else {
            r0(kk);
        }
    }
    r0(x);
    r0(y);
    return xD(nk, nv);
}

K prim_drop(K x, K y) {
    PRIM_ARGS2(x, y);
    if (prim_too_deep(x, y))
        return NULL;
    if (is_int_atom(x)) {
        J n = atom_j(x);
        r0(x);
        return drop_n(n, y);
    }
    if (x->t == KS && y->t == XT) { /* `a`b _ t: without those columns */
        K flip = r1(y->k);
        r0(y);
        K d = prim_drop(x, flip);
        return d ? prim_flip(d) : NULL;
    }
    if (y->t == XD && obj_is_keyed(y)) /* a keyed table drops leading or trailing rows only */
        return fail2(x, y, "type");
    if (y->t == XD) /* keys _ dict */
        return drop_keys(x, y);
    if (x->t == XD && y->t < 0) /* dict _ key */
        return drop_keys(y, x);
    if (y->t < 0 && is_int_atom(y) && x->t >= 0 && x->t < XT) {
        /* list _ index: remove an item (an int vector too: 0 1 2 3_2 is 0 1 3, ref/drop.md) */
        J i = atom_j(y), n = obj_count(x);
        r0(y);
        if (i < 0 || i >= n)
            return x;
        K a = slice(x, 0, i), b = slice(x, i + 1, n - i - 1);
        r0(x);
        return prim_join(a, b);
    }
    if (x->t == KJ || x->t == KI) /* indices _ list: cut there */
        return prim_cut(x, y);
    return fail2(x, y, "type");
}

/* 2 cut x: chunks of 2; 0 2 5 cut x: slices from those indices */
/* rows [from, from+n) of table t (borrowed): each column sliced */
static K slice_rows(const K t, J from, J n) {
    K cols = TABLE_DATA(t), out = ktn(0, cols->n);
    for (J i = 0; out && i < cols->n; i++)
        if (!(kK(out)[i] = slice(kK(cols)[i], from, n))) {
            out->n = i;
            r0(out);
            out = NULL;
        }
    return out ? xT(xD(r1(TABLE_COLS(t)), out)) : NULL;
}

K prim_cut(K x, K y) {
    PRIM_ARGS2(x, y);
    if (y->t < 0 || (y->t >= XT && y->t != XT)) /* lists, and a table's rows (ref/cut.md) */
        return fail2(x, y, "type");
    J len = obj_count(y);
    K starts;
    if (is_int_atom(x)) {
        J w = atom_j(x);
        r0(x);
        if (w <= 0) {
            r0(y);
            return kerr("domain");
        }
        starts = ktn(KJ, 0);
        for (J i = 0; i < len; i += w)
            ja(&starts, &i);
    } else if (x->t == KJ || x->t == KI) {
        starts = ktn(KJ, x->n);
        for (J i = 0; i < x->n; i++) {
            K a = prim_item(x, i);
            kJ(starts)[i] = atom_j(a);
            r0(a);
        }
        r0(x);
    } else {
        return fail2(x, y, "type");
    }
    K out = ktn(0, starts->n);
    for (J i = 0; out && i < starts->n; i++) {
        J from = kJ(starts)[i], to = i + 1 < starts->n ? kJ(starts)[i + 1] : len;
        if (from < 0 || from > len || to < from) {
            r0(out);
            r0(starts);
            r0(y);
            return kerr("domain");
        }
        kK(out)[i] = y->t == XT ? slice_rows(y, from, to - from) : slice(y, from, to - from);
    }
    r0(starts);
    r0(y);
    return out;
}

K prim_sublist(K x, K y) {
    PRIM_ARGS2(x, y);
    if (is_int_atom(x)) { /* like take, but never more items than y has */
        J n = atom_j(x), len = obj_count(y);
        r0(x);
        return take_n(n > len ? len : n < -len ? -len : n, y);
    }
    if ((x->t == KJ || x->t == KI) && x->n == 2) {
        J from = x->t == KJ ? kJ(x)[0] : kI(x)[0], n = x->t == KJ ? kJ(x)[1] : kI(x)[1];
        r0(x);
        J len = obj_count(y);
        if (from > len)
            from = len;
        if (from + n > len)
            n = len - from;
        return take_n(n, drop_n(from, y));
    }
    return fail2(x, y, "type");
}

K prim_rotate(K x, K y) {
    PRIM_ARGS2(x, y);
    if (prim_too_deep(x, y))
        return NULL;
    if (!is_int_atom(x))
        return fail2(x, y, "type");
    J n = atom_j(x);
    if (y->t == XT) { /* a table's rows: rotate each column */
        K cols = TABLE_DATA(y), out = ktn(0, cols->n);
        for (J i = 0; out && i < cols->n; i++) {
            kK(out)[i] = prim_rotate(r1(x), r1(kK(cols)[i]));
            if (!kK(out)[i]) {
                out->n = i;
                r0(out);
                out = NULL;
            }
        }
        K names = r1(TABLE_COLS(y));
        r0(x);
        r0(y);
        return out ? xT(xD(names, out)) : (r0(names), NULL);
    }
    r0(x);
    if (y->t < 0 || y->t >= XT || y->n == 0)
        return y;
    J from = ((n % y->n) + y->n) % y->n;
    K r = slice(y, from, y->n);
    r0(y);
    return r;
}

/* the filler of next/prev: a general list's is the empty list (or null) of its first item's type */
static K shift_fill(K x) {
    if (x->t != 0)
        return prim_null_of(x->t);
    if (x->n == 0)
        return obj_identity();
    K f = kK(x)[0];
    if (f->t < 0)
        return prim_null_of(-f->t);
    return f->t > 0 && f->t < KENUM ? obj_vec(f->t, 0) : ktn(0, 0);
}

K prim_next(K x) {
    PRIM_ARGS1(x);
    if (x->t == XD || x->t == XT) /* uniform: each column, a dict's values */
        return prim_uniform(x, prim_next);
    if (x->t < 0 || x->t >= XT)
        return x;
    K tail = drop_n(1, r1(x));
    K nul = shift_fill(x);
    if (x->t == 0 && nul->t >= 0)
        nul = prim_enlist(nul);
    r0(x);
    return prim_join(tail, nul);
}

K prim_prev(K x) {
    PRIM_ARGS1(x);
    if (x->t == XD || x->t == XT)
        return prim_uniform(x, prim_prev);
    if (x->t < 0 || x->t >= XT)
        return x;
    K head = drop_n(-1, r1(x));
    K nul = shift_fill(x);
    r0(x);
    return prim_join(prim_enlist(nul), head);
}

K prim_xprev(K x, K y) {
    PRIM_ARGS2(x, y);
    if (is_int_atom(x) && (y->t == XT || y->t == XD)) { /* y (til count y)-x: rows shifted */
        J k = atom_j(x), n = obj_count(y);
        r0(x);
        K idx = obj_vec(KJ, n);
        if (!idx) {
            r0(y);
            return NULL;
        }
        for (J i = 0; i < n; i++)
            kJ(idx)[i] = i - k;
        return prim_at(y, idx);
    }
    if (!is_int_atom(x) || y->t < 0 || y->t >= XT)
        return fail2(x, y, "type");
    J k = atom_j(x), n = y->n;
    r0(x);
    K r = obj_vec(y->t, n);
    for (J i = 0; r && i < n; i++) {
        J j = i - k;
        K item = j >= 0 && j < n ? prim_item(y, j) : (y->t == 0 ? obj_identity() : prim_null_of(y->t));
        if (y->t == 0)
            kK(r)[i] = item;
        else {
            memcpy(kG(r) + (size_t)i * obj_width(y->t), y->t == UU ? (void *)kG(item) : (void *)&item->g, obj_width(y->t));
            r0(item);
        }
    }
    r0(y);
    return r;
}

/* ---- raze, flip, type, key ------------------------------------------------------------------- */

K prim_raze(K x) {
    PRIM_ARGS1(x);
    if (prim_too_deep(x, NULL))
        return NULL;
    if (x->t == XD) {
        K v = r1(DICT_VALS(x));
        r0(x);
        return prim_raze(v);
    }
    if (x->t < 0 && x->t > -KENUM)
        return prim_enlist(x); /* raze of an atom is a one-item list */
    if (x->t == XT && obj_count(x) > 0) { /* ,/ over its rows: dicts of one key set joined,
                                           * each overriding the last, leave the last row */
        K row = prim_item(x, obj_count(x) - 1);
        r0(x);
        return row;
    }
    if (x->t != 0)
        return x;
    if (x->n == 0)
        return x;
    K acc = r1(kK(x)[0]);
    if (acc->t < 0 || acc->t >= KLAMBDA) /* tables and dicts join as ,/ joins them */
        acc = prim_enlist(acc);
    for (J i = 1; acc && i < x->n; i++)
        acc = prim_join(acc, r1(kK(x)[i]));
    r0(x);
    return acc;
}

K prim_flip(K x) {
    PRIM_ARGS1(x);
    if (x->t == XD) {
        if (DICT_VALS(x)->t == 0) { /* columns; an atom repeats to the lists' count (ref/flip.md) */
            K v = DICT_VALS(x);
            J len = -1;
            bool atoms = false;
            for (J i = 0; i < v->n; i++) {
                K c = kK(v)[i];
                if (c->t < 0 || c->t >= XT) {
                    atoms = true;
                    continue;
                }
                if (len >= 0 && obj_count(c) != len) {
                    r0(x);
                    return kerr("length");
                }
                len = obj_count(c);
            }
            if (!atoms)
                return xT(x);
            if (len < 0) {
                r0(x);
                return kerr("rank");
            }
            K cols = ktn(0, v->n);
            for (J i = 0; cols && i < v->n; i++) {
                K c = kK(v)[i];
                kK(cols)[i] = c->t < 0 || c->t >= XT ? take_n(len, r1(c)) : r1(c);
                if (!kK(cols)[i]) {
                    cols->n = i;
                    r0(cols);
                    cols = NULL;
                }
            }
            K k = r1(DICT_KEYS(x));
            r0(x);
            return cols ? xT(xD(k, cols)) : (r0(k), NULL);
        }
        K v = DICT_VALS(x);
        if (v->t < 0 || v->t >= XT) {
            r0(x);
            return kerr("rank");
        }
        K g = ktn(0, obj_count(v));
        for (J i = 0; g && i < g->n; i++)
            kK(g)[i] = prim_item(v, i);
        K k = r1(DICT_KEYS(x));
        r0(x);
        return xT(xD(k, g));
    }
    if (x->t == XT) {
        K d = r1(x->k);
        r0(x);
        return d;
    }
    if (x->t != 0) {
        r0(x);
        return kerr("rank");
    }
    J rows = x->n, cols = -1;
    for (J i = 0; i < rows; i++) {
        K item = kK(x)[i];
        if (item->t >= 0 && item->t < XT) {
            J c = obj_count(item);
            if (cols >= 0 && c != cols) {
                r0(x);
                return kerr("length");
            }
            cols = c;
        }
    }
    if (cols < 0) {
        r0(x);
        return kerr("rank");
    }
    K out = ktn(0, cols);
    for (J c = 0; out && c < cols; c++) {
        K *items = mem_raw_alloc((size_t)(rows ? rows : 1) * sizeof(K));
        if (!items) {
            out->n = c; /* the columns made so far */
            r0(out);
            out = kerr("wsfull");
            break;
        }
        for (J r = 0; r < rows; r++) {
            K item = kK(x)[r];
            items[r] = item->t < 0 ? r1(item) : prim_item(item, c);
        }
        kK(out)[c] = prim_collect(items, rows);
        mem_raw_free(items);
    }
    r0(x);
    return out;
}

K prim_type(K x) {
    PRIM_ARGS1(x);
    int t = x->t;
    r0(x);
    K r = obj_atom(-KH);
    if (r)
        r->h = (H)t;
    return r;
}


K prim_cols(K x) {
    PRIM_ARGS1(x);
    if (prim_too_deep(x, NULL))
        return NULL;
    if (x->t == XT) {
        K c = r1(TABLE_COLS(x));
        r0(x);
        return c;
    }
    if (obj_is_keyed(x)) {
        K c = prim_join(r1(TABLE_COLS(DICT_KEYS(x))), r1(TABLE_COLS(DICT_VALS(x))));
        r0(x);
        return c;
    }
    if (x->t == -KS && RT->svc.global_get) {
        K t = RT->svc.global_get(x->s);
        r0(x);
        return t ? prim_cols(t) : NULL;
    }
    r0(x);
    return kerr("type");
}

K prim_keys(K x) {
    PRIM_ARGS1(x);
    if (obj_is_keyed(x)) {
        K c = r1(TABLE_COLS(DICT_KEYS(x)));
        r0(x);
        return c;
    }
    r0(x);
    return ktn(KS, 0);
}

K prim_attr(K x) {
    PRIM_ARGS1(x);
    static const char *const names[] = {"", "s", "u", "p", "g"};
    int u = x->t >= 0 ? x->u : 0;
    r0(x);
    return ks((S)names[u < 5 ? u : 0]);
}
