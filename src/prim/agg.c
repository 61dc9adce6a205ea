/* agg.c -- aggregates (sum prd min max avg var dev med all any) and uniform running forms
 * (sums prds mins maxs avgs deltas ratios fills, moving windows, ema) and differ.
 *
 * sum over longs and floats runs with four accumulators so the compiler vectorises it; null
 * items are skipped as q does (a float NaN never enters a sum). */
#include <math.h>
#include <stdlib.h>

#include "prims.h"
#include "par.h"
#include "primint.h"

static bool is_num(int t) { return t == KB || t == KG || t == KH || t == KI || t == KJ || t == KE || t == KF; }

/* what avg, var, dev and med take (their ranges in the reference): numbers, and temporals as
 * their counts of units; not chars (ref/prd.md: prd "abc" is 'type, and so is sum "abc") */
static bool is_stat(int t) { return is_num(t) || (t >= KP && t <= KT); }

static K each_item(K x, K (*f)(K)) {
    K out = ktn(0, x->n);
    for (J i = 0; out && i < x->n; i++) {
        kK(out)[i] = f(r1(kK(x)[i]));
        if (!kK(out)[i]) {
            r0(out);
            r0(x);
            return NULL;
        }
    }
    r0(x);
    K r = prim_collect(kK(out), out->n);
    out->n = 0;
    r0(out);
    return r;
}

/* reduce a general list or a dict's values with a dyad (sum of a list of vectors) */
static K fold_with(K x, K (*dyad)(K, K), K empty) {
    if (prim_too_deep(x, empty)) /* a dict's values may be a dict */
        return NULL;
    if (x->t == XD) { /* an aggregate of a dict is the aggregate of its values */
        K v = r1(DICT_VALS(x));
        r0(x);
        if (v->t != 0) {
            r0(empty);
            if (dyad == prim_add)
                return prim_sum(v);
            if (dyad == prim_mul)
                return prim_prd(v);
            return dyad == prim_max2 ? prim_max(v) : prim_min(v);
        }
        x = v;
    }
    if (x->t != 0) {
        r0(x);
        r0(empty);
        return kerr("type");
    }
    if (x->n == 0) {
        r0(x);
        return empty;
    }
    r0(empty);
    K acc = r1(kK(x)[0]);
    for (J i = 1; acc && i < x->n; i++)
        acc = dyad(acc, r1(kK(x)[i]));
    r0(x);
    return acc;
}

/* a general list as a numeric (or temporal) list sees it: 1 when its items are all atoms of
 * those types, -1 when they are all atoms but one is of another type ('type), 0 when an item
 * is a list (the aggregate then goes by rows or columns) */
static int stat_atoms(const K x) {
    if (x->t != 0 || x->n == 0)
        return 0;
    int r = 1;
    for (J i = 0; i < x->n; i++) {
        int t = kK(x)[i]->t;
        if (t >= 0)
            return 0;
        if (!is_stat(-t))
            r = -1;
    }
    return r;
}

/* chars and temporals in the float statistics (avg var dev med wavg cov cor, ref/avg.md,
 * cov.md, cor.md): their underlying numbers, as floats */
static K stat_floats(K x, bool temporals) {
    int t = x ? (x->t < 0 ? -x->t : x->t) : 0;
    bool conv = x && x->t < KENUM && x->t > -KENUM && (t == KC || (temporals && t >= KP && t <= KT));
    return conv ? prim_cast(ks("float"), x) : x;
}

static F item_f(const K x, J i, bool *null) {
    K a = prim_item(x, i);
    F v;
    *null = obj_is_null_at(a, 0);
    switch (a->t) {
    case -KE: v = a->e; break;
    case -KF: case -KZ: v = a->f; break;
    case -KH: v = a->h; break;
    case -KI: case -KM: case -KD: case -KU: case -KV: case -KT: v = a->i; break;
    case -KJ: case -KP: case -KN: v = (F)a->j; break;
    default: v = a->g;
    }
    r0(a);
    return v;
}

static J item_j(const K x, J i, bool *null) {
    K a = prim_item(x, i);
    J v;
    *null = obj_is_null_at(a, 0);
    switch (a->t) {
    case -KH: v = a->h; break;
    case -KI: case -KM: case -KD: case -KU: case -KV: case -KT: v = a->i; break;
    case -KJ: case -KP: case -KN: v = a->j; break;
    case -KE: v = (J)a->e; break;
    case -KF: case -KZ: v = (J)a->f; break;
    default: v = a->g;
    }
    r0(a);
    return v;
}

/* a general list of simple vectors of one length (a matrix) */
static bool is_matrix(const K x) {
    if (x->t != 0 || x->n == 0)
        return false;
    for (J i = 0; i < x->n; i++) {
        K v = kK(x)[i];
        if (v->t <= 0 || v->t >= KENUM || v->n != kK(x)[0]->n)
            return false;
    }
    return true;
}

static bool is_keyed(const K x) { return x->t == XD && DICT_KEYS(x)->t == XT && DICT_VALS(x)->t == XT; }

/* aggregate f of a table: a dict of its columns' aggregates (a keyed table: of its value
 * columns); of a matrix: the aggregate of each column; of a dict: of its values */
