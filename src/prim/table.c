/* table.c -- table keywords and joins: xkey xcol xcols xasc xdesc meta insert upsert lj ij
 * pj uj aj aj0 cross tables hsym.
 *
 * Tables are (names ! columns); a keyed table is (key table ! value table).  Helpers here
 * take tables apart into names and columns and put them back, so each keyword is a few lines
 * of column work. */
#include <stdio.h>
#include <stdlib.h>

#include "prims.h"
#include "primint.h"

extern K (*prim_global_get)(S name);
extern K (*prim_global_names)(S ns);
int lang_set(S name, K v);

static K fail(K a, K b, const char *err) {
    r0(a);
    r0(b);
    return kerr(err);
}

/* position of column `name` in table t, or -1 (borrows) */
static J col_index(const K t, S name) {
    K names = TABLE_COLS(t);
    for (J i = 0; i < names->n; i++)
        if (kS(names)[i] == name)
            return i;
    return -1;
}

/* a table from names and columns, both consumed */
static K make_table(K names, K cols) { return xT(xD(names, cols)); }

/* rows idx (borrowed long vector) of every column of t (borrowed) */
static K take_rows(const K t, const K idx) {
    K names = r1(TABLE_COLS(t));
    K cols = ktn(0, names->n);
    for (J c = 0; c < names->n; c++)
        kK(cols)[c] = prim_at(r1(kK(TABLE_DATA(t))[c]), r1(idx));
    return make_table(names, cols);
}

/* the table of a keyed table's key and value columns together; a table as is (consumed) */
static K unkey(K t) { return obj_is_keyed(t) ? ktd(t) : t; }

K prim_xkey(K x, K y) {
    if (x->t == -KS)
        x = prim_enlist(x);
    if (x->t != KS)
        return fail(x, y, "type");
    K t = unkey(y);
    if (!t || t->t != XT) {
        r0(x);
        r0(t);
        return kerr("type");
    }
    if (x->n == 0) {
        r0(x);
        return t;
    }
    /* keys first, in the order given */
    K names = TABLE_COLS(t);
    K order = ktn(KS, 0);
    for (J i = 0; i < x->n; i++) {
        if (col_index(t, kS(x)[i]) < 0) {
            S miss = kS(x)[i];
            r0(order);
            r0(x);
            r0(t);
            return kerr(miss);
        }
        js(&order, kS(x)[i]);
    }
    for (J i = 0; i < names->n; i++) {
        bool key = false;
        for (J k = 0; k < x->n; k++)
            key = key || kS(x)[k] == kS(names)[i];
        if (!key)
            js(&order, kS(names)[i]);
    }
    J nk = x->n;
    r0(x);
    K reordered = prim_take(order, t);
    return reordered ? prim_dict(kj(nk), reordered) : NULL;
}

K prim_xcol(K x, K y) {
    if (x->t == -KS)
        x = prim_enlist(x);
    bool keyed = obj_is_keyed(y);
    J nk = keyed ? TABLE_COLS(DICT_KEYS(y))->n : 0;
    K t = unkey(y);
    if (x->t != KS || !t || t->t != XT)
        return fail(x, t, "type");
    K names = obj_own(r1(TABLE_COLS(t)));
    for (J i = 0; i < x->n && i < names->n; i++)
        kS(names)[i] = kS(x)[i];
    K cols = r1(TABLE_DATA(t));
    r0(x);
    r0(t);
    K r = make_table(names, cols);
    return keyed && r ? prim_dict(kj(nk), r) : r;
}

K prim_xcols(K x, K y) {
    if (x->t == -KS)
        x = prim_enlist(x);
    if (x->t != KS || y->t != XT)
        return fail(x, y, "type");
    K names = TABLE_COLS(y);
    K order = r1(x);
    for (J i = 0; i < names->n; i++) {
        bool listed = false;
        for (J k = 0; k < x->n; k++)
            listed = listed || kS(x)[k] == kS(names)[i];
        if (!listed)
            js(&order, kS(names)[i]);
    }
    r0(x);
    return prim_take(order, y);
}

