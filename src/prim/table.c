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


/* release a and b; signal err (NULL: keep the error already pending) */
static K fail(K a, K b, const char *err) {
    r0(a);
    r0(b);
    return err ? kerr(err) : NULL;
}

/* position of column `name` in table t, or -1 (borrows) */
static J col_index(const K t, S name) {
    K names = TABLE_COLS(t);
    for (J i = 0; i < names->n; i++)
        if (kS(names)[i] == name)
            return i;
    return -1;
}

/* position of `name` in a symbol vector (borrowed), or -1 */
static J col_index_in(const K names, S name) {
    for (J i = 0; i < names->n; i++)
        if (kS(names)[i] == name)
            return i;
    return -1;
}

/* column name of (names; cols) set to col (consumed): replaced when there, else appended;
 * combine, when given, makes the new column from the old one and col (both consumed) */
static void put_column(K *names, K *cols, S name, K col, K (*combine)(K, K)) {
    J at = col_index_in(*names, name);
    if (at < 0) {
        js(names, name);
        jk(cols, col);
        return;
    }
    K old = kK(*cols)[at];
    kK(*cols)[at] = combine ? combine(old, col) : (r0(old), col);
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

/* for each row of t, the row of table keys (both borrowed) with the same key columns, or
 * count keys when none: one hashed pass over each side */
static K match_rows(const K keys, const K t) {
    K kn = TABLE_COLS(keys);
    K probe = prim_columns_named(t, kn);
    if (!probe)
        return NULL;
    if (keys->u == ATTR_S) { /* sorted keys: the last at or below each row (a step join) */
        K pos = prim_bin(r1(keys), xT(xD(r1(kn), probe)));
        J n = obj_count(keys);
        if (pos && pos->t == -KJ) {
            J p = pos->j;
            r0(pos);
            pos = ktn(KJ, 1);
            kJ(pos)[0] = p;
        }
        for (J r = 0; pos && pos->t == KJ && r < pos->n; r++)
            if (kJ(pos)[r] < 0)
                kJ(pos)[r] = n;
        return pos;
    }
    RowIndex ix;
    if (!rows_index_new(TABLE_DATA(keys), &ix)) {
        r0(probe);
        return NULL;
    }
    K g = rows_index_find(&ix, probe);
    r0(probe);
    if (g)
        for (J r = 0; r < g->n; r++)
            kJ(g)[r] = kJ(g)[r] < 0 ? ix.n : ix.first[kJ(g)[r]];
    rows_index_free(&ix);
    return g;
}


/* f applied to the global table named by y (consumed) and stored back: y, or NULL */
K prim_in_place(K (*f)(K, K), K x, K y) {
    K v = RT->svc.global_get ? RT->svc.global_get(y->s) : NULL;
    if (!v) {
        r0(x);
        K e = kerr(y->s);
        r0(y);
        return e;
    }
    K r = f(x, v);
    K stored = r ? RT->svc.assign_global(y->s, r) : NULL;
    if (!stored) {
        r0(y);
        return NULL;
    }
    r0(stored);
    return y;
}

K prim_xkey(K x, K y) {
    PRIM_ARGS2(x, y);
    if (y->t == -KS) /* `k xkey `t: key the global t */
        return prim_in_place(prim_xkey, x, y);
    if (x->t == -KS)
        x = prim_enlist(x);
    if (x->t == 0 && x->n == 0) { /* () xkey t: no keys, as `symbol$() */
        r0(x);
        x = ktn(KS, 0);
    }
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

/* (old!new) xcol t (ref/cols.md): the columns named by the dict's keys renamed; 'length
 * when one is not there */
static K xcol_dict(K x, K t) {
    K from = DICT_KEYS(x), to = DICT_VALS(x);
    if (from->t != KS || to->t != KS)
        return fail(x, t, "type");
    K names = obj_own(r1(TABLE_COLS(t)));
    for (J k = 0; names && k < from->n; k++) {
        J c = col_index_in(names, kS(from)[k]);
        if (c < 0) {
            r0(names);
            return fail(x, t, "length");
        }
        kS(names)[c] = kS(to)[k];
    }
    K cols = r1(TABLE_DATA(t));
    r0(x);
    r0(t);
    return make_table(names, cols);
}

K prim_xcol(K x, K y) {
    PRIM_ARGS2(x, y);
    if (x->t == -KS)
        x = prim_enlist(x);
    bool keyed = obj_is_keyed(y);
    J nk = keyed ? TABLE_COLS(DICT_KEYS(y))->n : 0;
    K t = unkey(y);
    if (x->t == XD && t && t->t == XT) {
        K r = xcol_dict(x, t);
        return keyed && r ? prim_dict(kj(nk), r) : r;
    }
    if (x->t != KS || !t || t->t != XT)
        return fail(x, t, "type");
    if (x->n > TABLE_COLS(t)->n) /* more names than columns (ref/cols.md) */
        return fail(x, t, "length");
    K names = obj_own(r1(TABLE_COLS(t)));
    for (J i = 0; i < x->n; i++)
        kS(names)[i] = kS(x)[i];
    K cols = r1(TABLE_DATA(t));
    r0(x);
    r0(t);
    K r = make_table(names, cols);
    return keyed && r ? prim_dict(kj(nk), r) : r;
}

K prim_xcols(K x, K y) {
    PRIM_ARGS2(x, y);
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
    J first = -1; /* the first sort column's position */
    /* stable sorts from the last key to the first give the lexicographic order */
    for (J k = x->n - 1; idx && k >= 0; k--) {
        J c = col_index(t, kS(x)[k]);
        first = c;
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
    if (r && !keyed && !desc && r->t == XT && first >= 0) { /* s# on the first column given,
                                                               * if possible (ref/asc.md) */
        K col = kK(TABLE_DATA(r))[first];
        if (col->r == 0 && col->t > 0 && col->t < KENUM)
            col->u = ATTR_S;
    }
    return keyed && r ? prim_dict(kj(nk), r) : r;
}

static K sort_asc(K x, K y) { return sort_by(x, y, false); }
static K sort_desc(K x, K y) { return sort_by(x, y, true); }

/* x xasc y, x xdesc y: y a table by value, or by name (sorted in place, its name returned) */
K prim_xasc(K x, K y) {
    PRIM_ARGS2(x, y);
    return y->t == -KS ? prim_in_place(sort_asc, x, y) : sort_by(x, y, false);
}
K prim_xdesc(K x, K y) {
    PRIM_ARGS2(x, y);
    return y->t == -KS ? prim_in_place(sort_desc, x, y) : sort_by(x, y, true);
}

/* meta t: c | t f a (type char, foreign key, attribute); t a table, a keyed table or the
 * name of either (a file symbol is read first by lang's prim_meta) */
K table_meta(K x) {
    PRIM_ARGS1(x);
    if (x->t == -KS && RT->svc.global_get) {
        K v = RT->svc.global_get(x->s);
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
        char ch = ty > 0 && ty < KENUM ? letters[ty] : obj_is_enum(ty) ? 's' : ' ';
        if (ty == 0 && c->n && kK(c)[0]->t > 0 && kK(c)[0]->t < KENUM)
            ch = (char)(letters[kK(c)[0]->t] - 32); /* a nested column: upper case */
        kC(tc)[i] = ch;
        kS(fk)[i] = sym_null;
        if (obj_is_enum(ty)) { /* a foreign key: the keyed table it refers to; a link: its table */
            K d = RT->svc.global_get ? RT->svc.global_get(enum_domain(ty)) : NULL;
            if (d && (obj_is_keyed(d) || d->t == XT))
                kS(fk)[i] = enum_domain(ty);
            if (d && d->t == XT) /* a link holds row numbers */
                kC(tc)[i] = 'j';
            else if (d && obj_is_keyed(d) && TABLE_COLS(DICT_KEYS(d))->n == 1) {
                int kt = kK(TABLE_DATA(DICT_KEYS(d)))[0]->t;
                kC(tc)[i] = kt > 0 && kt < KENUM ? letters[kt] : 's';
            }
            r0(d);
        }
        static const char *const attrs[] = {"", "s", "u", "p", "g"};
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
/* new rows y (consumed) in the shape of table proto (borrowed): a table or keyed table
 * (columns matched by name, missing ones null), a dict (one row), a list of column values
 * (atoms: one row), or a list of rows.  NULL + 'length / 'type when y fits none. */
static K as_rows(const K proto, K y) {
    K names = TABLE_COLS(proto);
    J nc = names->n;
    if (y->t == XD && !obj_is_keyed(y))
        y = prim_enlist(y);
    else if (obj_is_keyed(y))
        y = ktd(y);
    if (!y)
        return NULL;
    if (y->t > 0 && y->t < KENUM && y->n == nc) { /* a simple list: one row of like columns */
        K row = ktn(0, nc);
        for (J c = 0; row && c < nc; c++)
            kK(row)[c] = prim_item(y, c);
        r0(y);
        if (!row)
            return NULL;
        y = row;
    }
    if (y->t == 0 && y->n != nc && y->n > 0) { /* a list of rows: each a list of nc values */
        K cols = ktn(0, nc);
        for (J c = 0; c < nc; c++)
            kK(cols)[c] = ktn(0, y->n);
        for (J r = 0; r < y->n; r++) {
            K row = kK(y)[r];
            if (obj_count(row) != nc || row->t >= XT || row->t < 0) {
                for (J c = 0; c < nc; c++)
                    kK(cols)[c]->n = r;
                r0(cols);
                r0(y);
                return kerr("length");
            }
            for (J c = 0; c < nc; c++)
                kK(kK(cols)[c])[r] = prim_item(row, c);
        }
        for (J c = 0; c < nc; c++) {
            K items = kK(cols)[c];
            kK(cols)[c] = prim_collect(kK(items), items->n);
            items->n = 0;
            r0(items);
        }
        r0(y);
        return make_table(r1(names), cols);
    }
    if (y->t == 0) { /* column values: atoms make one row */
        if (y->n != nc) {
            r0(y);
            return kerr("length");
        }
        bool atoms = true;
        for (J c = 0; c < nc; c++)
            atoms = atoms && (kK(y)[c]->t < 0 || kK(y)[c]->t >= XT);
        K cols = ktn(0, nc);
        for (J c = 0; c < nc; c++) {
            K v = r1(kK(y)[c]);
            kK(cols)[c] = atoms || v->t < 0 ? prim_enlist(v) : v;
        }
        r0(y);
        return make_table(r1(names), cols);
    }
    if (y->t != XT) {
        r0(y);
        return kerr("type");
    }
    /* a table: its columns in proto's order, nulls for those it lacks */
    J rows = obj_count(y);
    K cols = ktn(0, nc);
    for (J c = 0; c < nc; c++) {
        J k = col_index(y, kS(names)[c]);
        K proto_col = kK(TABLE_DATA(proto))[c];
        kK(cols)[c] = k >= 0 ? r1(kK(TABLE_DATA(y))[k])
                             : prim_take(kj(rows), prim_enlist(prim_null_of(proto_col->t)));
    }
    for (J k = 0; k < TABLE_COLS(y)->n; k++)
        if (col_index(proto, kS(TABLE_COLS(y))[k]) < 0) {
            r0(cols);
            r0(y);
            return kerr("mismatch");
        }
    r0(y);
    return make_table(r1(names), cols);
}

/* rows (a table of flat's columns in flat's order, borrowed) appended to table flat in its
 * own memory: flat, its dictionary and column list owned, each column a simple vector of its
 * rows' type.  Room is made in every column before any is written, so false (room for some
 * columns made, no item changed) leaves flat as it was */
static bool append_columns_in_place(K flat, const K rows) {
    K data = TABLE_DATA(flat), add = TABLE_DATA(rows);
    if (flat->r || flat->k->r || data->r || data->t != 0 || add->t != 0 || add->n != data->n)
        return false;
    for (J c = 0; c < data->n; c++) {
        K col = kK(data)[c], src = kK(add)[c];
        if (!prim_appends_in_place(col, src) || src->t < 0)
            return false;
    }
    for (J c = 0; c < data->n; c++) { /* room first: growing may move a column */
        K col = kK(data)[c];
        J n = col->n, m = kK(add)[c]->n;
        if (n + m <= obj_capacity(col))
            continue;
        K g = obj_reserve(col->t, n + m > 2 * n ? n + m : 2 * n);
        if (!g)
            return false;
        memcpy(kG(g), kG(col), (size_t)(n * obj_width(col->t)));
        g->n = n;
        g->u = col->u;
        col->n = 0; /* a general column's items moved to g */
        r0(col);
        kK(data)[c] = g;
    }
    for (J c = 0; c < data->n; c++) {
        K col = kK(data)[c];
        int u = col->u;
        K r = prim_append_in_place(col, r1(kK(add)[c])); /* cannot fail: there is room */
        kK(data)[c] = r;
        if (u == ATTR_G) /* appending keeps g# (its index is rebuilt on the next lookup) */
            r->u = ATTR_G;
    }
    return true;
}

/* x with rows y appended (x a table or keyed table; both consumed); a keyed table refuses a
 * key it already has ('insert) */
static K append_rows(K x, K y) {
    bool keyed = obj_is_keyed(x);
    J nk = keyed ? TABLE_COLS(DICT_KEYS(x))->n : 0;
    K flat = keyed ? ktd(x) : x;
    if (!flat || flat->t != XT) {
        r0(flat);
        r0(y);
        return kerr("type");
    }
    K rows = as_rows(flat, y);
    if (!rows) {
        r0(flat);
        return NULL;
    }
    if (keyed) { /* a key already there, or twice among the new rows: 'insert */
        K kn = ktn(KS, nk);
        memcpy(kS(kn), kS(TABLE_COLS(flat)), (size_t)nk * sizeof(S));
        K both = prim_join(r1(flat), r1(rows));
        K kcols = both ? prim_columns_named(both, kn) : NULL;
        r0(both);
        r0(kn);
        RowIndex ix;
        bool dup = false;
        if (kcols && rows_index_new(kcols, &ix)) {
            dup = ix.ngroups != ix.n;
            rows_index_free(&ix);
        }
        r0(kcols);
        if (dup) {
            r0(flat);
            r0(rows);
            return kerr("insert");
        }
    }
    if (!keyed && append_columns_in_place(flat, rows)) {
        r0(rows);
        return flat;
    }
    /* appending keeps g# (its index is rebuilt on the next lookup), as q's insert does */
    J nc = TABLE_COLS(flat)->n;
    uint64_t grouped = 0; /* bit c: column c had g# (tables past 64 columns keep none) */
    for (J c = 0; c < nc && c < 64; c++)
        if (kK(TABLE_DATA(flat))[c]->u == ATTR_G)
            grouped |= 1ull << c;
    K r = prim_join(flat, rows);
    for (J c = 0; r && grouped && r->t == XT && c < nc && c < 64; c++) {
        K col = kK(TABLE_DATA(r))[c];
        if (grouped >> c & 1 && col->t > 0 && col->t < KENUM && col->u == ATTR_NONE) {
            col->u = ATTR_G;
            prim_attr_forget(col);
        }
    }
    return keyed && r ? prim_dict(kj(nk), r) : r;
}

K prim_insert(K x, K y) {
    PRIM_ARGS2(x, y);
    if (x->t != -KS || !RT->svc.global_get)
        return fail(x, y, "type");
    S name = x->s;
    K t = RT->svc.global_get(name);
    if (t && t->t == 0 && t->n == 0 && (y->t == XT || obj_is_keyed(y))) { /* DATA:() first */
        r0(t);
        t = NULL;
    }
    if (!t) { /* a new global, or an empty list: the rows inserted are the table */
        r0(x);
        if (y->t != XT && !obj_is_keyed(y)) {
            r0(y);
            return kerr(name);
        }
        J n = obj_count(y);
        K stored = RT->svc.assign_global(name, y);
        if (!stored)
            return NULL;
        r0(stored);
        K idx = ktn(KJ, n);
        for (J i = 0; i < n; i++)
            kJ(idx)[i] = i;
        return idx;
    }
    J before = obj_count(t);
    if (t->t == XT && RT->svc.global_take) { /* rows checked, then the global's own reference
                                               * taken, so the columns grow in place */
        K rows = as_rows(t, y);
        if (!rows) {
            r0(t);
            r0(x);
            return NULL;
        }
        K mine = RT->svc.global_take(name);
        if (mine == t)
            r0(t); /* the global's reference is ours now: t is owned unless shared */
        else if (mine && RT->svc.set_global(name, mine) < 0) {
            r0(t);
            r0(x);
            r0(rows);
            return NULL;
        }
        y = rows;
    }
    K r = append_rows(t, y);
    r0(x);
    if (!r)
        return NULL;
    J after = obj_count(r);
    if (RT->svc.set_global(name, r) < 0)
        return NULL;
    K idx = ktn(KJ, after - before);
    for (J i = 0; i < idx->n; i++)
        kJ(idx)[i] = before + i;
    return idx;
}

/* upsert: keyed targets update matching keys and append the rest; tables append */
/* col (consumed) with items pos[i] set to src[i] (both borrowed); a typed column that gets an
 * item of another type becomes a general list */
static K set_rows(K col, const K pos, const K src) {
    col = obj_own(col);
    if (!col)
        return NULL;
    if (col->t > 0 && col->t == src->t && (col->t < KENUM || obj_is_enum(col->t))) {
        J w = obj_width(col->t);
        for (J i = 0; i < pos->n; i++)
            memcpy(kG(col) + kJ(pos)[i] * w, kG(src) + i * w, (size_t)w);
        return col;
    }
    if (col->t != 0) {
        K g = ktn(0, col->n);
        for (J i = 0; i < col->n; i++)
            kK(g)[i] = prim_item(col, i);
        r0(col);
        col = g;
    }
    for (J i = 0; i < pos->n; i++) {
        r0(kK(col)[kJ(pos)[i]]);
        kK(col)[kJ(pos)[i]] = prim_item(src, i);
    }
    return col;
}

K prim_table_rows(const K t, K y) { return as_rows(t, y); }

/* keyed x upsert y: rows of y whose key x has replace y's columns there; new keys append */
static K upsert_value(K x, K y) {
    if (x->t == XD && !obj_is_keyed(x) && y->t == XD && !obj_is_keyed(y)) {
        if (DICT_KEYS(x)->u == ATTR_S) /* a step dict takes no new keys (kb/temporal-data.md) */
            return fail(x, y, "step");
        return prim_join(x, y); /* dicts: upsert is , */
    }
    if (!obj_is_keyed(x))
        return append_rows(x, y);
    K kt = r1(DICT_KEYS(x)); /* ktd(x) below may free x */
    J nk = TABLE_COLS(kt)->n;
    K flat = ktd(x);
    /* a table or keyed table brings its own columns; other shapes are rows of x's */
    K yflat = obj_is_keyed(y) ? ktd(y) : y->t == XT ? y : flat ? as_rows(flat, y) : (r0(y), NULL);
    if (!flat || !yflat || yflat->t != XT) {
        r0(kt);
        r0(flat);
        r0(yflat);
        return kerr_msg() ? NULL : kerr("type");
    }
    J n = obj_count(flat), m = obj_count(yflat);
    K pos = match_rows(kt, yflat); /* x's row for each of y's, n when new */
    K ynew = NULL;
    RowIndex ix = {0};
    if (pos) { /* new keys: one appended row each, in order of first appearance in y */
        K ykeys = prim_columns_named(yflat, TABLE_COLS(kt));
        if (ykeys && rows_index_new(ykeys, &ix)) {
            K slot = ktn(KJ, ix.ngroups);
            J next = n;
            for (J g = 0; g < ix.ngroups; g++)
                kJ(slot)[g] = -1;
            for (J r = 0; r < m; r++)
                if (kJ(pos)[r] >= n) {
                    J g = ix.group[r];
                    if (kJ(slot)[g] < 0)
                        kJ(slot)[g] = next++;
                    kJ(pos)[r] = kJ(slot)[g];
                }
            ynew = kj(next - n);
            r0(slot);
            rows_index_free(&ix);
        }
        r0(ykeys);
    }
    r0(kt);
    if (!ynew) {
        r0(pos);
        r0(flat);
        r0(yflat);
        return NULL;
    }
    K names = r1(TABLE_COLS(flat));
    K cols = ktn(0, names->n);
    for (J c = 0; c < names->n; c++) {
        K col = r1(kK(TABLE_DATA(flat))[c]);
        if (ynew->j) /* room for the new rows, null until set */
            col = prim_join(col, prim_take(r1(ynew), prim_enlist(prim_null_of(col->t))));
        J cy = col_index(yflat, kS(names)[c]);
        if (col && cy >= 0)
            col = set_rows(col, pos, kK(TABLE_DATA(yflat))[cy]);
        if (!col) {
            cols->n = c;
            r0(cols); r0(names); r0(pos); r0(ynew); r0(flat); r0(yflat);
            return NULL;
        }
        kK(cols)[c] = col;
    }
    r0(pos);
    r0(ynew);
    r0(flat);
    r0(yflat);
    return prim_dict(kj(nk), make_table(names, cols));
}

/* upsert and the joins that take a table's name for their table (ref/upsert.md, lj.md, pj.md,
 * aj.md, wj.md: the joins since 4.1t 2023.08.04): named_in swaps args[i], a name, for its
 * value (else leaves it; false, every argument released, when the name is undefined),
 * named_out stores the result there and answers the name. */
static bool named_in(K *args, int n, int i, S *name) {
    *name = NULL;
    if (i >= n || args[i]->t != -KS || !RT->svc.global_get)
        return true;
    S s = args[i]->s;
    K t = RT->svc.global_get(s);
    if (!t) {
        for (int k = 0; k < n; k++)
            r0(args[k]);
        kerr(s);
        return false;
    }
    r0(args[i]);
    args[i] = t;
    *name = s;
    return true;
}

static K named_out(S name, K r) {
    if (!name || !r)
        return r;
    if (RT->svc.set_global(name, r) < 0)
        return NULL;
    K s = obj_atom(-KS);
    if (s)
        s->s = name;
    return s;
}

K prim_upsert(K x, K y) {
    PRIM_ARGS2(x, y);
    K args[2] = {x, y};
    S name;
    if (!named_in(args, 2, 0, &name))
        return NULL;
    return named_out(name, upsert_value(args[0], args[1]));
}

/* left join (inner: drop unmatched rows; plus: add matching values) */
static K keyed_join(K x, K y, int mode, bool fill) {
    PRIM_ARGS2(x, y);
    if (obj_is_keyed(x) && obj_is_keyed(y)) { /* a keyed x joins its rows and stays keyed */
        J nk = TABLE_COLS(DICT_KEYS(x))->n;
        K r = keyed_join(ktd(x), y, mode, fill);
        return r ? prim_dict(kj(nk), r) : NULL;
    }
    if (!obj_is_keyed(y) || x->t != XT)
        return fail(x, y, "type");
    K keys = DICT_KEYS(y), vals = DICT_VALS(y);
    J n = obj_count(x), nv = obj_count(vals);
    K match = match_rows(keys, x);
    if (!match)
        return fail(x, y, NULL);
    K keep = ktn(KJ, 0);
    for (J r = 0; r < n; r++)
        if (mode != 1 || kJ(match)[r] < nv)
            ja(&keep, &r);
    K base = take_rows(x, keep);
    K names = r1(TABLE_COLS(base));
    K cols = r1(TABLE_DATA(base));
    r0(base);
    cols = obj_own(cols);
    K picked = ktn(KJ, keep->n); /* unmatched rows index past the end: nulls */
    for (J i = 0; i < keep->n; i++)
        kJ(picked)[i] = kJ(match)[kJ(keep)[i]];
    K vn = TABLE_COLS(vals);
    for (J v = 0; v < vn->n; v++) {
        K src = kK(TABLE_DATA(vals))[v];
        K newcol = prim_at(r1(src), r1(picked));
        J existing = col_index_in(names, kS(vn)[v]);
        if (existing >= 0) {
            K old = kK(cols)[existing];
            K out;
            if (mode == 2) /* pj: add, nulls as zero */
                out = prim_add(r1(old), prim_fill(kj(0), newcol));
            else if (fill) /* ljf, ijf: the right side's value where matched and not null */
                out = prim_fill(r1(old), newcol);
            else { /* lj, ij: the right side's value where matched */
                K matched = ktn(KB, keep->n);
                for (J i = 0; i < keep->n; i++)
                    kG(matched)[i] = kJ(picked)[i] < nv;
                out = prim_vector_cond(matched, newcol, r1(old));
            }
            r0(kK(cols)[existing]);
            kK(cols)[existing] = out;
        } else {
            if (mode == 2) /* pj: a new column's missing values are zero */
                newcol = prim_fill(kj(0), newcol);
            js(&names, kS(vn)[v]);
            jk(&cols, newcol);
        }
    }
    r0(picked);
    r0(keep);
    r0(match);
    r0(x);
    r0(y);
    return make_table(names, cols);
}

/* x lj y, x ljf y, x pj y: a table's name for x; y () answers x (ref/lj.md) */
static K named_join(K x, K y, int mode, bool fill) {
    PRIM_ARGS2(x, y);
    if (mode == 0 && y->t == 0 && y->n == 0) {
        r0(y);
        return x;
    }
    K args[2] = {x, y};
    S name;
    if (!named_in(args, 2, 0, &name))
        return NULL;
    return named_out(name, keyed_join(args[0], args[1], mode, fill));
}

K prim_lj(K x, K y) { return named_join(x, y, 0, false); }
K prim_ij(K x, K y) { return keyed_join(x, y, 1, false); }
K prim_pj(K x, K y) { return named_join(x, y, 2, false); }
K prim_ljf(K x, K y) { return named_join(x, y, 0, true); }
K prim_ijf(K x, K y) { return keyed_join(x, y, 1, true); }

/* ujf: uj where, for keyed tables, y's nulls keep x's values */
K prim_ujf(K x, K y) {
    PRIM_ARGS2(x, y);
    if (!obj_is_keyed(x) || !obj_is_keyed(y))
        return prim_uj(x, y);
    /* both with every column (nulls where missing), then merged row by row with ^ */
    K ex = prim_uj(r1(x), prim_take(kj(0), r1(y)));
    K ey = prim_uj(prim_take(kj(0), x), y);
    if (!ex || !ey) {
        r0(ex);
        r0(ey);
        return NULL;
    }
    K cols = r1(TABLE_COLS(DICT_VALS(ex)));
    K vy = prim_columns_named(DICT_VALS(ey), cols); /* ey's values in ex's column order */
    if (!vy) {
        r0(cols);
        r0(ex);
        r0(ey);
        return NULL;
    }
    K ey2 = xD(r1(DICT_KEYS(ey)), xT(xD(cols, vy)));
    r0(ey);
    return prim_dict_merge(ex, ey2, prim_fill);
}

/* uj: union of columns, rows of x then rows of y (missing columns null) */
K prim_uj(K x, K y) {
    PRIM_ARGS2(x, y);
    if ((x->t == 0 && x->n == 0) || (y->t == 0 && y->n == 0)) { /* () is uj's identity (q.k):
                                                                   * (uj/) from () */
        bool none = x->t == 0 && x->n == 0;
        r0(none ? x : y);
        return none ? y : x;
    }
    if (obj_is_keyed(x) && obj_is_keyed(y)) { /* keyed: y's rows upsert x's, columns united */
        K nk = r1(TABLE_COLS(DICT_KEYS(x)));
        K all = prim_uj(ktd(x), prim_take(kj(0), ktd(r1(y)))); /* x with every column */
        K base = all ? prim_xkey(nk, all) : (r0(nk), NULL);
        return base ? prim_upsert(base, y) : (r0(y), NULL);
    }
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

/* ---- as-of and window joins ------------------------------------------------------------- */

/* q's rows grouped by the key columns (all of c but the last, the time), each group's rows in
 * q's order, and t's rows mapped to those groups: what aj and wj search in.  A time column is
 * compared as integers, or as floats for float-based types. */
typedef struct AsofIndex {
    J *start;    /* group g's rows are rows[start[g] .. start[g+1]) */
    J *rows;
    K tgroup;    /* group of each row of t, or -1 */
    K qtime, ttime; /* the time columns (owned) */
    J *qt;       /* integral times: q's at rows[k] is qt[k] (nulls nj), or NULL */
    J *cursor;   /* with qt: where each group's last search ended */
    K qgid;      /* a sweep (aj, times ascending in q and in t): the group of each row of q */
    J *last;     /* with qgid: each group's last row of q swept, or -1 */
    J swept;     /* with qgid: rows of q swept so far */
} AsofIndex;

static void asof_free(AsofIndex *a) {
    mem_raw_free(a->qt);
    mem_raw_free(a->cursor);
    mem_raw_free(a->last);
    r0(a->qgid);
    mem_raw_free(a->start);
    mem_raw_free(a->rows);
    r0(a->tgroup);
    r0(a->qtime);
    r0(a->ttime);
}

static bool time_float(int t) { return t == KF || t == KZ || t == KE; }

static F time_f(const K v, J i) { return v->t == KE ? kE(v)[i] : kF(v)[i]; }

static J time_j(const K v, J i) {
    switch (obj_width(v->t)) {
    case 2: return kH(v)[i] == nh ? nj : kH(v)[i];
    case 4: return kI(v)[i] == ni ? nj : kI(v)[i];
    default: return kJ(v)[i];
    }
}

/* is q's time at row i <= t's time at row r */
static bool time_le(const AsofIndex *a, J i, J r) {
    if (time_float(a->qtime->t))
        return !(time_f(a->qtime, i) > time_f(a->ttime, r));
    return time_j(a->qtime, i) <= time_j(a->ttime, r);
}

/* is q's time at row i < the value at r of times (same type as q's) */
static bool time_lt_at(const K qt, J i, const K w, J r) {
    if (time_float(qt->t))
        return time_f(qt, i) < time_f(w, r);
    return time_j(qt, i) < time_j(w, r);
}

static bool time_eq_at(const K qt, J i, const K w, J r) {
    if (time_float(qt->t))
        return time_f(qt, i) == time_f(w, r);
    return time_j(qt, i) == time_j(w, r);
}

/* within group rows [lo, hi): the first whose time is >= w[r] (after: > w[r]) */
static J window_edge(const AsofIndex *a, J lo, J hi, const K w, J r, bool after) {
    while (lo < hi) {
        J mid = lo + (hi - lo) / 2;
        J i = a->rows[mid];
        bool before = after ? !time_lt_at(w, r, a->qtime, i) : time_lt_at(a->qtime, i, w, r);
        if (before)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* are the integral times v (borrowed) ascending, nulls first */
static bool times_ascending(const K v) {
    if (v->u == ATTR_S)
        return true;
    if (obj_width(v->t) == 8) {
        const J *x = kJ(v);
        for (J i = 1; i < v->n; i++)
            if (x[i - 1] > x[i])
                return false;
        return true;
    }
    for (J i = 1; i < v->n; i++)
        if (time_j(v, i - 1) > time_j(v, i))
            return false;
    return true;
}

/* one key column of a simple type compared exactly (not floats or guids), the same in t and
 * q (both borrowed, enumerations resolved), and an integral time: q's rows grouped by a hash
 * sized to the groups, not the rows, t's keys found among the groups' values.  When sweep
 * and the times of q and of t are both ascending, each group's last row of q is kept as q is
 * swept in time order alongside t (asof_row); otherwise q's times are copied in group order so
 * the searches read them in place.  1 done, 0 not this case, -1 error (kerr) */
static int asof_one_key(AsofIndex *a, const K qk, const K tk, bool sweep) {
    int ty = qk->t;
    if (ty != tk->t || ty <= 0 || ty >= KENUM || ty == KF || ty == KZ || ty == KE || ty == UU ||
        time_float(a->qtime->t))
        return 0;
    J nq = qk->n;
    K gid, first = prim_group_ids(qk, &gid);
    if (!first)
        return -1;
    J ng = first->n;
    K vals = prim_gather(qk, first);
    r0(first);
    a->tgroup = vals ? prim_find(vals, r1(tk)) : NULL; /* ng where t's key is not in q */
    if (a->tgroup && sweep && times_ascending(a->qtime) && times_ascending(a->ttime)) {
        a->qgid = gid;
        a->last = mem_raw_alloc((size_t)(ng ? ng : 1) * sizeof(J));
        if (!a->last) {
            kerr("wsfull");
            return -1;
        }
        for (J k = 0; k < ng; k++)
            a->last[k] = -1;
        for (J r = 0; r < a->tgroup->n; r++)
            if (kJ(a->tgroup)[r] >= ng)
                kJ(a->tgroup)[r] = -1;
        return 1;
    }
    a->start = mem_raw_calloc((size_t)ng + 2, sizeof(J));
    a->rows = mem_raw_alloc((size_t)(nq ? nq : 1) * sizeof(J));
    a->qt = mem_raw_alloc((size_t)(nq ? nq : 1) * sizeof(J));
    a->cursor = mem_raw_alloc((size_t)(ng ? ng : 1) * sizeof(J));
    if (!a->tgroup || !a->start || !a->rows || !a->qt || !a->cursor) {
        r0(gid);
        if (!kerr_msg())
            kerr("wsfull");
        return -1;
    }
    const J *g = kJ(gid);
    for (J i = 0; i < nq; i++)
        a->start[g[i] + 2]++;
    for (J k = 0; k < ng; k++)
        a->start[k + 2] += a->start[k + 1];
    J *next = a->start + 1, *rows = a->rows, *qt = a->qt;
    if (obj_width(a->qtime->t) == 8) { /* counting sort keeps q's order within each group */
        const J *times = kJ(a->qtime);
        for (J i = 0; i < nq; i++) {
            J at = next[g[i]]++;
            rows[at] = i;
            qt[at] = times[i];
        }
    } else {
        for (J i = 0; i < nq; i++) {
            J at = next[g[i]]++;
            rows[at] = i;
            qt[at] = time_j(a->qtime, i);
        }
    }
    r0(gid);
    for (J k = 0; k < ng; k++)
        a->cursor[k] = a->start[k];
    for (J r = 0; r < a->tgroup->n; r++)
        if (kJ(a->tgroup)[r] >= ng)
            kJ(a->tgroup)[r] = -1;
    return 1;
}

/* sweep: t's rows are asked for in order (aj) */
static bool asof_build(AsofIndex *a, const K c, const K t, const K q, bool sweep) {
    memset(a, 0, sizeof *a);
    J nc = c->n;
    S timecol = kS(c)[nc - 1];
    J tq = col_index(q, timecol), tt = col_index(t, timecol);
    if (tq < 0 || tt < 0) {
        kerr(timecol);
        return false;
    }
    a->qtime = prim_unenum(r1(kK(TABLE_DATA(q))[tq]));
    a->ttime = prim_unenum(r1(kK(TABLE_DATA(t))[tt]));
    if (!a->qtime || !a->ttime || a->qtime->t != a->ttime->t || a->qtime->t <= 0 ||
        a->qtime->t == KS || a->qtime->t >= KENUM || a->qtime->t == UU) {
        if (!kerr_msg())
            kerr("type");
        asof_free(a);
        return false;
    }
    K keys = ktn(KS, nc - 1);
    memcpy(kS(keys), kS(c), (size_t)(nc - 1) * sizeof(S));
    K qk = prim_columns_named(q, keys), tk = qk ? prim_columns_named(t, keys) : NULL;
    r0(keys);
    RowIndex ix = {0};
    J nq = obj_count(q), nt = obj_count(t);
    bool ok = qk && tk;
    if (ok && nc == 2) {
        K qk1 = prim_unenum(r1(kK(qk)[0])), tk1 = qk1 ? prim_unenum(r1(kK(tk)[0])) : NULL;
        int done = tk1 ? asof_one_key(a, qk1, tk1, sweep) : -1;
        r0(qk1);
        r0(tk1);
        if (done) {
            r0(qk);
            r0(tk);
            if (done < 0)
                asof_free(a);
            return done > 0;
        }
    }
    if (ok && nc > 1) {
        ok = rows_index_new(qk, &ix) != NULL;
        a->tgroup = ok ? rows_index_find(&ix, tk) : NULL;
        ok = ok && a->tgroup;
    } else if (ok) { /* no key columns: one group */
        ix.ngroups = nq ? 1 : 0;
        ix.group = mem_raw_calloc((size_t)(nq ? nq : 1), sizeof(J));
        ix.keys = NULL, ix.slot = ix.first = NULL;
        a->tgroup = ktn(KJ, nt);
        ok = ix.group && a->tgroup;
        for (J r = 0; ok && r < nt; r++)
            kJ(a->tgroup)[r] = nq ? 0 : -1;
    }
    r0(qk);
    r0(tk);
    if (ok) {
        a->start = mem_raw_calloc((size_t)ix.ngroups + 2, sizeof(J));
        a->rows = mem_raw_alloc((size_t)(nq ? nq : 1) * sizeof(J));
        ok = a->start && a->rows;
    }
    if (!ok) {
        if (nc > 1 && ix.slot)
            rows_index_free(&ix);
        else if (nc <= 1)
            mem_raw_free(ix.group);
        asof_free(a);
        return false;
    }
    for (J i = 0; i < nq; i++)
        a->start[ix.group[i] + 2]++;
    for (J g = 0; g < ix.ngroups; g++)
        a->start[g + 2] += a->start[g + 1];
    for (J i = 0; i < nq; i++) /* counting sort keeps q's order within each group */
        a->rows[a->start[ix.group[i] + 1]++] = i;
    if (nc > 1)
        rows_index_free(&ix);
    else
        mem_raw_free(ix.group);
    return true;
}

/* in qt[lo..hi) (ascending) the first time > tr, searched from c (lo <= c <= hi) outwards by
 * doubling steps, then by halves: near c when t's times are in order, as they usually are */
static J after_from(const J *qt, J lo, J hi, J c, J tr) {
    J step = 1;
    if (c < hi && qt[c] <= tr) { /* after c: qt[lo - 1] <= tr throughout */
        lo = c + 1;
        for (J at = lo; at < hi && qt[at] <= tr; at = lo + step, step *= 2)
            lo = at + 1;
        hi = MIN(hi, lo + step);
    } else { /* at or before c: qt[hi] > tr (or hi the end) throughout */
        hi = c;
        for (J at = hi - 1; at >= lo && qt[at] > tr; at = hi - step, step *= 2)
            hi = at;
        lo = MAX(lo, hi - step);
    }
    while (lo < hi) {
        J mid = lo + (hi - lo) / 2;
        if (qt[mid] <= tr)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* the last row of q in t's row r's group with time <= t's time, or -1 (binary search: q is in
 * time order within each group, as aj requires; a sweep: r ascending) */
static J asof_row(AsofIndex *a, J r) {
    J g = kJ(a->tgroup)[r];
    if (a->qgid) {
        J tr = time_j(a->ttime, r), i = a->swept, nq = a->qgid->n;
        const J *qg = kJ(a->qgid);
        if (obj_width(a->qtime->t) == 8)
            for (const J *qt = kJ(a->qtime); i < nq && qt[i] <= tr; i++)
                a->last[qg[i]] = i;
        else
            for (; i < nq && time_j(a->qtime, i) <= tr; i++)
                a->last[qg[i]] = i;
        a->swept = i;
        return g < 0 ? -1 : a->last[g];
    }
    if (g < 0)
        return -1;
    J lo = a->start[g], hi = a->start[g + 1]; /* first row whose time is > t's */
    if (a->qt) {
        lo = a->cursor[g] = after_from(a->qt, lo, hi, a->cursor[g], time_j(a->ttime, r));
        return lo > a->start[g] ? a->rows[lo - 1] : -1;
    }
    while (lo < hi) {
        J mid = lo + (hi - lo) / 2;
        if (time_le(a, a->rows[mid], r))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > a->start[g] ? a->rows[lo - 1] : -1;
}

static K sym_list(K c) { return c->t == -KS ? prim_enlist(c) : c; }

/* aj[cols;t;q]: for each row of t, the last row of q with equal leading columns and time <= */
static K asof_join(K *args, int n, bool keep_q_time, bool fill) {
    if (n != 3) {
        for (int i = 0; i < n; i++)
            r0(args[i]);
        return kerr("rank");
    }
    K c = sym_list(args[0]), t = unkey(args[1]), q = unkey(args[2]);
    if (!c || c->t != KS || !c->n || !t || t->t != XT || !q || q->t != XT) {
        r0(c);
        r0(t);
        r0(q);
        return kerr("type");
    }
    J nt = obj_count(t), nq = obj_count(q), nc = c->n;
    S timecol = kS(c)[nc - 1];
    AsofIndex a;
    if (!asof_build(&a, c, t, q, true)) {
        r0(c);
        r0(t);
        r0(q);
        return NULL;
    }
    K match = ktn(KJ, nt);
    for (J r = 0; r < nt; r++) {
        J i = asof_row(&a, r);
        kJ(match)[r] = i < 0 ? nq : i;
    }
    asof_free(&a);
    K names = r1(TABLE_COLS(t));
    K cols = obj_own(r1(TABLE_DATA(t)));
    for (J v = 0; v < TABLE_COLS(q)->n; v++) {
        S name = kS(TABLE_COLS(q))[v];
        if (col_index_in(c, name) >= 0 && (name != timecol || !keep_q_time))
            continue;
        K col = prim_at(r1(kK(TABLE_DATA(q))[v]), r1(match));
        put_column(&names, &cols, name, col, fill ? prim_fill : NULL); /* ajf: t's where q's is null */
    }
    r0(match);
    r0(c);
    r0(t);
    r0(q);
    return make_table(names, cols);
}

/* wj[w;c;t;(q;(f;c0);...)] and wj1: for each row of t, f applied to column c0 of the rows of
 * q in its group whose time is in the window w[0][r] .. w[1][r]; wj also takes in the quote
 * prevailing when the window opens */
static K window_join(K *args, int n, bool prevailing) {
    if (n != 4) {
        for (int i = 0; i < n; i++)
            r0(args[i]);
        return kerr("rank");
    }
    K w = args[0], c = sym_list(args[1]), t = unkey(args[2]), spec = args[3];
    K q = spec->t == 0 && spec->n >= 1 ? unkey(r1(kK(spec)[0])) : NULL;
    J nt = t && t->t == XT ? obj_count(t) : 0;
    bool ok = c && c->t == KS && c->n && t && t->t == XT && q && q->t == XT && w->t == 0 &&
              w->n == 2 && obj_count(kK(w)[0]) == nt && obj_count(kK(w)[1]) == nt;
    AsofIndex a;
    if (!ok || !asof_build(&a, c, t, q, false)) {
        if (!kerr_msg())
            kerr(ok ? "type" : "length");
        r0(w); r0(c); r0(t); r0(spec); r0(q);
        return NULL;
    }
    K w0 = prim_unenum(r1(kK(w)[0])), w1 = prim_unenum(r1(kK(w)[1]));
    if (!w0 || !w1 || w0->t != a.qtime->t || w1->t != a.qtime->t) {
        r0(w0); r0(w1);
        asof_free(&a);
        r0(w); r0(c); r0(t); r0(spec); r0(q);
        return kerr("type");
    }
    K names = r1(TABLE_COLS(t));
    K cols = obj_own(r1(TABLE_DATA(t)));
    bool failed = false;
    for (J k = 1; k < spec->n && !failed; k++) {
        K fc = kK(spec)[k]; /* (f;`c0;`c1...): f of the windows' slices of c0, c1... */
        bool good = fc->t == 0 && fc->n >= 2 && fc->n <= 9;
        for (J j = 1; good && j < fc->n; j++)
            good = kK(fc)[j]->t == -KS && col_index(q, kK(fc)[j]->s) >= 0;
        if (!good) {
            kerr(fc->t == 0 && fc->n > 9 ? "rank" : "type");
            failed = true;
            break;
        }
        S cname = kK(fc)[1]->s;
        int nargs = (int)fc->n - 1;
        K out = ktn(0, nt);
        for (J r = 0; r < nt; r++) {
            J g = kJ(a.tgroup)[r];
            J first = g < 0 ? 0 : a.start[g], end = g < 0 ? 0 : a.start[g + 1];
            J lo = window_edge(&a, first, end, w0, r, false); /* first time >= start */
            J hi = window_edge(&a, lo, end, w1, r, true);     /* first time > end */
            J from = lo;
            if (prevailing && from > first && (from == hi || !time_eq_at(a.qtime, a.rows[from], w0, r)))
                from--; /* the quote in force when the window opens */
            K idx = ktn(KJ, hi - from);
            for (J i = from; i < hi; i++)
                kJ(idx)[i - from] = a.rows[i];
            K subs[8];
            bool sliced = true;
            for (int j = 0; j < nargs; j++) {
                K src = kK(TABLE_DATA(q))[col_index(q, kK(fc)[j + 1]->s)];
                subs[j] = sliced ? prim_at(r1(src), r1(idx)) : NULL;
                sliced = sliced && subs[j];
            }
            r0(idx);
            for (int j = 0; !sliced && j < nargs; j++)
                if (subs[j])
                    r0(subs[j]);
            K f = r1(kK(fc)[0]);
            K v = sliced ? RT->svc.apply(f, subs, nargs) : (r0(f), NULL);
            if (!v) {
                out->n = r;
                failed = true;
                break;
            }
            kK(out)[r] = v;
        }
        if (failed) {
            r0(out);
            break;
        }
        K vec = prim_collect(kK(out), nt);
        out->n = 0;
        r0(out);
        out = vec;
        put_column(&names, &cols, cname, out, NULL);
    }
    r0(w0); r0(w1);
    asof_free(&a);
    r0(w); r0(c); r0(t); r0(spec); r0(q);
    if (failed) {
        r0(names);
        r0(cols);
        return NULL;
    }
    return make_table(names, cols);
}

static K named_window(K *args, int n, bool prevailing) {
    S name;
    return named_in(args, n, 2, &name) ? named_out(name, window_join(args, n, prevailing)) : NULL;
}
K prim_wj(K *args, int n) { return named_window(args, n, true); }
K prim_wj1(K *args, int n) { return named_window(args, n, false); }

/* ej[c;t1;t2]: every pairing of a row of t1 with a row of t2 whose columns c are equal */
K prim_ej(K *args, int n) {
    if (n != 3) {
        for (int i = 0; i < n; i++)
            r0(args[i]);
        return kerr("rank");
    }
    K c = sym_list(args[0]), x = unkey(args[1]), y = unkey(args[2]);
    K xk = c && c->t == KS && x && x->t == XT && y && y->t == XT ? prim_columns_named(x, c) : NULL;
    K yk = xk ? prim_columns_named(y, c) : NULL;
    RowIndex ix;
    if (!yk || !rows_index_new(yk, &ix)) {
        if (!kerr_msg())
            kerr("type");
        r0(xk); r0(yk); r0(c); r0(x); r0(y);
        return NULL;
    }
    K g = rows_index_find(&ix, xk);
    J ny = obj_count(y), nx = obj_count(x);
    /* y's rows of each group, in order */
    J *start = mem_raw_calloc((size_t)ix.ngroups + 2, sizeof(J)), *rows = mem_raw_alloc((size_t)(ny ? ny : 1) * sizeof(J));
    if (!start || !rows) {
        mem_raw_free(start);
        mem_raw_free(rows);
        rows_index_free(&ix);
        r0(g); r0(xk); r0(yk); r0(c); r0(x); r0(y);
        return kerr("wsfull");
    }
    for (J i = 0; i < ny; i++)
        start[ix.group[i] + 2]++;
    for (J k = 0; k < ix.ngroups; k++)
        start[k + 2] += start[k + 1];
    for (J i = 0; i < ny; i++)
        rows[start[ix.group[i] + 1]++] = i;
    K xi = ktn(KJ, 0), yi = ktn(KJ, 0);
    for (J r = 0; g && r < nx; r++) {
        J k = kJ(g)[r];
        for (J j = k < 0 ? 0 : start[k]; k >= 0 && j < start[k + 1]; j++) {
            ja(&xi, &r);
            ja(&yi, &rows[j]);
        }
    }
    mem_raw_free(start);
    mem_raw_free(rows);
    rows_index_free(&ix);
    r0(g); r0(xk); r0(yk);
    K left = take_rows(x, xi);
    K names = r1(TABLE_COLS(left));
    K cols = obj_own(r1(TABLE_DATA(left)));
    r0(left);
    for (J v = 0; v < TABLE_COLS(y)->n; v++) {
        S name = kS(TABLE_COLS(y))[v];
        if (col_index_in(c, name) >= 0)
            continue;
        K col = prim_at(r1(kK(TABLE_DATA(y))[v]), r1(yi));
        put_column(&names, &cols, name, col, NULL);
    }
    r0(xi); r0(yi); r0(c); r0(x); r0(y);
    return make_table(names, cols);
}

/* t asof d: the values of t's other columns at the last row matching d's columns, the last of
 * them a time (<=); d a dictionary (one lookup) or a table (each row) */
K prim_asof(K x, K y) {
    PRIM_ARGS2(x, y);
    bool one = y->t == XD;
    K d = y;
    if (one) { /* a dictionary: a one-row table */
        K vals = DICT_VALS(y);
        K cols = ktn(0, obj_count(vals));
        for (J i = 0; i < cols->n; i++)
            kK(cols)[i] = prim_enlist(prim_item(vals, i));
        d = make_table(r1(DICT_KEYS(y)), cols);
        r0(y);
    } else {
        d = unkey(y);
    }
    if (!d || d->t != XT || x->t != XT) {
        r0(d);
        r0(x);
        return kerr("type");
    }
    K c = r1(TABLE_COLS(d));
    K keep = ktn(KS, 0);
    for (J i = 0; i < TABLE_COLS(x)->n; i++)
        if (col_index_in(c, kS(TABLE_COLS(x))[i]) < 0)
            js(&keep, kS(TABLE_COLS(x))[i]);
    K j = prim_aj((K[]){c, d, x}, 3);
    if (!j) {
        r0(keep);
        return NULL;
    }
    K vals = prim_columns_named(j, keep);
    r0(j);
    if (!vals) {
        r0(keep);
        return NULL;
    }
    K t = make_table(keep, vals);
    return one ? prim_first(t) : t;
}

static K named_asof(K *args, int n, bool keep_q_time, bool fill) {
    S name;
    return named_in(args, n, 1, &name) ? named_out(name, asof_join(args, n, keep_q_time, fill)) : NULL;
}
K prim_aj(K *args, int n) { return named_asof(args, n, false, false); }
K prim_aj0(K *args, int n) { return named_asof(args, n, true, false); }
K prim_ajf(K *args, int n) { return named_asof(args, n, false, true); }
K prim_ajf0(K *args, int n) { return named_asof(args, n, true, true); }

K prim_cross(K x, K y) {
    PRIM_ARGS2(x, y);
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
    if (x->t == XD && y->t == XD) { /* keys crossed, values crossed (q.k): keyed tables too */
        K k = prim_cross(r1(DICT_KEYS(x)), r1(DICT_KEYS(y)));
        K v = k ? prim_cross(r1(DICT_VALS(x)), r1(DICT_VALS(y))) : NULL;
        r0(x);
        r0(y);
        return v ? xD(k, v) : (r0(k), NULL);
    }
    if (x->t < 0)
        x = prim_enlist(x);
    if (y->t < 0)
        y = prim_enlist(y);
    K out = ktn(0, nx * ny);
    for (J i = 0; i < nx; i++)
        for (J j = 0; j < ny; j++) {
            /* raze x,/:\:y (ref/cross.md): each item of x joined to each of y */
            kK(out)[i * ny + j] = prim_join(prim_item(x, i), prim_item(y, j));
        }
    r0(x);
    r0(y);
    return out;
}

K prim_tables(K x) {
    PRIM_ARGS1(x);
    /* tables `.ns: the tables of that namespace (ref/tables.md); otherwise the root's */
    S ns = x->t == -KS && x->s[0] == '.' && x->s[1] ? x->s : ss(".");
    r0(x);
    if (!RT->svc.global_names || !RT->svc.global_get)
        return ktn(KS, 0);
    K names = RT->svc.global_names(ns);
    K out = ktn(KS, 0);
    for (J i = 0; names && i < names->n; i++) {
        char full[512];
        snprintf(full, sizeof full, "%s.%s", ns, kS(names)[i]);
        K v = RT->svc.global_get(ns[1] ? ss(full) : kS(names)[i]);
        if (v && (v->t == XT || obj_is_keyed(v)))
            js(&out, kS(names)[i]);
        r0(v);
    }
    r0(names);
    out = prim_asc(out);
    if (out)
        out->u = ATTR_NONE; /* sorted, shown without `s# */
    return out;
}

/* fkeys t: each column enumerated over a keyed table, and that table's name */
K prim_fkeys(K x) {
    PRIM_ARGS1(x);
    K t = unkey(x);
    if (!t || t->t != XT) {
        r0(t);
        return kerr("type");
    }
    K names = ktn(KS, 0), doms = ktn(KS, 0);
    for (J c = 0; c < TABLE_COLS(t)->n; c++) {
        int ty = kK(TABLE_DATA(t))[c]->t;
        S dom = obj_is_enum(ty) ? enum_domain(ty) : NULL;
        K d = dom && RT->svc.global_get ? RT->svc.global_get(dom) : NULL;
        if (d && obj_is_keyed(d)) {
            js(&names, kS(TABLE_COLS(t))[c]);
            js(&doms, dom);
        }
        r0(d);
    }
    r0(t);
    return xD(names, doms);
}

K prim_hsym(K x) {
    PRIM_ARGS1(x);
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


/* (f;x) fby g: f applied to x within each group of g, spread back to the rows */
K prim_fby(K x, K y) {
    PRIM_ARGS2(x, y);
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
    K *out = mem_raw_calloc((size_t)(n ? n : 1), sizeof(K));
    if (!out) {
        r0(g);
        r0(x);
        return kerr("wsfull");
    }
    for (J k = 0; k < idx->n; k++) {
        K rows = kK(idx)[k];
        K part = prim_at(r1(v), r1(rows));
        K r = RT->svc.apply(r1(f), &part, 1);
        if (!r) {
            for (J i = 0; i < n; i++)
                r0(out[i]);
            mem_raw_free(out);
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
    mem_raw_free(out);
    r0(g);
    r0(x);
    return res;
}

/* ungroup: a table whose list columns hold one list per row, flattened to one row per item */
K prim_ungroup(K x) {
    PRIM_ARGS1(x);
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
    PRIM_ARGS2(x, y);
    if (x->t == KS && x->n == 1) {
        K s = prim_first(x);
        x = s;
    }
    if (x->t == KS && y->t == XT && x->n > 1) { /* several key columns: group their rows */
        K names = TABLE_COLS(y);
        for (J i = 0; i < x->n; i++)
            if (col_index(y, kS(x)[i]) < 0) {
                S miss = kS(x)[i];
                r0(x);
                r0(y);
                return kerr(miss);
            }
        K kt = prim_take(r1(x), r1(y));
        K g = kt ? prim_group(prim_find(r1(kt), r1(kt))) : NULL; /* first row of each group -> rows */
        if (!g) {
            if (kt)
                r0(kt);
            r0(x);
            r0(y);
            return NULL;
        }
        K keys = prim_at(kt, r1(DICT_KEYS(g)));
        K vn = ktn(KS, 0), vc = ktn(0, 0);
        for (J c = 0; c < names->n; c++) {
            bool key = false;
            for (J i = 0; i < x->n; i++)
                key = key || kS(x)[i] == kS(names)[c];
            if (key)
                continue;
            K lists = ktn(0, DICT_VALS(g)->n);
            for (J k = 0; k < lists->n; k++)
                kK(lists)[k] = prim_at(r1(kK(TABLE_DATA(y))[c]), r1(kK(DICT_VALS(g))[k]));
            js(&vn, kS(names)[c]);
            jk(&vc, lists);
        }
        r0(g);
        r0(x);
        r0(y);
        return keys ? xD(keys, make_table(vn, vc)) : (r0(vn), r0(vc), NULL);
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