static K agg_cols(K x, K (*f)(K)) {
    if (prim_too_deep(x, NULL))
        return NULL;
    if (x->t == XD) {
        K v = r1(DICT_VALS(x));
        r0(x);
        return v->t == XT || is_matrix(v) ? agg_cols(v, f) : f(v);
    }
    if (x->t == XT) {
        K names = r1(TABLE_COLS(x));
        K vals = each_item(r1(TABLE_DATA(x)), f);
        r0(x);
        return vals ? xD(names, vals) : (r0(names), NULL);
    }
    return each_item(prim_flip(x), f);
}

/* a uniform function (f1 x, or m f2 x) of a dict runs on its values, of a table on each
 * column (a keyed table: on its value table), of a matrix down each column */
static K uniform_cols(K m, K x, K (*f2)(K, K), K (*f1)(K)) {
    if (prim_too_deep(x, NULL)) /* m is borrowed */
        return NULL;
    if (x->t == XD) {
        K k = r1(DICT_KEYS(x)), v = r1(DICT_VALS(x));
        r0(x);
        v = uniform_cols(m, v, f2, f1);
        return v ? xD(k, v) : (r0(k), NULL);
    }
    bool table = x->t == XT, matrix = is_matrix(x);
    if (!table && !matrix)
        return f1 ? f1(x) : f2(m ? r1(m) : m, x);
    K names = table ? r1(TABLE_COLS(x)) : NULL;
    K cols = table ? r1(TABLE_DATA(x)) : prim_flip(r1(x));
    r0(x);
    if (!cols) {
        r0(names);
        return NULL;
    }
    K out = ktn(0, cols->n);
    for (J i = 0; i < cols->n; i++) {
        kK(out)[i] = f1 ? f1(r1(kK(cols)[i])) : f2(r1(m), r1(kK(cols)[i]));
        if (!kK(out)[i]) {
            out->n = i;
            r0(out);
            r0(cols);
            r0(names);
            return NULL;
        }
    }
    r0(cols);
    return table ? xT(xD(names, out)) : prim_flip(out);
}

static bool uniform_shape(const K x) { return x->t == XD || x->t == XT || is_matrix(x); }

K prim_sum(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    if (x->t < 0 || x->t >= KLAMBDA)
        return x;
    if (x->t == 0 || x->t == XD)
        return fold_with(x, prim_add, kj(0));
    if (x->t == XT) {
        K names = r1(TABLE_COLS(x));
        K vals = each_item(r1(TABLE_DATA(x)), prim_sum);
        r0(x);
        return xD(names, vals);
    }
    K r;
    switch (x->t) {
    case KJ: r = kj(prim_par_sum_j(kJ(x), x->n)); break;
    case KF: r = kf(prim_par_sum_f(kF(x), x->n, &(J){0})); break;
    case KE: { F s = 0; for (J i = 0; i < x->n; i++) s += kE(x)[i] == kE(x)[i] ? kE(x)[i] : 0; r = ke(s); break; }
    /* ref/sum.md's range: booleans, bytes and shorts sum to an int, a temporal to its own type */
    case KB: case KG: case KH: case KI: {
        J s = 0;
        bool null;
        for (J i = 0; i < x->n; i++) {
            J v = item_j(x, i, &null);
            s += null ? 0 : v;
        }
        r = ki((I)s);
        break;
    }
    case KN: case KP: r = ktj(-x->t, prim_par_sum_j(kJ(x), x->n)); break;
    case KZ: r = kz(prim_par_sum_f(kF(x), x->n, &(J){0})); break;
    case KU: case KV: case KT: case KM: case KD: {
        J s = 0;
        bool null;
        for (J i = 0; i < x->n; i++) { J v = item_j(x, i, &null); s += null ? 0 : v; }
        r = obj_atom(-x->t);
        r->i = (I)s;
        break;
    }
    default:
        r0(x);
        return kerr("type");
    }
    r0(x);
    return r;
}

K prim_prd(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    if (x->t < 0)
        return x;
    if (x->t == XT || is_keyed(x))
        return agg_cols(x, prim_prd);
    if (x->t == 0 || x->t == XD)
        return fold_with(x, prim_mul, kj(1));
    if (!is_num(x->t)) {
        r0(x);
        return kerr("type");
    }
    bool fl = x->t == KE || x->t == KF, null;
    F pf = 1;
    J pj = 1;
    for (J i = 0; i < x->n; i++) {
        if (fl) { F v = item_f(x, i, &null); if (!null) pf *= v; }
        else { J v = item_j(x, i, &null); if (!null) pj *= v; }
    }
    int t = x->t;
    r0(x);
    if (t == KF) return kf(pf);
    if (t == KE) return ke(pf);
    if (t == KJ) return kj(pj);
    return ki((I)pj);
}

