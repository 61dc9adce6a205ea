/* list.c -- helpers every primitive family shares: typed nulls, an item of a list as an
 * atom, and collecting results into a simple vector or a general list; @ (through the
 * evaluator's service) and the vector conditional ?[c;x;y]. */
#include <stdlib.h>

#include "primint.h"
#include "prims.h"

/* ---- typed nulls ---------------------------------------------------------------------------- */

K prim_null_of(int t) {
    if (t < 0)
        t = -t;
    K x;
    switch (t) {
    case KB: return kb(0);
    case UU: return ku(null_guid);
    case KG: return kg(0);
    case KH: return kh(nh);
    case KI: return ki(ni);
    case KJ: return kj(nj);
    case KE: return ke(nf);
    case KF: return kf(nf);
    case KC: return kc(' ');
    case KS: x = obj_atom(-KS); if (x) x->s = sym_null; return x;
    case KP: case KN: return ktj(-t, nj);
    case KM: case KD: case KU: case KV: case KT: x = obj_atom(-t); if (x) x->i = ni; return x;
    case KZ: return kz(nf);
    }
    if (obj_is_enum(t)) { /* an index that is no position: the null symbol when read */
        x = obj_atom(-t);
        if (x)
            x->j = nj;
        return x;
    }
    return obj_identity();
}

K prim_proto(const K x) {
    if (x->t < 0)
        return prim_null_of(x->t);
    if (x->t > 0 && x->t <= KENUM_LAST) {
        K nul = prim_null_of(x->t);
        K v = nul ? obj_vec(x->t, x->n) : NULL;
        int w = obj_width(x->t);
        for (J i = 0; v && i < x->n; i++)
            memcpy(kG(v) + (size_t)i * w, x->t == UU ? (void *)kG(nul) : (void *)&nul->g, w);
        if (nul)
            r0(nul);
        return v;
    }
    if (x->t != 0 && x->t != XD && x->t != XT)
        return obj_identity();
    if (!obj_stack_ok())
        return kerr("stack");
    if (x->t == XD) {
        K vals = prim_proto(DICT_VALS(x));
        return vals ? xD(r1(DICT_KEYS(x)), vals) : NULL;
    }
    if (x->t == XT) {
        K d = prim_proto(x->k);
        return d ? xT(d) : NULL;
    }
    K v = ktn(0, x->n);
    for (J i = 0; v && i < x->n; i++)
        kK(v)[i] = prim_proto(kK(x)[i]);
    return v ? prim_all_made(v) : NULL;
}

/* item i of a simple vector as an atom (borrows v); an atom, a function or anything else
 * without items is its own only item (so loops over obj_count stay in bounds) */
K prim_item(K v, J i) {
    while (v->t == XD) /* a dictionary's value (its values may be a dict again) */
        v = DICT_VALS(v);
    if (v->t == 0)
        return r1(kK(v)[i]);
    if (v->t == XT) { /* a table's row */
        K vals = ktn(0, 0), src = TABLE_DATA(v);
        for (J c = 0; c < src->n; c++)
            jk(&vals, prim_item(kK(src)[c], i));
        if (vals) { /* the row's values a vector when its cells are atoms of one type */
            K row = prim_collect(kK(vals), vals->n);
            vals->n = 0;
            r0(vals);
            vals = row;
        }
        return vals ? xD(r1(TABLE_COLS(v)), vals) : NULL;
    }
    if (v->t < 0 || v->t >= KENUM_LAST + 1 || i < 0 || i >= v->n)
        return v->t > 0 && v->t <= KENUM_LAST ? prim_null_of(obj_is_enum(v->t) ? KJ : v->t) : r1(v);
    if (obj_is_enum(v->t)) {
        K a = obj_atom(-v->t);
        if (a)
            a->j = kJ(v)[i];
        return a;
    }
    K a = obj_atom(-v->t);
    if (!a)
        return NULL;
    int w = obj_width(v->t);
    if (v->t == UU)
        memcpy(kG(a), kG(v) + i * 16, 16);
    else
        memcpy(&a->g, kG(v) + (size_t)i * w, w);
    return a;
}

/* Collect n result items (consumed) into a simple vector when they are atoms of one type,
 * else a general list: how each, scan and friends return. */
K prim_collect(K *items, J n) {
    if (n == 0)
        return ktn(0, 0);
    int t = items[0]->t;
    bool uniform = (t < 0 && t > -KENUM) || obj_is_enum(-t);
    for (J i = 1; uniform && i < n; i++)
        uniform = items[i]->t == t;
    if (uniform) {
        K v = obj_vec(-t, n);
        if (!v) {
            for (J i = 0; i < n; i++)
                r0(items[i]);
            return NULL;
        }
        int w = obj_width(-t);
        for (J i = 0; i < n; i++) {
            if (t == -UU)
                memcpy(kG(v) + i * 16, kG(items[i]), 16);
            else
                memcpy(kG(v) + (size_t)i * w, &items[i]->g, w);
            r0(items[i]);
        }
        return v;
    }
    K v = obj_vec(0, n);
    if (!v) {
        for (J i = 0; i < n; i++)
            r0(items[i]);
        return NULL;
    }
    memcpy(kK(v), items, (size_t)n * sizeof(K));
    return prim_rows_table(v);
}

/* A general list (consumed) whose items are atoms of one simple type, as the vector of that
 * type; anything else unchanged.  Clients (PyKX among them) send lists of numbers this way,
 * and q's arithmetic, aggregate, search and order keywords treat them as the typed list. */