static K sort_by(K x, K y, bool desc) {
    if (x->t == -KS)
        x = prim_enlist(x);
    bool keyed = obj_is_keyed(y);
    J nk = keyed ? TABLE_COLS(DICT_KEYS(y))->n : 0;
    K t = unkey(y);
    if (x->t != KS || !t || t->t != XT)
        return fail(x, t, "type");
    J n = obj_count(t);
    K idx = prim_til(kj(n));
    /* stable sorts from the last key to the first give the lexicographic order */
    for (J k = x->n - 1; idx && k >= 0; k--) {
        J c = col_index(t, kS(x)[k]);
        if (c < 0) {
            S miss = kS(x)[k];
            r0(idx);
            r0(x);
            r0(t);
            return kerr(miss);
        }
        K col = prim_at(r1(kK(TABLE_DATA(t))[c]), r1(idx));
        K g = desc ? prim_idesc(col) : prim_iasc(col);
        idx = prim_at(idx, g);
    }
    r0(x);
    K r = idx ? take_rows(t, idx) : NULL;
    r0(idx);
    r0(t);
    if (r && !keyed && !desc && r->t == XT && TABLE_DATA(r)->n) {
        /* q marks the first sort column sorted */
    }
    return keyed && r ? prim_dict(kj(nk), r) : r;
}

K prim_xasc(K x, K y) { return sort_by(x, y, false); }
K prim_xdesc(K x, K y) { return sort_by(x, y, true); }

/* meta t: c | t f a (type char, foreign key, attribute) */
K prim_meta(K x) {
    if (x->t == -KS && prim_global_get) {
        K v = prim_global_get(x->s);
        r0(x);
        if (!v)
            return kerr("type");
        x = v;
    }
    K t = unkey(x);
    if (!t || t->t != XT) {
        r0(t);
        return kerr("type");
    }
    static const char letters[] = " bg xhijefcspmdznuvt";
    K names = TABLE_COLS(t), cols = TABLE_DATA(t);
    J n = names->n;
    K tc = ktn(KC, n), fk = ktn(KS, n), at = ktn(KS, n);
    for (J i = 0; i < n; i++) {
        K c = kK(cols)[i];
        int ty = c->t;
        char ch = ty > 0 && ty < 20 ? letters[ty] : obj_is_enum(ty) ? 's' : ' ';
        if (ty == 0 && c->n && kK(c)[0]->t > 0 && kK(c)[0]->t < 20)
            ch = (char)(letters[kK(c)[0]->t] - 32); /* a nested column: upper case */
        kC(tc)[i] = ch;
        kS(fk)[i] = sym_null;
        static const char *attrs[] = {"", "s", "u", "p", "g"};
        kS(at)[i] = ss((S)(c->t > 0 && c->u < 5 ? attrs[(int)c->u] : ""));
    }
    K kn = ktn(KS, 1);
    kS(kn)[0] = ss("c");
    K keys = make_table(kn, obj_list(1, r1(names)));
    K vn = ktn(KS, 3);
    kS(vn)[0] = ss("t");
    kS(vn)[1] = ss("f");
    kS(vn)[2] = ss("a");
    K vals = make_table(vn, obj_list(3, tc, fk, at));
    r0(t);
    return xD(keys, vals);
}

/* rows of y (a table, a dict, or a list of column values) appended to table x */
static K append_rows(K x, K y) {
    if (y->t == XD && !obj_is_keyed(y))
        y = prim_enlist(y);
    if (y->t == 0 && x->t == XT) {
        /* a list of column values (atoms or vectors) */
        K names = r1(TABLE_COLS(x));
        K cols = ktn(0, names->n);
        if (y->n != names->n) {
            r0(names);
            r0(cols);
            return fail(x, y, "length");
        }
        for (J i = 0; i < names->n; i++) {
            K v = r1(kK(y)[i]);
            kK(cols)[i] = v->t < 0 ? prim_enlist(v) : v;
        }
        r0(y);
        y = make_table(names, cols);
        if (!y) {
            r0(x);
            return NULL;
        }
    }
    if (y->t != XT || x->t != XT)
        return fail(x, y, "type");
    return prim_join(x, y);
}

K prim_insert(K x, K y) {
    if (x->t != -KS || !prim_global_get)
        return fail(x, y, "type");
    S name = x->s;
    K t = prim_global_get(name);
    if (!t) {
        r0(y);
        K e = kerr(name);
        r0(x);
        return e;
    }
    J before = obj_count(t);
    K r = append_rows(t, y);
    r0(x);
    if (!r)
        return NULL;
    J after = obj_count(r);
    if (lang_set(name, r) < 0)
        return NULL;
    K idx = ktn(KJ, after - before);
    for (J i = 0; i < idx->n; i++)
        kJ(idx)[i] = before + i;
    return idx;
}