static K extreme(K x, bool want_max) {
    if (x->t < 0 || x->t >= KLAMBDA)
        return x;
    if (x->t == 0 || x->t == XD)
        return fold_with(x, want_max ? prim_max2 : prim_min2, obj_identity());
    if (x->t == XT) {
        K names = r1(TABLE_COLS(x));
        K vals = each_item(r1(TABLE_DATA(x)), want_max ? prim_max : prim_min);
        r0(x);
        return xD(names, vals);
    }
    int t = x->t;
    if (t == KS || t == UU) { /* ref/max.md's range: no symbols or guids */
        r0(x);
        return kerr("type");
    }
    if (t == KC) {
        if (x->n == 0) {
            r0(x);
            return prim_null_of(t);
        }
        K acc = prim_item(x, 0);
        for (J i = 1; acc && i < x->n; i++)
            acc = want_max ? prim_max2(acc, prim_item(x, i)) : prim_min2(acc, prim_item(x, i));
        r0(x);
        return acc;
    }
    if (t == KF || t == KZ) { /* par.h: on the secondary threads when large */
        F best = want_max ? prim_par_max_f(kF(x), x->n) : prim_par_min_f(kF(x), x->n);
        r0(x);
        return t == KZ ? kz(best) : kf(best);
    }
    if (t == KJ || t == KP || t == KN) {
        J best = want_max ? prim_par_max_j(kJ(x), x->n) : prim_par_min_j(kJ(x), x->n);
        r0(x);
        return ktj(-t, best);
    }
    if (t == KE) {
        F best = want_max ? -INFINITY : INFINITY;
        bool any = false, null;
        for (J i = 0; i < x->n; i++) {
            F v = item_f(x, i, &null);
            if (null)
                continue;
            any = true;
            if (want_max ? v > best : v < best)
                best = v;
        }
        UNUSED(any);
        r0(x);
        return ke(best);
    }
    J best = want_max ? -wj : wj;
    bool null;
    for (J i = 0; i < x->n; i++) {
        J v = item_j(x, i, &null);
        if (null)
            continue;
        if (want_max ? v > best : v < best)
            best = v;
    }
    r0(x);
    K r = obj_atom(-t);
    switch (t) {
    case KB: case KG: r->g = best == -wj ? 0 : best == wj ? (t == KB ? 1 : 0xff) : (G)best; break;
    case KH: r->h = best == wj ? wh : best == -wj ? -wh : (H)best; break;
    case KI: case KM: case KD: case KU: case KV: case KT: r->i = best == wj ? wi : best == -wj ? -wi : (I)best; break;
    default: r->j = best;
    }
    return r;
}

K prim_min(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    return extreme(x, false);
}
K prim_max(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    return extreme(x, true);
}

K prim_avg(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    if (!(x = stat_floats(x, false)))
        return NULL;
    if (x->t < 0) {
        K r = prim_fdiv(x, kf(1));
        return r;
    }
    if (x->t == XT || is_keyed(x))
        return agg_cols(x, prim_avg);
    bool atoms = x->t == 0; /* a general list of numbers: nulls are left out as in a vector */
    for (J i = 0; atoms && i < x->n; i++)
        atoms = kK(x)[i]->t < 0 && is_num(-kK(x)[i]->t);
    if ((x->t == 0 && !atoms) || x->t == XD) {
        J n = obj_count(x);
        return prim_fdiv(prim_sum(x), kj(n));
    }
    if (!atoms && !is_stat(x->t)) {
        r0(x);
        return kerr("type");
    }
    if (x->t == KF) { /* par.h: by blocks, on the secondary threads when large */
        J valid;
        F s = prim_par_sum_f(kF(x), x->n, &valid);
        r0(x);
        return kf(valid ? s / valid : nf);
    }
    F s = 0;
    J cnt = 0;
    bool null;
    for (J i = 0; i < x->n; i++) {
        F v = item_f(x, i, &null);
        if (!null) {
            s += v;
            cnt++;
        }
    }
    /* a general list: the nulls are left out of the sum but counted (avg (1;0n;2;3) is 1.5) */
    if (atoms)
        cnt = x->n;
    r0(x);
    return kf(cnt ? s / cnt : nf);
}

static K variance(K x, bool sample, bool root) {
    if (!(x = stat_floats(x, false)))
        return NULL;
    if (x->t == XT || x->t == XD || is_matrix(x))
        return agg_cols(x, sample ? (root ? prim_sdev : prim_svar) : (root ? prim_dev : prim_var));
    /* a general list of numeric atoms of mixed types: as the numbers they are (ref/dev.md) */
    if (stat_atoms(x) <= 0 && (x->t <= 0 || !is_stat(x->t))) {
        r0(x);
        return kerr("type");
    }
    if (!(x = prim_cast(ks("float"), x))) /* the values as floats, nulls 0n */
        return NULL;
    F s = 0, s2 = 0;
    J cnt = 0;
    const F *f = kF(x);
    for (J i = 0; i < x->n; i++)
        if (f[i] == f[i]) {
            s += f[i];
            cnt++;
        }
    F mean = cnt ? s / cnt : nf;
    for (J i = 0; i < x->n; i++)
        if (f[i] == f[i])
            s2 += (f[i] - mean) * (f[i] - mean);
    r0(x);
    F var = cnt > (sample ? 1 : 0) ? s2 / (cnt - (sample ? 1 : 0)) : nf;
    return kf(root ? sqrt(var) : var);
}

K prim_var(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    return variance(x, false, false);
}
K prim_svar(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    return variance(x, true, false);
}
K prim_dev(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    return variance(x, false, true);
}
K prim_sdev(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    return variance(x, true, true);
}

static int cmp_f(const void *a, const void *b) {
    F x = *(const F *)a, y = *(const F *)b;
    return (x > y) - (x < y);
}

/* med of a table or a list of lists, by its k definition {avg x (iasc x)@floor .5*-1 0+count x}:
 * the mean of the middle rows in q's (lexicographic) order, not a median per column */
