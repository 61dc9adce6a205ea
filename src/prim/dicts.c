/* dicts.c -- ! (dict, enumeration by index, key and unkey a table) and dictionaries merged
 * by key (what , and the arithmetic do to dictionaries and keyed tables). */
#include <stdlib.h>

#include "prims.h"
#include "primint.h"

/* the position in keys xk of each key of yk (count xk when absent); table keys match by
 * rows of the same-named columns */
static K key_positions(const K xk, const K yk) {
    if (xk->t == XT && yk->t == XT) {
        K cols = prim_columns_named(yk, TABLE_COLS(xk));
        if (!cols)
            return NULL;
        RowIndex ix = {0};
        K g = rows_index_new(TABLE_DATA(xk), &ix) ? rows_index_find(&ix, cols) : NULL;
        if (g)
            for (J i = 0; i < g->n; i++)
                kJ(g)[i] = kJ(g)[i] < 0 ? ix.n : ix.first[kJ(g)[i]];
        if (ix.keys)
            rows_index_free(&ix);
        r0(cols);
        return g;
    }
    return prim_find_all(xk, yk);
}

/* item i of x, or row i of a table as a dictionary (borrows x) */
static K item_or_row(const K x, J i) {
    if (x->t != XT)
        return prim_item(x, i);
    K vals = ktn(0, TABLE_COLS(x)->n);
    for (J c = 0; c < vals->n; c++)
        kK(vals)[c] = prim_item(kK(TABLE_DATA(x))[c], i);
    K row = prim_collect(kK(vals), vals->n);
    vals->n = 0;
    r0(vals);
    return xD(r1(TABLE_COLS(x)), row);
}

/* items (or a table's rows) pos of x, both borrowed */
static K rows_at(const K x, const K pos) {
    if (x->t != XT)
        return prim_gather(x, pos);
    K cols = ktn(0, TABLE_COLS(x)->n);
    for (J c = 0; c < cols->n; c++)
        kK(cols)[c] = prim_gather(kK(TABLE_DATA(x))[c], pos);
    return xT(xD(r1(TABLE_COLS(x)), cols));
}

/* dictionaries x and y (consumed) merged by key: x's keys, then y's new ones; where a key is
 * in both, combine(x value, y value) (NULL: y's value), else the value of the side that has
 * it.  What , and the arithmetic do to dictionaries and keyed tables. */
K prim_dict_merge(K x, K y, K (*combine)(K, K)) {
    K xk = DICT_KEYS(x), yk = DICT_KEYS(y), xv = DICT_VALS(x), yv = DICT_VALS(y);
    if (prim_match_borrow(xk, yk)) { /* the same keys: combine the values whole */
        K k = r1(xk);
        K v = combine ? combine(r1(xv), r1(yv)) : r1(yv);
        r0(x);
        r0(y);
        return v ? xD(k, v) : (r0(k), NULL);
    }
    K pos = key_positions(xk, yk);
    if (!pos) {
        r0(x);
        r0(y);
        return NULL;
    }
    J nx = obj_count(xk), ny = obj_count(yk);
    K items = ktn(0, nx);
    for (J i = 0; i < nx; i++)
        kK(items)[i] = item_or_row(xv, i);
    K fresh = ktn(KJ, 0);
    for (J j = 0; j < ny; j++) {
        J p = kJ(pos)[j];
        K v = item_or_row(yv, j);
        if (p < nx) {
            K old = kK(items)[p];
            kK(items)[p] = combine ? combine(old, v) : (r0(old), v);
            if (!kK(items)[p]) {
                kK(items)[p] = obj_identity();
                r0(items); r0(fresh); r0(pos); r0(x); r0(y);
                return NULL;
            }
        } else {
            jk(&items, v);
            ja(&fresh, &j);
        }
    }
    K keys = prim_join(r1(xk), rows_at(yk, fresh));
    r0(fresh);
    r0(pos);
    K vals = prim_collect(kK(items), items->n);
    items->n = 0;
    r0(items);
    r0(x);
    r0(y);
    return keys && vals ? xD(keys, vals) : (r0(keys), r0(vals), NULL);
}

K prim_dict(K x, K y) {
    PRIM_ARGS2(x, y);
    if (x->t == XT && y->t == XT)
        return xD(x, y);
    if (x->t == -KS && x->s[0] != ':' && (y->t == KJ || y->t == KI || y->t == -KJ || y->t == -KI)) {
        /* `x!0 1 2: the enumeration over `x with those indices */
        int t = enum_type_for(x->s);
        r0(x);
        if (!t) {
            r0(y);
            return kerr("limit");
        }
        K e = y->t == KI || y->t == -KI ? prim_cast(kc('j'), y) : obj_own(y);
        if (e)
            e->t = (signed char)(e->t < 0 ? -t : t);
        return e;
    }
    if ((x->t == -KJ || x->t == -KI) && y->t == -KS) /* n!`t: key (or unkey) t in place */
        return prim_in_place(prim_dict, x, y);
    if ((x->t == -KJ || x->t == -KI) && (y->t == XT || obj_is_keyed(y))) {
        /* n!t: key the first n columns (0!t: unkeyed) */
        J n = x->t == -KJ ? x->j : x->i;
        r0(x);
        if (obj_is_keyed(y))
            y = ktd(y);
        if (!y)
            return NULL;
        if (n == 0)
            return y;
        K names = TABLE_COLS(y), cols = TABLE_DATA(y);
        if (n < 0 || n > names->n) {
            r0(y);
            return kerr("length");
        }
        K kn = ktn(KS, n), kc = ktn(0, n), vn = ktn(KS, names->n - n), vc = ktn(0, names->n - n);
        for (J i = 0; i < names->n; i++) {
            if (i < n) {
                kS(kn)[i] = kS(names)[i];
                kK(kc)[i] = r1(kK(cols)[i]);
            } else {
                kS(vn)[i - n] = kS(names)[i];
                kK(vc)[i - n] = r1(kK(cols)[i]);
            }
        }
        r0(y);
        return xD(xT(xD(kn, kc)), xT(xD(vn, vc)));
    }
    if (x->t < 0) {
        K xl = prim_probe_list(x);
        K yl = y->t < 0 ? prim_probe_list(y) : obj_list(1, y);
        return xD(xl, yl);
    }
    if (x->t >= KLAMBDA || y->t >= KLAMBDA) { /* functions are neither keys nor values here */
        r0(x);
        r0(y);
        return kerr("type");
    }
    if (x->t < XT && (y->t < 0 || obj_count(x) != obj_count(y))) {
        r0(x);
        r0(y);
        return kerr("length");
    }
    return xD(x, y);
}