K prim_squash(K x) {
    if (!x || x->t != 0 || x->n == 0)
        return x;
    int t = kK(x)[0]->t;
    if (!(t < 0 && t > -KENUM))
        return x;
    for (J i = 1; i < x->n; i++)
        if (kK(x)[i]->t != t)
            return x;
    K v = obj_vec(-t, x->n);
    if (!v) {
        r0(x);
        return NULL;
    }
    int w = obj_width(-t);
    for (J i = 0; i < x->n; i++)
        memcpy(kG(v) + (size_t)i * w, t == -UU ? (void *)kG(kK(x)[i]) : (void *)&kK(x)[i]->g, w);
    r0(x);
    return v;
}

/* f over a dictionary's values (keys kept), a table's columns, a keyed table's value table
 * (x consumed): how uniform keywords (next, prev, deltas, fills, casts) apply to them; any
 * other x is f x */
K prim_uniform(K x, K (*f)(K)) {
    if (!x)
        return NULL;
    if (x->t == XD) {
        K k = r1(DICT_KEYS(x)), v = prim_uniform(r1(DICT_VALS(x)), f);
        r0(x);
        return v ? xD(k, v) : (r0(k), NULL);
    }
    if (x->t != XT)
        return f(x);
    K names = r1(TABLE_COLS(x)), cols = TABLE_DATA(x);
    K out = ktn(0, cols->n);
    for (J i = 0; out && i < cols->n; i++)
        if (!(kK(out)[i] = f(r1(kK(cols)[i])))) {
            out->n = i;
            r0(out);
            out = NULL;
        }
    r0(x);
    return out ? xT(xD(names, out)) : (r0(names), NULL);
}

/* a general list (consumed) of dictionaries with the same symbol keys is a table, as in q:
 * one column per key; any other list comes back as it is */
K prim_rows_table(K x) {
    PRIM_ARGS1(x);
    if (x->t != 0 || x->n == 0 || kK(x)[0]->t != XD)
        return x;
    K keys = DICT_KEYS(kK(x)[0]);
    if (keys->t != KS || keys->n == 0)
        return x;
    for (J i = 1; i < x->n; i++) {
        K d = kK(x)[i];
        if (d->t != XD || DICT_KEYS(d)->t != KS || DICT_KEYS(d)->n != keys->n ||
            memcmp(kS(DICT_KEYS(d)), kS(keys), (size_t)keys->n * sizeof(S)))
            return x;
    }
    K cols = ktn(0, keys->n);
    for (J c = 0; c < keys->n; c++) {
        K items = ktn(0, x->n);
        for (J r = 0; r < x->n; r++)
            kK(items)[r] = prim_item(DICT_VALS(kK(x)[r]), c);
        kK(cols)[c] = prim_collect(kK(items), items->n);
        items->n = 0;
        r0(items);
    }
    K names = r1(keys);
    r0(x);
    return xT(xD(names, cols));
}


K prim_all_made(K list) {
    if (!list)
        return NULL;
    for (J i = 0; i < list->n; i++)
        if (!kK(list)[i]) {
            r0(list);
            return NULL;
        }
    return list;
}

/* f(item, ctx) for each item of list x (consumed), collected as prim_collect does: how the
 * monadic keywords go into general lists */
K prim_map(K x, K (*f)(K item, const void *ctx), const void *ctx) {
    if (!obj_stack_ok()) { /* f usually maps back here for nested items */
        r0(x);
        return NULL;
    }
    J n = x->n;
    K *items = mem_raw_alloc((size_t)(n ? n : 1) * sizeof(K));
    if (!items) {
        r0(x);
        return kerr("wsfull");
    }
    for (J i = 0; i < n; i++) {
        items[i] = f(prim_item(x, i), ctx);
        if (!items[i]) {
            for (J k = 0; k < i; k++)
                r0(items[k]);
            mem_raw_free(items);
            r0(x);
            return NULL;
        }
    }
    r0(x);
    K r = prim_collect(items, n);
    mem_raw_free(items);
    return r;
}

/* ---- @ and the vector conditional ---------------------------------------------------------- */

/* x@y: x applied to y, or indexed at y (the evaluator's application, RT->svc.apply) */
K prim_at(K x, K y) {
    PRIM_ARGS2(x, y);
    return RT->svc.apply(x, &y, 1);
}

/* ?[c;x;y]: x where boolean c is true, else y, item by item (atoms x, y stand for every
 * item); a boolean atom c picks one whole (all consumed) */
K prim_vector_cond(K c, K x, K y) {
    if (c->t != KB && c->t != -KB) {
        r0(c); r0(x); r0(y);
        return kerr("type");
    }
    if (c->t == -KB) {
        bool pick = c->g;
        r0(c);
        r0(pick ? y : x);
        return pick ? x : y;
    }
    J len = c->n;
    K *items = mem_raw_alloc((size_t)(len ? len : 1) * sizeof(K));
    if (!items) {
        r0(c); r0(x); r0(y);
        return kerr("wsfull");
    }
    for (J i = 0; i < len; i++) {
        K src = kG(c)[i] ? x : y;
        items[i] = src->t < 0 ? r1(src) : prim_item(src, i);
    }
    K r = prim_collect(items, len);
    mem_raw_free(items);
    r0(c); r0(x); r0(y);
    return r;
}