static K med_rows(K x) {
    J n = obj_count(x);
    if (n == 0) {
        r0(x);
        return kerr("length");
    }
    K g = prim_iasc(r1(x));
    if (!g) {
        r0(x);
        return NULL;
    }
    K idx = ktn(KJ, 2);
    if (!idx) {
        r0(g);
        r0(x);
        return NULL;
    }
    kJ(idx)[0] = kJ(g)[(n - 1) / 2];
    kJ(idx)[1] = kJ(g)[n / 2];
    r0(g);
    return prim_avg(prim_at(x, idx));
}

/* reorder a[0..n) so that a[k] is the item sorted order puts there, those before it no
 * greater and those after no less (quickselect on a median of three; past a depth of
 * 2 log n partitions, the rest of the range is sorted, so that no input is quadratic) */
static void select_kth(F *a, J n, J k) {
    J lo = 0, hi = n - 1;
    int budget = 2 * (64 - __builtin_clzll((uint64_t)n | 1));
    while (hi > lo) {
        if (budget-- == 0) {
            qsort(a + lo, (size_t)(hi - lo + 1), sizeof(F), cmp_f);
            return;
        }
        J mid = lo + (hi - lo) / 2;
        F p = a[lo], q = a[mid], r = a[hi];
        F pivot = p < q ? (q < r ? q : p < r ? r : p) : (p < r ? p : q < r ? r : q);
        J i = lo, j = hi;
        while (i <= j) {
            while (a[i] < pivot)
                i++;
            while (a[j] > pivot)
                j--;
            if (i <= j) {
                F t = a[i];
                a[i] = a[j], a[j] = t;
                i++, j--;
            }
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            return;
    }
}

K prim_med(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    if (x->t < 0 && x->t > -KENUM && !(x = prim_enlist(x))) /* an atom: as its list (x,:()) */
        return NULL;
    if (!(x = stat_floats(x, false)))
        return NULL;
    if (x->t == XD) { /* a dict's (a keyed table's) values */
        K v = r1(DICT_VALS(x));
        r0(x);
        return prim_med(v);
    }
    /* a general list of atoms is a numeric list, median of its values ('type for another
     * atom, as for a symbol vector); of lists or a table, the middle rows */
    int atoms = stat_atoms(x);
    if (x->t == XT || (x->t == 0 && x->n && atoms == 0))
        return med_rows(x);
    if (atoms <= 0 && (x->t <= 0 || !is_stat(x->t))) {
        r0(x);
        return kerr("type");
    }
    if (!(x = prim_cast(ks("float"), x))) /* the values as floats, nulls 0n (left out) */
        return NULL;
    F *v = mem_raw_alloc((size_t)(x->n ? x->n : 1) * sizeof(F));
    if (!v) {
        r0(x);
        return kerr("wsfull");
    }
    J cnt = 0;
    for (J i = 0; i < x->n; i++)
        if (kF(x)[i] == kF(x)[i])
            v[cnt++] = kF(x)[i];
    r0(x);
    F m = nf;
    if (cnt) { /* the middle one, or the mean of the middle two: selected, not sorted */
        J k = cnt / 2;
        select_kth(v, cnt, k);
        m = v[k];
        if (cnt % 2 == 0) {
            F below = v[0];
            for (J i = 1; i < k; i++)
                below = v[i] > below ? v[i] : below;
            m = (below + m) / 2;
        }
    }
    mem_raw_free(v);
    return kf(m);
}

static K truthy(K x, bool all) {
    if (x->t == XT || is_keyed(x) || is_matrix(x))
        return agg_cols(x, all ? prim_all : prim_any);
    if (x->t == XD) {
        K v = r1(DICT_VALS(x));
        r0(x);
        return truthy(v, all);
    }
    if (x->t < 0) {
        K b = prim_not(prim_not(x));
        return b;
    }
    if (x->t == 0 && x->n) { /* min (max) of "b"$ the items, atomically: all (101b;1b) is 101b */
        K acc = prim_not(prim_not(prim_item(x, 0)));
        for (J i = 1; acc && i < x->n; i++)
            acc = (all ? prim_min2 : prim_max2)(acc, prim_not(prim_not(prim_item(x, i))));
        r0(x);
        return acc;
    }
    if ((x->t == 0 && x->n == 0) || x->t == KC) { /* (): all is 1b, any 0b; chars: not NUL */
        bool r = all;
        for (J i = 0; i < x->n; i++)
            if (all ? !kC(x)[i] : kC(x)[i] != 0) {
                r = !all;
                break;
            }
        r0(x);
        return kb(r);
    }
    if (x->t == 0 || !is_num(x->t)) {
        bool ok = x->t >= KP && x->t <= KT;
        if (!ok) {
            r0(x);
            return kerr("type");
        }
    }
    K nz = prim_not(prim_not(x));
    if (!nz)
        return NULL;
    bool r = all;
    for (J i = 0; i < nz->n; i++)
        if (all ? !kG(nz)[i] : kG(nz)[i]) {
            r = !all;
            break;
        }
    r0(nz);
    return kb(r);
}

K prim_all(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    return truthy(x, true);
}
K prim_any(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    return truthy(x, false);
}

/* running forms via the iterators' scan semantics with a dyad */
static K running(K x, K (*dyad)(K, K)) {
    if (prim_too_deep(x, NULL))
        return NULL;
    if (x->t < 0)
        return x;
    if (x->t == XD) {
        K k = r1(DICT_KEYS(x));
        K v = running(r1(DICT_VALS(x)), dyad);
        r0(x);
        return v ? xD(k, v) : (r0(k), NULL);
    }
    if (x->t == XT) {
        K names = r1(TABLE_COLS(x));
        K cols = TABLE_DATA(x);
        K out = ktn(0, cols->n);
        for (J i = 0; out && i < cols->n; i++)
            if (!(kK(out)[i] = running(r1(kK(cols)[i]), dyad))) { /* a column it does not apply to */
                out->n = i;
                r0(out);
                out = NULL;
            }
        r0(x);
        return out ? xT(xD(names, out)) : (r0(names), NULL);
    }
    /* booleans, bytes and shorts add and multiply as ints (ref/add.md's table), so their
     * running sums and products are int vectors */
    if ((dyad == prim_add || dyad == prim_mul) && (x->t == KB || x->t == KG || x->t == KH))
        if (!(x = prim_cast(kc('i'), x)))
            return NULL;
    J n = obj_count(x);
    if (n == 0)
        return x;
    /* sums of numbers and temporals in their own type (ref/sum.md's table), nulls as 0,
     * integers wrapping as q's do */
    int w = x->t > 0 && x->t < KENUM ? obj_width(x->t) : 0;
    if (dyad == prim_add && (x->t == KI || x->t == KJ || x->t == KE || x->t == KF || prim_is_temporal(x->t))) {
        K r = obj_vec(x->t, n);
        if (!r) {
            r0(x);
            return NULL;
        }
        if (x->t == KF || x->t == KZ) {
            F acc = 0;
            for (J i = 0; i < n; i++) { acc += kF(x)[i] == kF(x)[i] ? kF(x)[i] : 0; kF(r)[i] = acc; }
        } else if (x->t == KE) {
            E acc = 0;
            for (J i = 0; i < n; i++) { acc += kE(x)[i] == kE(x)[i] ? kE(x)[i] : 0; kE(r)[i] = acc; }
        } else if (w == 8) {
            uint64_t acc = 0;
            for (J i = 0; i < n; i++) { acc += kJ(x)[i] == nj ? 0 : (uint64_t)kJ(x)[i]; kJ(r)[i] = (J)acc; }
        } else {
            uint32_t acc = 0;
            for (J i = 0; i < n; i++) { acc += kI(x)[i] == ni ? 0 : (uint32_t)kI(x)[i]; kI(r)[i] = (I)acc; }
        }
        r0(x);
        return r;
    }
    /* maxs/mins of numbers skip nulls; before the first non-null they give -inf/inf */
    if ((dyad == prim_max2 || dyad == prim_min2) &&
        (x->t == KH || x->t == KI || x->t == KJ || x->t == KE || x->t == KF)) {
        bool mx = dyad == prim_max2;
        K r = obj_vec(x->t, n);
        if (!r) { r0(x); return NULL; }
#define RUN_EXT(T, NUL, INF) { \
            T *s = (T *)kG(x), *o = (T *)kG(r), acc = mx ? -(INF) : (INF); \
            for (J i = 0; i < n; i++) { \
                T v = s[i]; \
                if (!(NUL) && (mx ? v > acc : v < acc)) acc = v; \
                o[i] = acc; \
            } }
        switch (x->t) {
        case KH: RUN_EXT(H, v == nh, wh) break;
        case KI: RUN_EXT(I, v == ni, wi) break;
        case KJ: RUN_EXT(J, v == nj, wj) break;
        case KE: RUN_EXT(E, v != v, (E)wf) break;
        default: RUN_EXT(F, v != v, wf) break;
        }
#undef RUN_EXT
        r0(x);
        return r;
    }
    K *items = mem_raw_alloc((size_t)n * sizeof(K));
    if (!items) {
        r0(x);
        return kerr("wsfull");
    }
    K acc = prim_item(x, 0);
    if ((dyad == prim_add || dyad == prim_mul) && acc->t < 0 && obj_is_null_at(acc, 0)) {
        r0(acc);
        acc = dyad == prim_add ? kj(0) : kj(1);
        acc = prim_add(acc, prim_mul(prim_item(x, 0), kj(0)));
        if (!acc) { kerr_clear(); acc = prim_item(x, 0); }
    }
    items[0] = r1(acc);
    for (J i = 1; i < n; i++) {
        K next = prim_item(x, i);
        if ((dyad == prim_add || dyad == prim_mul) && next->t < 0 && obj_is_null_at(next, 0)) {
            r0(next);
            items[i] = r1(acc);
            continue;
        }
        acc = dyad(acc, next);
        if (!acc) {
            for (J k = 0; k < i; k++) r0(items[k]);
            mem_raw_free(items);
            r0(x);
            return NULL;
        }
        items[i] = r1(acc);
    }
    r0(acc);
    r0(x);
    K r = prim_collect(items, n);
    mem_raw_free(items);
    return r;
}