/* upsert: keyed targets update matching keys and append the rest; tables append */
static K upsert_value(K x, K y) {
    if (!obj_is_keyed(x))
        return append_rows(x, y);
    K kt = DICT_KEYS(x);
    J nk = TABLE_COLS(kt)->n;
    K flat = ktd(r1(x));
    if (y->t == XD && !obj_is_keyed(y))
        y = prim_enlist(y);
    K yflat = obj_is_keyed(y) ? ktd(y) : y;
    if (!flat || !yflat || flat->t != XT || yflat->t != XT) {
        r0(x);
        r0(flat);
        r0(yflat);
        return kerr("type");
    }
    r0(x);
    /* for each new row: find its key among the existing rows */
    J n = obj_count(flat), m = obj_count(yflat);
    for (J r = 0; r < m && flat; r++) {
        J found = -1;
        for (J i = 0; i < n && found < 0; i++) {
            bool eq = true;
            for (J k = 0; k < nk && eq; k++) {
                J cy = col_index(yflat, kS(TABLE_COLS(flat))[k]);
                if (cy < 0) {
                    eq = false;
                    break;
                }
                K a = prim_item(kK(TABLE_DATA(flat))[k], i), b = prim_item(kK(TABLE_DATA(yflat))[cy], r);
                eq = prim_match_borrow(a, b);
                r0(a);
                r0(b);
            }
            if (eq)
                found = i;
        }
        K names = r1(TABLE_COLS(flat));
        K cols = ktn(0, names->n);
        for (J c = 0; c < names->n; c++) {
            K col = r1(kK(TABLE_DATA(flat))[c]);
            J cy = col_index(yflat, kS(names)[c]);
            K v = cy >= 0 ? prim_item(kK(TABLE_DATA(yflat))[cy], r) : prim_null_of(col->t);
            if (found >= 0) {
                col = obj_own(col);
                if (col->t == 0) {
                    r0(kK(col)[found]);
                    kK(col)[found] = v;
                } else if (col->t == -v->t) {
                    memcpy(kG(col) + (size_t)found * obj_width(col->t), col->t == UU ? (void *)kG(v) : (void *)&v->g,
                           obj_width(col->t));
                    r0(v);
                } else {
                    r0(v);
                }
            } else {
                col = prim_join(col, prim_enlist(v));
            }
            kK(cols)[c] = col;
        }
        r0(flat);
        flat = make_table(names, cols);
        n = obj_count(flat);
    }
    r0(yflat);
    return flat ? prim_dict(kj(nk), flat) : NULL;
}

K prim_upsert(K x, K y) {
    if (x->t == -KS && prim_global_get) {
        S name = x->s;
        K t = prim_global_get(name);
        r0(x);
        if (!t) {
            r0(y);
            return kerr(name);
        }
        K r = upsert_value(t, y);
        if (!r || lang_set(name, r) < 0)
            return NULL;
        K s = obj_atom(-KS);
        s->s = name;
        return s;
    }
    return upsert_value(x, y);
}

/* the row of keyed table kt matching row r of t, or -1 */
static J key_row(const K keys, const K t, J r) {
    J n = obj_count(keys);
    K kn = TABLE_COLS(keys);
    for (J i = 0; i < n; i++) {
        bool eq = true;
        for (J k = 0; k < kn->n && eq; k++) {
            J c = col_index(t, kS(kn)[k]);
            if (c < 0)
                return -1;
            K a = prim_item(kK(TABLE_DATA(keys))[k], i), b = prim_item(kK(TABLE_DATA(t))[c], r);
            eq = prim_match_borrow(a, b);
            r0(a);
            r0(b);
        }
        if (eq)
            return i;
    }
    return -1;
}

