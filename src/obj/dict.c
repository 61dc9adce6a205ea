/* dict.c -- dictionaries and tables: construction and the keyed/unkeyed conversions that
 * every layer needs.  Operations on them (lookup, join, select) live in src/prim. */
#include "obj.h"

K xD(K keys, K vals) {
    if (!keys || !vals) {
        r0(keys);
        r0(vals);
        return NULL;
    }
    if (obj_count(keys) != obj_count(vals)) {
        r0(keys);
        r0(vals);
        return kerr("length");
    }
    K d = obj_vec(XD, 2);
    if (!d) {
        r0(keys);
        r0(vals);
        return NULL;
    }
    DICT_KEYS(d) = keys;
    DICT_VALS(d) = vals;
    return d;
}

/* A table needs a symbol vector of names and a general list of equal-length vectors. */
K xT(K dict) {
    if (!dict)
        return NULL;
    if (dict->t != XD || DICT_KEYS(dict)->t != KS || DICT_VALS(dict)->t != 0) {
        r0(dict);
        return kerr("type");
    }
    K cols = DICT_VALS(dict);
    for (J i = 0; i < cols->n; i++) {
        K c = kK(cols)[i];
        if (c->t < 0 || c->t >= XT || obj_count(c) != obj_count(kK(cols)[0])) {
            const char *err = c->t < 0 ? "type" : "length";
            r0(dict);
            return kerr(err);
        }
    }
    K t = obj_atom(0);
    if (!t) {
        r0(dict);
        return NULL;
    }
    t->t = XT;
    t->k = dict;
    return t;
}

/* A keyed table ([k]v) becomes the table of its key columns then its value columns. */
K ktd(K x) {
    if (!x || !obj_is_keyed(x))
        return x;
    K kt = DICT_KEYS(x), vt = DICT_VALS(x);
    K names = obj_vec(KS, TABLE_COLS(kt)->n + TABLE_COLS(vt)->n);
    K cols = ktn(0, names ? names->n : 0);
    if (!names || !cols) {
        r0(names);
        r0(cols);
        r0(x);
        return NULL;
    }
    J j = 0;
    for (int side = 0; side < 2; side++) {
        K t = side ? vt : kt;
        for (J i = 0; i < TABLE_COLS(t)->n; i++, j++) {
            kS(names)[j] = kS(TABLE_COLS(t))[i];
            kK(cols)[j] = r1(kK(TABLE_DATA(t))[i]);
        }
    }
    r0(x);
    return xT(xD(names, cols));
}