K prim_sums(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    return running(x, prim_add);
}
K prim_prds(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    return running(x, prim_mul);
}
K prim_mins(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    return running(x, prim_min2);
}
K prim_maxs(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    return running(x, prim_max2);
}

K prim_avgs(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    if (x->t == XD || x->t == XT) /* uniform: a dict's values, a table's columns */
        return prim_uniform(x, prim_avgs);
    if (x->t == KC || x->t == -KC) { /* (sums x)%...: sums of chars is 'type (ref/avg.md) */
        r0(x);
        return kerr("type");
    }
    J n = obj_count(x);
    bool simple = x->t > 0 && x->t < KENUM;
    K cnt = simple ? obj_vec(KF, n) : NULL;
    J c = 0;
    for (J i = 0; cnt && i < n; i++) /* nulls are not counted */
        kF(cnt)[i] = (F)(c += !obj_is_null_at(x, i));
    K s = prim_sums(prim_fdiv(x, kf(1)));
    if (!s || s->t < 0) {
        if (cnt) r0(cnt);
        return s;
    }
    if (!cnt) {
        cnt = obj_vec(KF, n);
        for (J i = 0; i < n; i++)
            kF(cnt)[i] = (F)(i + 1);
    }
    return prim_fdiv(s, cnt);
}