/* left join (inner: drop unmatched rows; plus: add matching values) */
static K keyed_join(K x, K y, int mode) {
    if (!obj_is_keyed(y) || x->t != XT)
        return fail(x, y, "type");
    K keys = DICT_KEYS(y), vals = DICT_VALS(y);
    J n = obj_count(x);
    K match = ktn(KJ, n);
    for (J r = 0; r < n; r++)
        kJ(match)[r] = key_row(keys, x, r);
    K keep = ktn(KJ, 0);
    for (J r = 0; r < n; r++)
        if (mode != 1 || kJ(match)[r] >= 0)
            ja(&keep, &r);
    K base = take_rows(x, keep);
    K names = r1(TABLE_COLS(base));
    K cols = r1(TABLE_DATA(base));
    r0(base);
    cols = obj_own(cols);
    K vn = TABLE_COLS(vals);
    for (J v = 0; v < vn->n; v++) {
        K src = kK(TABLE_DATA(vals))[v];
        K picked = ktn(KJ, keep->n);
        for (J i = 0; i < keep->n; i++)
            kJ(picked)[i] = kJ(match)[kJ(keep)[i]] >= 0 ? kJ(match)[kJ(keep)[i]] : obj_count(vals);
        K newcol = prim_at(r1(src), picked); /* unmatched rows index past the end: nulls */
        J existing = -1;
        for (J i = 0; i < names->n; i++)
            if (kS(names)[i] == kS(vn)[v])
                existing = i;
        if (existing >= 0) {
            K old = kK(cols)[existing];
            K out;
            if (mode == 2) /* pj: add */
                out = prim_add(r1(old), prim_fill(kj(0), newcol));
            else { /* lj, ij: the right side's value where matched */
                K matched = ktn(KB, keep->n);
                for (J i = 0; i < keep->n; i++)
                    kG(matched)[i] = kJ(match)[kJ(keep)[i]] >= 0;
                out = prim_query_n((K[]){matched, newcol, r1(old)}, 3);
            }
            r0(kK(cols)[existing]);
            kK(cols)[existing] = out;
        } else {
            js(&names, kS(vn)[v]);
            jk(&cols, newcol);
        }
    }
    r0(keep);
    r0(match);
    r0(x);
    r0(y);
    return make_table(names, cols);
}

K prim_lj(K x, K y) { return keyed_join(x, y, 0); }
K prim_ij(K x, K y) { return keyed_join(x, y, 1); }
K prim_pj(K x, K y) { return keyed_join(x, y, 2); }

/* uj: union of columns, rows of x then rows of y (missing columns null) */
K prim_uj(K x, K y) {
    K a = unkey(x), b = unkey(y);
    if (!a || !b || a->t != XT || b->t != XT)
        return fail(a, b, "type");
    K names = r1(TABLE_COLS(a));
    for (J i = 0; i < TABLE_COLS(b)->n; i++)
        if (col_index(a, kS(TABLE_COLS(b))[i]) < 0)
            js(&names, kS(TABLE_COLS(b))[i]);
    J na = obj_count(a), nb = obj_count(b);
    K cols = ktn(0, names->n);
    for (J c = 0; c < names->n; c++) {
        J ia = col_index(a, kS(names)[c]), ib = col_index(b, kS(names)[c]);
        K proto = ia >= 0 ? kK(TABLE_DATA(a))[ia] : kK(TABLE_DATA(b))[ib];
        K ca = ia >= 0 ? r1(kK(TABLE_DATA(a))[ia]) : prim_take(kj(na), prim_enlist(prim_null_of(proto->t)));
        K cb = ib >= 0 ? r1(kK(TABLE_DATA(b))[ib]) : prim_take(kj(nb), prim_enlist(prim_null_of(proto->t)));
        kK(cols)[c] = prim_join(ca, cb);
    }
    r0(a);
    r0(b);
    return make_table(names, cols);
}