K prim_deltas(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    if (x->t == XD || x->t == XT)
        return prim_uniform(x, prim_deltas);
    if (x->t == 0 && x->n) { /* -': item by item, the first less 0: x-0,-1_x */
        K before = prim_join(kj(0), prim_drop(kj(-1), r1(x)));
        return prim_sub(x, before);
    }
    if (x->t <= 0 || x->t >= KENUM || x->n == 0)
        return x;
    K r = prim_sub(r1(x), prim_prev(r1(x)));
    if (r && r->t > 0 && r->t < KENUM && x->n) { /* the first item has no predecessor: it stays,
                                                  * as a value of the result's type */
        if (r->t == x->t) {
            memcpy(kG(r), kG(x), obj_width(x->t));
        } else {
            bool null;
            bool fx = x->t == KE || x->t == KF || x->t == KZ;
            F f = fx ? item_f(x, 0, &null) : 0;
            J j = fx ? 0 : item_j(x, 0, &null);
            switch (r->t) {
            case KF: case KZ: kF(r)[0] = null ? nf : fx ? f : (F)j; break;
            case KE: kE(r)[0] = (E)(null ? nf : fx ? f : (F)j); break;
            case KJ: case KP: case KN: kJ(r)[0] = null ? nj : fx ? (J)f : j; break;
            case KI: case KM: case KD: case KU: case KV: case KT: kI(r)[0] = null ? ni : (I)(fx ? (J)f : j); break;
            default: break;
            }
        }
    }
    r0(x);
    return r;
}

/* deltas[seed;x]: x minus its predecessors, the first against seed */
K prim_deltas2(K x, K y) {
    PRIM_ARGS2(x, y);
    PRIM_SQUASH2(x, y);
    if (y->t <= 0 || y->t >= KENUM) {
        r0(x);
        r0(y);
        return kerr("type");
    }
    K before = prim_join(prim_enlist(x), prim_drop(kj(-1), r1(y)));
    return before ? prim_sub(y, before) : (r0(y), NULL);
}

K prim_fills(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    if (x->t == XD || x->t == XT)
        return prim_uniform(x, prim_fills);
    if (x->t <= 0 || x->t >= KENUM)
        return x->t == 0 ? x : x;
    x = obj_own(x);
    int w = obj_width(x->t);
    K prevv = NULL;
    for (J i = 0; i < x->n; i++) {
        if (obj_is_null_at(x, i)) {
            if (i > 0 && !prevv)
                memcpy(kG(x) + (size_t)i * w, kG(x) + (size_t)(i - 1) * w, w);
        }
    }
    return x;
}

K prim_ratios(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    if (uniform_shape(x))
        return uniform_cols(NULL, x, NULL, prim_ratios);
    if (x->t == 0 && x->n && !is_matrix(x)) { /* %': item by item, the first over 1: x%1,-1_x */
        K before = prim_join(kj(1), prim_drop(kj(-1), r1(x)));
        return prim_fdiv(x, before);
    }
    if (x->t <= 0 || x->t >= KENUM || x->n == 0)
        return x;
    K r = prim_fdiv(r1(x), prim_prev(r1(x)));
    if (r && r->t == KF && x->n) { /* the first item has no predecessor: it stays */
        K first = prim_item(x, 0);
        K f = prim_cast(ks("float"), first);
        if (f) {
            kF(r)[0] = f->f;
            r0(f);
        }
    }
    r0(x);
    return r;
}

/* moving windows, by q's definitions (ref/sum.md, avg.md, count.md, dev.md, max.md, min.md):
 *   x msum y   is  y-(neg x)_(0i*x#y),y:sums y      (its type is the type of `-`)
 *   x mcount y is  x msum not null y, as longs
 *   x mavg y   is  (x msum 0.0^y)%x mcount y
 *   x mdev y   is  sqrt (x mavg y*y)-m*m:x mavg y:"f"$y
 *   x mmax y, x mmin y: the extreme of each window of x items, nulls skipped by mmax
 * The window x is an integral atom; y a list of numbers or temporals, or a dict or table of
 * them (each value or column). */
static bool window_ok(K x) { return x->t == -KB || x->t == -KG || x->t == -KH || x->t == -KI || x->t == -KJ; }
static bool moving_ok(int t) { return t == KB || (t >= KG && t <= KF) || (t >= KP && t <= KT); }

static bool moving_args(K x, K y, bool chars) { /* a window and a list; else both released */
    if (window_ok(x) && (moving_ok(y->t) || (chars && y->t == KC)))
        return true;
    r0(x);
    r0(y);
    return false;
}

static K msum_list(K x, K y) {
    K s = prim_sums(y);
    if (!s)
        return r0(x), NULL;
    K lag = prim_join(prim_mul(ki(0), prim_take(r1(x), r1(s))), r1(s));
    return prim_sub(s, prim_drop(prim_neg(x), lag));
}

static K mcount_list(K x, K y) {
    return prim_cast(ks("long"), msum_list(x, prim_not(prim_null(y))));
}

static K mavg_list(K x, K y) {
    K n = mcount_list(r1(x), r1(y));
    return prim_fdiv(msum_list(x, prim_fill(kf(0), prim_cast(ks("float"), y))), n);
}

#define MOVING(name, list, chars)                                                                \
    K name(K x, K y) {                                                                           \
        PRIM_ARGS2(x, y);                                                                        \
        PRIM_SQUASH2(x, y);                                                                      \
        if (uniform_shape(y)) {                                                                  \
            K r = uniform_cols(x, y, name, NULL);                                                \
            r0(x);                                                                               \
            return r;                                                                            \
        }                                                                                        \
        return moving_args(x, y, chars) ? list(x, y) : kerr("type");                             \
    }

static K mdev_list(K x, K y) {
    K f = prim_cast(ks("float"), y);
    if (!f)
        return r0(x), NULL;
    K m = mavg_list(r1(x), r1(f));
    K m2 = mavg_list(x, prim_mul(r1(f), f));
    return prim_sqrt(prim_sub(m2, m ? prim_mul(r1(m), m) : NULL));
}

static J window_len(K x) {
    return x->t == -KJ ? x->j : x->t == -KI ? x->i : x->t == -KH ? x->h : x->g;
}

/* mmax skips nulls (a window of nulls gives the type's -infinity); for mmin null is the least
 * value.  Booleans, bytes and chars have no null here: they compare as unsigned bytes. */
static K mextreme_list(K x, K y, bool mx) {
    J m = window_len(x), n = y->n;
    r0(x);
    if (m <= 0) /* (x-1) prior[or;]/y applied no times (q.k; ref/min.md): y */
        return y;
    K r = obj_vec(y->t, n);
    if (!r) { r0(y); return NULL; }
#define MOV_EXT(T, NUL, INF, NULLV) { \
        T *s = (T *)kG(y), *o = (T *)kG(r); \
        for (J i = 0; i < n; i++) { \
            T best = mx ? -(INF) : (INF); \
            bool hasnull = false; \
            for (J k = i - m + 1 < 0 ? 0 : i - m + 1; k <= i; k++) { \
                T v = s[k]; \
                if (NUL) { hasnull = true; continue; } \
                if (mx ? v > best : v < best) best = v; \
            } \
            o[i] = !mx && hasnull ? (NULLV) : best; \
        } }
    switch (obj_width(y->t)) {
    case 1: { G *s = kG(y), *o = kG(r);
        for (J i = 0; i < n; i++) {
            G best = mx ? 0 : 255;
            for (J k = i - m + 1 < 0 ? 0 : i - m + 1; k <= i; k++)
                if (mx ? s[k] > best : s[k] < best) best = s[k];
            o[i] = best;
        } } break;
    case 2: MOV_EXT(H, v == nh, wh, nh) break;
    case 4:
        if (y->t == KE) MOV_EXT(E, v != v, (E)wf, (E)nf)
        else MOV_EXT(I, v == ni, wi, ni)
        break;
    default:
        if (y->t == KF || y->t == KZ) MOV_EXT(F, v != v, wf, nf)
        else MOV_EXT(J, v == nj, wj, nj)
        break;
    }
#undef MOV_EXT
    r0(y);
    return r;
}
static K mmax_list(K x, K y) { return mextreme_list(x, y, true); }
static K mmin_list(K x, K y) { return mextreme_list(x, y, false); }

MOVING(prim_msum, msum_list, false)
MOVING(prim_mcount, mcount_list, false)
MOVING(prim_mavg, mavg_list, false)
MOVING(prim_mdev, mdev_list, true)
MOVING(prim_mmax, mmax_list, true)
MOVING(prim_mmin, mmin_list, true)
#undef MOVING

K prim_ema(K x, K y) {
    PRIM_ARGS2(x, y);
    PRIM_SQUASH2(x, y);
    if (x->t < 0 && uniform_shape(y)) { /* uniform: a dict's values, a table's columns */
        K r = uniform_cols(x, y, prim_ema, NULL);
        r0(x);
        return r;
    }
    /* (first y)(1f-x)\x*y (q.k): r[0] is y[0], then r[i] = x*y[i] + (1-x)*r[i-1], as floats
     * (a null is 0n from there on) */
    x = prim_cast(ks("float"), x);
    y = x ? prim_cast(ks("float"), y) : (r0(y), NULL);
    if (!x || !y) {
        r0(x);
        return NULL;
    }
    if (y->t < 0 || (x->t > 0 && x->n != y->n)) {
        bool atom = y->t < 0;
        r0(x);
        if (atom)
            return y;
        r0(y);
        return kerr("length");
    }
    J n = y->n;
    K r = obj_vec(KF, n);
    if (!r) {
        r0(x);
        r0(y);
        return NULL;
    }
    const F *v = kF(y), *w = x->t < 0 ? &x->f : kF(x);
    bool each = x->t > 0;
    F prevv = 0;
    for (J i = 0; i < n; i++) {
        F a = w[each ? i : 0];
        prevv = i == 0 ? v[0] : a * v[i] + (1 - a) * prevv;
        kF(r)[i] = prevv;
    }
    r0(x);
    r0(y);
    return r;
}