/* aj[cols;t;q]: for each row of t, the last row of q with equal leading columns and time <= */
static K asof_join(K *args, int n, bool keep_q_time) {
    if (n != 3) {
        for (int i = 0; i < n; i++)
            r0(args[i]);
        return kerr("rank");
    }
    K c = args[0], t = args[1], q = unkey(args[2]);
    if (c->t == -KS)
        c = prim_enlist(c);
    if (c->t != KS || t->t != XT || !q || q->t != XT) {
        r0(c);
        r0(t);
        r0(q);
        return kerr("type");
    }
    J nt = obj_count(t), nq = obj_count(q), nc = c->n;
    K match = ktn(KJ, nt);
    S timecol = kS(c)[nc - 1];
    J tq = col_index(q, timecol), tt = col_index(t, timecol);
    if (tq < 0 || tt < 0) {
        r0(match); r0(c); r0(t); r0(q);
        return kerr(timecol);
    }
    for (J r = 0; r < nt; r++) {
        J best = -1;
        K tv = prim_item(kK(TABLE_DATA(t))[tt], r);
        for (J i = 0; i < nq; i++) {
            bool eq = true;
            for (J k = 0; k + 1 < nc && eq; k++) {
                J a = col_index(t, kS(c)[k]), b = col_index(q, kS(c)[k]);
                if (a < 0 || b < 0) {
                    eq = false;
                    break;
                }
                K x = prim_item(kK(TABLE_DATA(t))[a], r), y = prim_item(kK(TABLE_DATA(q))[b], i);
                eq = prim_match_borrow(x, y);
                r0(x);
                r0(y);
            }
            if (!eq)
                continue;
            K qv = prim_item(kK(TABLE_DATA(q))[tq], i);
            K le = prim_le(qv, r1(tv));
            if (le && le->g)
                best = i; /* q is in time order: the last qualifying row wins */
            r0(le);
        }
        r0(tv);
        kJ(match)[r] = best >= 0 ? best : nq;
    }
    K names = r1(TABLE_COLS(t));
    K cols = r1(TABLE_DATA(t));
    cols = obj_own(cols);
    for (J v = 0; v < TABLE_COLS(q)->n; v++) {
        S name = kS(TABLE_COLS(q))[v];
        bool is_key = false;
        for (J k = 0; k + 1 < nc; k++)
            is_key = is_key || kS(c)[k] == name;
        if (is_key || (name == timecol && !keep_q_time))
            continue;
        K col = prim_at(r1(kK(TABLE_DATA(q))[v]), r1(match));
        J existing = -1;
        for (J i = 0; i < names->n; i++)
            if (kS(names)[i] == name)
                existing = i;
        if (existing >= 0) {
            r0(kK(cols)[existing]);
            kK(cols)[existing] = col;
        } else {
            js(&names, name);
            jk(&cols, col);
        }
    }
    r0(match);
    r0(c);
    r0(t);
    r0(q);
    return make_table(names, cols);
}

K prim_aj(K *args, int n) { return asof_join(args, n, false); }
K prim_aj0(K *args, int n) { return asof_join(args, n, true); }

K prim_cross(K x, K y) {
    J nx = obj_count(x), ny = obj_count(y);
    if (x->t == XT && y->t == XT) {
        K ix = ktn(KJ, nx * ny), iy = ktn(KJ, nx * ny);
        for (J i = 0; i < nx; i++)
            for (J j = 0; j < ny; j++) {
                kJ(ix)[i * ny + j] = i;
                kJ(iy)[i * ny + j] = j;
            }
        K a = take_rows(x, ix), b = take_rows(y, iy);
        r0(ix); r0(iy); r0(x); r0(y);
        K names = prim_join(r1(TABLE_COLS(a)), r1(TABLE_COLS(b)));
        K cols = prim_join(r1(TABLE_DATA(a)), r1(TABLE_DATA(b)));
        r0(a);
        r0(b);
        return make_table(names, cols);
    }
    if (x->t < 0)
        x = prim_enlist(x);
    if (y->t < 0)
        y = prim_enlist(y);
    K out = ktn(0, nx * ny);
    for (J i = 0; i < nx; i++)
        for (J j = 0; j < ny; j++) {
            K a = prim_item(x, i), b = prim_item(y, j);
            kK(out)[i * ny + j] = prim_enlist_n((K[]){a, b}, 2);
        }
    r0(x);
    r0(y);
    return out;
}

K prim_tables(K x) {
    r0(x);
    if (!prim_global_names || !prim_global_get)
        return ktn(KS, 0);
    K names = prim_global_names(ss("."));
    K out = ktn(KS, 0);
    for (J i = 0; names && i < names->n; i++) {
        K v = prim_global_get(kS(names)[i]);
        if (v && (v->t == XT || obj_is_keyed(v)))
            js(&out, kS(names)[i]);
        r0(v);
    }
    r0(names);
    return prim_asc(out);
}