K prim_wsum(K x, K y) {
    PRIM_ARGS2(x, y);
    PRIM_SQUASH2(x, y);
    /* two simple vectors give a float (as x$y); otherwise sum x*y keeps the type */
    bool vv = x->t > 0 && x->t < KENUM && y->t > 0 && y->t < KENUM;
    return prim_sum(prim_mul(vv ? prim_cast(ks("float"), x) : x, y));
}
K prim_wavg(K x, K y) {
    PRIM_ARGS2(x, y);
    PRIM_SQUASH2(x, y);
    x = stat_floats(x, true);
    y = stat_floats(y, true);
    PRIM_ARGS2(x, y);
    /* pairs whose product is null are left out of both sums */
    K w = r1(x);
    K p = prim_mul(x, y);
    if (!p) { r0(w); return NULL; }
    K used = prim_not(prim_null(r1(p)));
    return prim_fdiv(prim_sum(p), prim_sum(prim_mul(w, used)));
}

K prim_cov(K x, K y) {
    PRIM_ARGS2(x, y);
    PRIM_SQUASH2(x, y);
    x = stat_floats(x, true);
    y = stat_floats(y, true);
    PRIM_ARGS2(x, y);
    K mx = prim_avg(r1(x)), my = prim_avg(r1(y));
    return prim_sub(prim_avg(prim_mul(x, y)), prim_mul(mx, my));
}

K prim_cor(K x, K y) {
    PRIM_ARGS2(x, y);
    PRIM_SQUASH2(x, y);
    x = stat_floats(x, true);
    y = stat_floats(y, true);
    PRIM_ARGS2(x, y);
    /* pairs with a null on either side are left out */
    if (x->t > 0 && x->t < KENUM && y->t > 0 && y->t < KENUM && x->n == y->n) {
        K keep = prim_where(prim_not(prim_max2(prim_null(r1(x)), prim_null(r1(y)))));
        if (!keep) {
            r0(x);
            r0(y);
            return NULL;
        }
        x = prim_at(x, r1(keep));
        y = prim_at(y, keep);
        if (!x || !y) {
            r0(x);
            r0(y);
            return NULL;
        }
    }
    K c = prim_cov(r1(x), r1(y));
    return prim_fdiv(c, prim_mul(prim_dev(x), prim_dev(y)));
}

/* (n*cov[x;y])%n-1 where n counts the pairs with no null (q.k) */
K prim_scov(K x, K y) {
    PRIM_ARGS2(x, y);
    PRIM_SQUASH2(x, y);
    K nulls = prim_sum(prim_max2(prim_null(r1(x)), prim_null(r1(y)))); /* null x+y, any types */
    if (!nulls) {
        r0(x);
        r0(y);
        return NULL;
    }
    J n = obj_count(x) - (nulls->t == -KI ? nulls->i : nulls->t == -KJ ? nulls->j : 0);
    r0(nulls);
    return prim_mul(prim_cov(x, y), kf(n > 1 ? (F)n / (n - 1) : nf));
}

/* ---- differ: each item against the one before, as ~ (floats within the tolerance) ---------- */

K prim_differ(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    if (x->t < 0) { /* not x~x: an atom never differs from itself */
        r0(x);
        return kb(0);
    }
    if (x->t == XD) { /* uniform: a dict's (a keyed table's) values, under its keys */
        K k = r1(DICT_KEYS(x)), v = prim_differ(r1(DICT_VALS(x)));
        r0(x);
        return v ? xD(k, v) : (r0(k), NULL);
    }
    if (x->t == XT) { /* rows: each against the one before */
        J n = obj_count(x);
        K r = obj_vec(KB, n);
        K cols = TABLE_DATA(x);
        for (J i = 0; r && i < n; i++) {
            bool same = i > 0;
            for (J c = 0; same && c < cols->n; c++)
                same = prim_items_match(kK(cols)[c], i, kK(cols)[c], i - 1);
            kG(r)[i] = !same;
        }
        r0(x);
        return r;
    }
    if (x->t < 0 || x->t >= XT) {
        r0(x);
        return kerr("type");
    }
    J n = obj_count(x);
    K r = obj_vec(KB, n);
    for (J i = 0; r && i < n; i++) { /* floats within the comparison tolerance, as ~ */
        if (i && (x->t == KF || x->t == KZ))
            kG(r)[i] = !prim_float_eq(kF(x)[i], kF(x)[i - 1]);
        else if (i && x->t == KE)
            kG(r)[i] = !prim_float_eq(kE(x)[i], kE(x)[i - 1]);
        else if (i && x->t == 0) {
            kG(r)[i] = !prim_match_borrow(kK(x)[i], kK(x)[i - 1]);
        } else
            kG(r)[i] = i == 0 || !prim_items_match(x, i, x, i - 1);
    }
    r0(x);
    return r;
}