K prim_hsym(K x) {
    if (x->t == -KS) {
        if (x->s[0] == ':')
            return x;
        char buf[1024];
        snprintf(buf, sizeof buf, ":%s", x->s);
        r0(x);
        return ks(buf);
    }
    if (x->t == KS) {
        K out = ktn(KS, x->n);
        for (J i = 0; i < x->n; i++) {
            K h = prim_hsym(ks(kS(x)[i]));
            kS(out)[i] = h->s;
            r0(h);
        }
        r0(x);
        return out;
    }
    r0(x);
    return kerr("type");
}

K lang_apply(K f, K *args, int n);

/* (f;x) fby g: f applied to x within each group of g, spread back to the rows */
K prim_fby(K x, K y) {
    if (x->t != 0 || x->n != 2 || y->t < 0)
        return fail(x, y, "type");
    K f = kK(x)[0], v = kK(x)[1];
    J n = obj_count(y);
    if (obj_count(v) != n)
        return fail(x, y, "length");
    K g = prim_group(y);
    if (!g) {
        r0(x);
        return NULL;
    }
    K idx = DICT_VALS(g);
    K *out = calloc((size_t)(n ? n : 1), sizeof(K));
    for (J k = 0; k < idx->n; k++) {
        K rows = kK(idx)[k];
        K part = prim_at(r1(v), r1(rows));
        K r = lang_apply(r1(f), &part, 1);
        if (!r) {
            for (J i = 0; i < n; i++)
                r0(out[i]);
            free(out);
            r0(g);
            r0(x);
            return NULL;
        }
        for (J i = 0; i < rows->n; i++) {
            J row = kJ(rows)[i];
            r0(out[row]);
            out[row] = r->t < 0 ? r1(r) : prim_item(r, i);
        }
        r0(r);
    }
    for (J i = 0; i < n; i++)
        if (!out[i])
            out[i] = obj_identity();
    K res = prim_collect(out, n);
    free(out);
    r0(g);
    r0(x);
    return res;
}

/* ungroup: a table whose list columns hold one list per row, flattened to one row per item */
K prim_ungroup(K x) {
    K t = unkey(x);
    if (!t || t->t != XT) {
        r0(t);
        return kerr("type");
    }
    K names = TABLE_COLS(t), cols = TABLE_DATA(t);
    J rows = obj_count(t);
    J nested = -1;
    for (J c = 0; c < names->n && nested < 0; c++)
        if (kK(cols)[c]->t == 0)
            nested = c;
    if (nested < 0)
        return t;
    K rep = ktn(KJ, 0); /* the source row of every output row */
    for (J r = 0; r < rows; r++) {
        J k = obj_count(kK(kK(cols)[nested])[r]);
        for (J i = 0; i < k; i++)
            ja(&rep, &r);
    }
    K out = ktn(0, names->n);
    for (J c = 0; c < names->n; c++) {
        K col = kK(cols)[c];
        kK(out)[c] = col->t == 0 ? prim_raze(r1(col)) : prim_at(r1(col), r1(rep));
    }
    r0(rep);
    K nm = r1(names);
    r0(t);
    return make_table(nm, out);
}

/* `k xgroup t: one row per value of k, the other columns as lists */
K prim_xgroup(K x, K y) {
    if (x->t == KS && x->n == 1) {
        K s = prim_first(x);
        x = s;
    }
    if (x->t != -KS || y->t != XT)
        return fail(x, y, "type");
    J kc = col_index(y, x->s);
    if (kc < 0) {
        S miss = x->s;
        r0(x);
        r0(y);
        return kerr(miss);
    }
    K g = prim_group(r1(kK(TABLE_DATA(y))[kc]));
    if (!g) {
        r0(x);
        r0(y);
        return NULL;
    }
    K names = TABLE_COLS(y);
    K vn = ktn(KS, 0), vc = ktn(0, 0);
    for (J c = 0; c < names->n; c++) {
        if (c == kc)
            continue;
        K lists = ktn(0, DICT_VALS(g)->n);
        for (J k = 0; k < lists->n; k++)
            kK(lists)[k] = prim_at(r1(kK(TABLE_DATA(y))[c]), r1(kK(DICT_VALS(g))[k]));
        js(&vn, kS(names)[c]);
        jk(&vc, lists);
    }
    K kn = ktn(KS, 1);
    kS(kn)[0] = x->s;
    K keys = make_table(kn, obj_list(1, r1(DICT_KEYS(g))));
    r0(g);
    r0(x);
    r0(y);
    return xD(keys, make_table(vn, vc));
}
