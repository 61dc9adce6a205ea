/* query.c -- qSQL's engine: the functional forms ?[t;c;b;a] (select, exec) and ![t;c;b;a]
 * (update, delete) that select/exec/update/delete are parsed into.
 *
 * A query evaluates its where clauses in order, each on the rows the previous ones kept,
 * with the table's columns (and the virtual column i) in scope; then either computes the
 * column expressions over the kept rows, or groups the rows by the `by` expressions and
 * computes them per group. */
#include <math.h>
#include <stdlib.h>

#include "../prim/par.h"
#include "lang_int.h"

/* a table argument: a table value, a keyed table (unkeyed here), a global's name, or a file
 * handle of a table (select from `:db/t reads it, ref/upsert.md) */
static K table_arg(K t, J *nkeys) {
    *nkeys = 0;
    if (t->t == -KS && t->s[0] == ':') { /* select from `:db/t: the table the file holds */
        t = prim_get(t);
        if (!t)
            return NULL;
    }
    if (t->t == -KS) {
        K v = env_get(t->s);
        K e = v ? NULL : kerr(t->s);
        r0(t);
        UNUSED(e);
        if (!v)
            return NULL;
        t = v;
    }
    if (obj_is_keyed(t)) {
        *nkeys = TABLE_COLS(DICT_KEYS(t))->n;
        return ktd(t);
    }
    if (t->t > 0 && obj_is_enum(t->t)) { /* a foreign key: the rows of its keyed table */
        K dom = env_get(enum_domain(t->t));
        if (dom && obj_is_keyed(dom)) {
            K pos = obj_own(t);
            pos->t = KJ;
            return prim_at(ktd(dom), pos);
        }
        r0(dom);
    }
    if (t->t != XT) {
        r0(t);
        return kerr("type");
    }
    return t;
}

/* ---- rows: idx is the selected rows of t, ascending; NULL means every row ---------------- */

static J rows_n(const K t, const K idx) { return idx ? idx->n : obj_count(t); }

/* 0 1 .. n-1 */
static K rows_til(J n) {
    K r = ktn(KJ, n);
    for (J i = 0; r && i < n; i++)
        kJ(r)[i] = i;
    return r;
}

/* ---- the columns an expression reads -------------------------------------------------------- */

/* Column expressions see the columns as the locals of a frame of their own (eval_with_columns);
 * lambdas, strings given to value and trees given to eval do not (they run in their own frames
 * or at top level), so the columns a tree can read are the names written in it: each -KS and
 * KS in the tree (t.c and d.f read t and d).  Only those are gathered at the selected rows. */

static void mark_name(S s, const K names, G *used) {
    size_t len = s[0] == '.' ? strlen(s) : strcspn(s, ".");
    for (J c = 0; c < names->n; c++)
        if (!strncmp(kS(names)[c], s, len) && kS(names)[c][len] == 0)
            used[c] = 1;
}

/* mark in used[] every name of names (borrowed) that tree e (borrowed) mentions; false when
 * the tree is too deep to walk (then every column is in scope and eval reports the depth) */
static bool refs_mark(const K e, const K names, G *used) {
    if (!stack_ok())
        return false;
    if (e->t == -KS)
        mark_name(e->s, names, used);
    else if (e->t == KS)
        for (J k = 0; k < e->n; k++)
            mark_name(kS(e)[k], names, used);
    else if (e->t == 0)
        for (J k = 0; k < e->n; k++)
            if (!refs_mark(kK(e)[k], names, used))
                return false;
    return true;
}

/* the scope for evaluating expressions over rows idx (NULL: all rows) of table t */
typedef struct Scope {
    K names; /* the columns in scope, and i when read */
    K *vals; /* those columns at the selected rows, and the row numbers */
    J n;     /* how many */
} Scope;

/* the scope of the columns the trees in exprs (borrowed: a tree, or a list of trees; NULL:
 * every column) read, at rows idx */
static bool scope_make(Scope *sc, const K t, const K idx, const K exprs) {
    K names = TABLE_COLS(t), cols = TABLE_DATA(t);
    J nc = names->n;
    G *used = mem_raw_calloc((size_t)nc + 1, 1);
    sc->names = ktn(KS, nc + 1);
    sc->vals = mem_raw_calloc((size_t)nc + 1, sizeof(K));
    sc->n = 0;
    if (!used || !sc->names || !sc->vals) {
        mem_raw_free(used);
        kerr("wsfull");
        return false;
    }
    sc->names->n = 0;
    K all = ktn(KS, nc + 1); /* the names a tree may read: the columns, then i */
    if (!all) {
        mem_raw_free(used);
        return false;
    }
    memcpy(kS(all), kS(names), (size_t)nc * sizeof(S));
    kS(all)[nc] = ss("i");
    if (!exprs || !refs_mark(exprs, all, used))
        memset(used, 1, (size_t)nc + 1);
    r0(all);
    /* idx is ascending row numbers: all of them means the columns as they are */
    bool every = !idx || idx->n == obj_count(t);
    for (J c = 0; c <= nc; c++) {
        if (!used[c])
            continue;
        K v;
        if (c == nc)
            v = idx ? r1(idx) : rows_til(obj_count(t));
        else
            v = every ? r1(kK(cols)[c]) : eval_index(r1(kK(cols)[c]), r1(idx));
        if (!v) {
            mem_raw_free(used);
            return false;
        }
        kS(sc->names)[sc->n] = c == nc ? ss("i") : kS(names)[c];
        sc->vals[sc->n++] = v;
        sc->names->n = sc->n; /* what scope_free releases, when a later column fails */
    }
    mem_raw_free(used);
    return true;
}

static void scope_free(Scope *sc) {
    for (J i = 0; sc->vals && i < sc->n; i++)
        r0(sc->vals[i]);
    mem_raw_free(sc->vals);
    r0(sc->names);
}

/* column name (an -KS tree) of t, or NULL (i is not a column: it is the row number) */
static K column_of(const K t, const K e) {
    if (e->t != -KS)
        return NULL;
    for (J k = 0; k < TABLE_COLS(t)->n; k++)
        if (kS(TABLE_COLS(t))[k] == e->s)
            return kK(TABLE_DATA(t))[k];
    return NULL;
}

/* ---- where clauses of one comparison, fused over blocks of rows ---------------------------- */

/* A clause col op v, col a column of t and v an expression that reads no column (evaluated
 * once, before the rows), with op one of = < > <= >= <> (and in for symbols), tests each row
 * of the column in place: no gathered column, no boolean vector.  Consecutive such clauses
 * run together over blocks of row numbers, each on the survivors of the ones before it in
 * the block, which keeps every row the general path keeps, in order.  As each is a test of
 * one row's item that cannot fail, their order does not change the rows kept: the one that
 * keeps the fewest rows of a sample runs first. */

/* float, 8-byte int, 4-byte int column; symbol = one symbol, in symbols; an enumeration's
 * = or in, by a mark per domain item */
enum { W_F, W_J, W_I, W_S, W_SIN, W_EIN };

typedef struct Pred {
    int kind;          /* W_F .. W_EIN */
    int rel;           /* -1: col < v, 0: col = v, 1: col > v */
    bool neg;          /* keep the rows where rel does not hold (<= >= <>) */
    const void *col;   /* the column's items */
    J len, width;      /* the column's count, and bytes per item */
    F f, band;         /* W_F: v, and how near v tolerance may decide */
    J j;               /* W_J, W_I: v */
    S sym;             /* W_S: v */
    SymSet set;        /* W_SIN: the symbols of v (set.slots NULL for any other kind) */
    G *marks;          /* W_EIN: marks[k] whether domain item k passes, marks[nd] the rest */
    J nd;              /* W_EIN: the domain's count */
    K v;               /* v, held while the clause runs */
} Pred;

#define W_BLOCK 1024
/* Rows are read ahead of their tests (software prefetch): in a run of rows the hardware's
 * prefetch alone left the first clause waiting on memory for half its time (2 shared cores
 * of a VM), and rows picked by an earlier clause are never in a pattern it can follow. */
#define W_AHEAD 512    /* rows ahead, in a run */
#define W_AHEAD_SEL 16 /* kept rows ahead */
#define W_MAX 8        /* clauses fused at most */
#define W_SAMPLE 1024  /* rows tested to order the clauses, from 8 times as many rows or more */

/* set up p for col (borrowed) op v (borrowed), op a comparison's id and swap when v came
 * first; false when no kernel does that pair (the general path then applies op) */
static bool pred_make(Pred *p, int op, bool swap, const K col, const K v) {
    memset(p, 0, sizeof *p);
    p->v = v;
    p->rel = op == P_EQ || op == P_NE || op == P_IN ? 0 : op == P_LT || op == P_GE ? -1 : 1;
    if (swap)
        p->rel = -p->rel;
    p->neg = op == P_LE || op == P_GE || op == P_NE;
    p->col = kG(col);
    p->len = col->n;
    p->width = obj_width(col->t);
    int ct = col->t;
    if (obj_is_enum(ct)) { /* in, and = or <> one symbol: x = s is x in enlist s */
        if (op != P_IN && (p->rel != 0 || v->t != -KS))
            return false;
        p->kind = W_EIN;
        return (p->marks = prim_enum_marks(ct, v, &p->nd)) != NULL;
    }
    if (op == P_IN) {
        if (ct != KS || (v->t != KS && v->t != -KS))
            return false;
        if (v->t == -KS)
            return (p->kind = W_S), (p->sym = v->s), true;
        p->kind = W_SIN;
        return prim_symset_make(&p->set, kS(v), v->n) || (kerr_clear(), false);
    }
    if (ct == KS)
        return v->t == -KS && p->rel == 0 && ((p->kind = W_S), (p->sym = v->s), true);
    if (ct == KF) {
        F c;
        if (v->t == -KF)
            c = v->f;
        else if (v->t == -KJ && v->j != nj && v->j > -(1LL << 53) && v->j < (1LL << 53))
            c = (F)v->j; /* as a float (exactly): what = < > do with a long and a float */
        else
            return false;
        if (!isfinite(c))
            return false;
        F band = prim_cmp_f_band(c);
        p->kind = W_F, p->f = c, p->band = band;
        return true;
    }
    if (v->t != -ct)
        return false; /* one type on both sides: ints and temporals compare as their numbers */
    if (ct == KJ || ct == KP || ct == KN)
        return (p->kind = W_J), (p->j = v->j), true;
    if (ct == KI || ct == KD || ct == KM || ct == KU || ct == KV || ct == KT)
        return (p->kind = W_I), (p->j = v->i), true;
    return false;
}

/* the rows base .. base+k-1 whose keep[] is 1, in order, into sel: their count.  The marks
 * are read eight at a time and taken apart in a register (no load of a mark just after a
 * store of a row); when sparse, eight marks of none are skipped at once */
static J pick_run(const G *keep, J *sel, J k, J base, bool sparse) {
    J o = 0, r = 0;
    for (; r + 8 <= k; r += 8) {
        uint64_t w;
        memcpy(&w, keep + r, 8);
        if (sparse && !w)
            continue;
        for (int q = 0; q < 8; q++) {
            sel[o] = base + r + q;
            o += (J)(w >> (8 * q) & 1);
        }
    }
    for (int q = 0, m = (int)(k - r); q < m; q++) {
        sel[o] = base + r + q;
        o += keep[r + q];
    }
    return o;
}

/* keep the rows of sel[0..k) (k < 2 * W_BLOCK) that pass p, in order, into sel: the new count; with base >= 0
 * the rows are base .. base+k-1 instead (sel not read: the first clause over every row).
 * Each row's test goes into a mask first, then the mask picks the rows: the tests of many
 * rows are in flight at once, not each waiting for the count of the rows kept before it. */
static J pred_filter(const Pred *p, J *sel, J k, J base) {
    G keep[2 * W_BLOCK];
    bool dense = base >= 0;
    const char *col = p->col;
    J w = p->width, last = p->len - 1;
    int rel = p->rel;
    G neg = p->neg;
    if (dense && p->kind == W_SIN) { /* a run of rows: by the set's own vector test */
        const S *c = p->col;
        __builtin_prefetch(c + MIN(base + k + W_AHEAD, last));
        prim_symset_mark(&p->set, c + base, k, keep);
        for (J r = 0; neg && r < k; r++)
            keep[r] ^= 1;
        return pick_run(keep, sel, k, base, true);
    }
#define W_ROWS(test)                                                                           \
    {                                                                                          \
        if (dense)                                                                             \
            for (J r = 0; r < k; r++) {                                                        \
                J row = base + r;                                                              \
                if (!(row & 7)) /* a cache line of 8-byte items at a time */                 \
                    __builtin_prefetch(col + w * MIN(row + W_AHEAD, last));                    \
                keep[r] = (G)(test) ^ neg;                                                     \
            }                                                                                  \
        else                                                                                   \
            for (J r = 0; r < k; r++) {                                                        \
                J row = sel[r];                                                                \
                __builtin_prefetch(col + w * sel[MIN(r + W_AHEAD_SEL, k - 1)]);                \
                keep[r] = (G)(test) ^ neg;                                                     \
            }                                                                                  \
    }
    switch (p->kind) {
    case W_F: {
        const F *c = p->col;
        F v = p->f, band = p->band;
        /* far from v the plain comparison is q's (a null is below every v) */
#define W_F_TEST(plain)                                                                        \
    (UNLIKELY(fabs(c[row] - v) <= band) ? prim_cmp_f_near(rel, c[row], v) : (plain))
        if (rel < 0)
            W_ROWS(W_F_TEST(!(c[row] >= v)))
        else if (rel > 0)
            W_ROWS(W_F_TEST(c[row] > v))
        else
            W_ROWS(W_F_TEST(0))
#undef W_F_TEST
        break;
    }
    case W_J:
    case W_I: {
        J v = p->j;
        const J *cj = p->col;
        const I *ci = p->col;
#define W_X (p->kind == W_J ? cj[row] : ci[row])
        if (rel < 0)
            W_ROWS(W_X < v)
        else if (rel > 0)
            W_ROWS(W_X > v)
        else
            W_ROWS(W_X == v)
#undef W_X
        break;
    }
    case W_S: {
        const S *c = p->col;
        S v = p->sym;
        W_ROWS(c[row] == v)
        break;
    }
    case W_SIN: {
        const S *c = p->col;
        W_ROWS(prim_symset_has(&p->set, c[row]))
        break;
    }
    case W_EIN: {
        const J *c = p->col;
        const G *marks = p->marks;
        uint64_t nd = (uint64_t)p->nd;
        W_ROWS(marks[(uint64_t)c[row] < nd ? (uint64_t)c[row] : nd])
        break;
    }
    }
#undef W_ROWS
    J o = 0;
    if (dense)
        return pick_run(keep, sel, k, base, false);
    else
        for (J r = 0; r < k; r++) {
            sel[o] = sel[r];
            o += keep[r];
        }
    return o;
}

static void preds_free(Pred *ps, int np) {
    for (int q = 0; q < np; q++) {
        prim_symset_free(&ps[q].set);
        mem_raw_free(ps[q].marks);
        r0(ps[q].v);
    }
}

/* ps[0..np) reordered, stably, by how many of a sample of the rows src (NULL: 0..n-1) each
 * keeps, fewest first */
static void preds_order(Pred *ps, int np, const J *src, J n) {
    J kept[W_MAX], sel[W_SAMPLE];
    for (int q = 0; q < np; q++) {
        for (J r = 0; r < W_SAMPLE; r++)
            sel[r] = src ? src[r * (n / W_SAMPLE)] : r * (n / W_SAMPLE);
        kept[q] = pred_filter(&ps[q], sel, W_SAMPLE, -1);
    }
    for (int q = 1; q < np; q++)
        for (int u = q; u > 0 && kept[u] < kept[u - 1]; u--) {
            Pred p = ps[u];
            J c = kept[u];
            ps[u] = ps[u - 1], kept[u] = kept[u - 1];
            ps[u - 1] = p, kept[u - 1] = c;
        }
}

/* the clauses np of ps over the rows lo..hi-1 (src NULL) or src[lo..hi), the kept ones into
 * dst from dst[0]: their count.  The first clause over a block of rows at a time; the others
 * once at least a block of its survivors waits (fewer at the end), so that a selective first
 * clause still leaves them rows enough to read ahead.  dst may be the rows' own place in src
 * (writes never pass reads). */
static J preds_range(const Pred *ps, int np, const J *src, J lo, J hi, J *dst) {
    J sel[2 * W_BLOCK], m = 0, kept = 0;
    for (J b = lo; b < hi; b += W_BLOCK) {
        J c = MIN(W_BLOCK, hi - b);
        if (src)
            memcpy(sel + m, src + b, (size_t)c * sizeof(J));
        m += pred_filter(&ps[0], sel + m, c, src ? -1 : b);
        if (m < W_BLOCK && b + c < hi)
            continue;
        for (int q = 1; q < np && m; q++)
            m = pred_filter(&ps[q], sel, m, -1);
        memcpy(dst + kept, sel, (size_t)m * sizeof(J));
        kept += m;
        m = 0;
    }
    return kept;
}

/* with secondary threads (par.h): each part of the rows keeps its own into its own range of
 * the result, then the parts close up in order */
typedef struct {
    const Pred *ps;
    int np;
    const J *src;
    J n;
    J *out;
    J kept[PAR_MAX_PARTS];
} PredsPar;

static void preds_part(void *ctx, int64_t part) {
    PredsPar *w = ctx;
    J lo = part * PAR_BLOCK, hi = MIN(lo + PAR_BLOCK, w->n);
    w->kept[part] = preds_range(w->ps, w->np, w->src, lo, hi, w->out + lo);
}

/* the clauses np of ps over rows *idx (NULL: every row; replaced by the kept rows) of n */
static bool preds_run(Pred *ps, int np, J n, K *idx) {
    const J *src = *idx ? kJ(*idx) : NULL;
    if (np > 1 && n >= 8 * W_SAMPLE)
        preds_order(ps, np, src, n);
    K out = *idx && !(*idx)->r ? r1(*idx) : ktn(KJ, n); /* in place: writes never pass reads */
    if (!out)
        return false;
    int64_t parts = par_parts(n);
    J kept = 0;
    if (parts > 1 && parts <= PAR_MAX_PARTS) {
        PredsPar *w = mem_raw_alloc(sizeof *w);
        if (!w) {
            r0(out);
            return kerr("wsfull"), false;
        }
        *w = (PredsPar){.ps = ps, .np = np, .src = src, .n = n, .out = kJ(out)};
        pool_run(preds_part, w, parts);
        for (int64_t q = 0; q < parts; q++) {
            memmove(kJ(out) + kept, kJ(out) + q * PAR_BLOCK, (size_t)w->kept[q] * sizeof(J));
            kept += w->kept[q];
        }
        mem_raw_free(w);
    } else {
        kept = preds_range(ps, np, src, 0, n, kJ(out));
    }
    out->n = kept;
    r0(*idx);
    *idx = out;
    return true;
}

/* true when clause e (borrowed) is col op v as above: *op, *col (borrowed), *v the tree of v,
 * *swap when v came first */
static bool clause_shape(const K t, const K e, int *op, K *col, K *v, bool *swap) {
    if (e->t != 0 || e->n != 3 || kK(e)[0]->t != KBINARY)
        return false;
    int o = kK(e)[0]->g;
    if (o != P_EQ && o != P_LT && o != P_GT && o != P_LE && o != P_GE && o != P_NE && o != P_IN)
        return false;
    K a = kK(e)[1], b = kK(e)[2], c;
    *swap = false;
    if ((c = column_of(t, a)))
        *v = b;
    else if (o != P_IN && (c = column_of(t, b)))
        *v = a, *swap = true;
    else
        return false;
    /* v must read no column (nor i) */
    K names = TABLE_COLS(t);
    K all = ktn(KS, names->n + 1);
    G *used = mem_raw_calloc((size_t)names->n + 1, 1);
    bool none = all && used;
    if (none) {
        memcpy(kS(all), kS(names), (size_t)names->n * sizeof(S));
        kS(all)[names->n] = ss("i");
        none = refs_mark(*v, all, used);
        for (J k = 0; none && k <= names->n; k++)
            none = !used[k];
    }
    r0(all);
    mem_raw_free(used);
    *op = o, *col = c;
    return none;
}

/* the first where clause as c = v, c within v or c in v for a column c with s#, v evaluated
 * over the whole table: the rows by binary search (d0.q's select i from t where date=first
 * date).  1 with *idx the rows, ascending; 0 when the clause is of no such shape or v does not
 * fit c's type (then the general path runs); -1 on error */
static int sorted_clause(const K t, const K e, K *idx) {
    if (e->t != 0 || e->n != 3 || kK(e)[0]->t != KBINARY)
        return 0;
    int op = kK(e)[0]->g;
    K col = column_of(t, kK(e)[1]);
    if ((op != P_EQ && op != P_WITHIN && op != P_IN) || !col || col->u != ATTR_S)
        return 0;
    Scope sc = {0};
    if (!scope_make(&sc, t, NULL, kK(e)[2])) {
        scope_free(&sc);
        return -1;
    }
    K v = eval_with_columns(kK(e)[2], sc.names, sc.vals);
    scope_free(&sc);
    if (!v)
        return -1;
    K vals = NULL; /* the values sought, ascending and distinct (in), or the two bounds */
    if (op == P_EQ && v->t == -col->t)
        vals = obj_list(2, r1(v), r1(v));
    else if (op == P_WITHIN && v->t == col->t && v->n == 2)
        vals = obj_list(2, prim_item(v, 0), prim_item(v, 1));
    else if (op == P_IN && v->t == col->t)
        vals = prim_asc(prim_distinct(r1(v)));
    r0(v);
    if (!vals)
        return kerr_msg() ? -1 : 0;
    K rows = ktn(KJ, 0);
    bool in = op == P_IN;
    J pairs = in ? vals->n : 1;
    for (J k = 0; rows && k < pairs; k++) {
        K a = in ? prim_item(vals, k) : r1(kK(vals)[0]), b = in ? r1(a) : r1(kK(vals)[1]);
        J lo, hi;
        bool fits = prim_sorted_range(col, a, b, &lo, &hi);
        r0(a);
        r0(b);
        if (!fits) {
            r0(rows);
            r0(vals);
            return 0;
        }
        for (J r = lo; rows && r < hi; r++)
            ja(&rows, &r);
    }
    r0(vals);
    if (!rows)
        return -1;
    *idx = rows;
    return 1;
}

/* rows of t passing every where clause, each evaluated on the survivors of the ones before
 * it over the columns it reads: *idx the kept rows, ascending (NULL: every row, when there
 * is no clause); false + kerr on error */
static bool filter_rows(const K t, const K where, K *idx) {
    *idx = NULL;
    J nc = where->t == 0 ? where->n : 0;
    Pred ps[W_MAX];
    int np = 0;
    bool ok = true;
    for (J w = 0; ok && w <= nc; w++) {
        K e = w < nc ? kK(where)[w] : NULL, col = NULL, vtree = NULL, v = NULL;
        if (e && !*idx && np == 0) { /* the first clause, on an s# column */
            int r = sorted_clause(t, e, idx);
            if (r < 0) {
                ok = false;
                break;
            }
            if (r > 0)
                continue;
        }
        int op = 0;
        bool swap = false, shaped = e && clause_shape(t, e, &op, &col, &vtree, &swap);
        if (shaped) {
            K none = ktn(KS, 0);
            v = none ? eval_with_columns(vtree, none, NULL) : NULL;
            r0(none);
            if (!v) {
                ok = false;
                break;
            }
            if (np < (int)ARRAY_LEN(ps) && pred_make(&ps[np], op, swap, col, v)) {
                np++; /* ps[np] holds v now */
                continue;
            }
        }
        /* the clauses gathered so far, before this one */
        if (np)
            ok = preds_run(ps, np, rows_n(t, *idx), idx);
        preds_free(ps, np);
        np = 0;
        if (!ok || !e) {
            r0(v);
            break;
        }
        K b;
        if (shaped) { /* col op v by the primitive itself, v evaluated already */
            K cv = *idx && (*idx)->n != obj_count(t) ? eval_index(r1(col), r1(*idx)) : r1(col);
            K args[2] = {swap ? v : cv, swap ? cv : v};
            b = cv ? eval_apply(r1(kK(e)[0]), args, 2) : (r0(v), NULL);
        } else {
            Scope sc = {0};
            if (!scope_make(&sc, t, *idx, e)) {
                scope_free(&sc);
                ok = false;
                break;
            }
            b = eval_with_columns(e, sc.names, sc.vals);
            scope_free(&sc);
        }
        J n = rows_n(t, *idx);
        if (b && b->t == 0 && b->n == 0 && n == 0) { /* f each over no rows: () keeps none */
            r0(b);
            b = ktn(KB, 0);
        }
        if (!b || (b->t != -KB && (b->t != KB || b->n != n))) {
            if (b)
                kerr(b->t == KB ? "length" : "type");
            r0(b);
            ok = false;
            break;
        }
        K kept = ktn(KJ, b->t == -KB ? (b->g ? n : 0) : n); /* an atom keeps all or nothing */
        J k = 0;
        if (kept && b->t == -KB)
            for (; k < kept->n; k++)
                kJ(kept)[k] = *idx ? kJ(*idx)[k] : k;
        else if (kept && *idx)
            for (J r = 0; r < n; r++) {
                kJ(kept)[k] = kJ(*idx)[r];
                k += kG(b)[r] != 0;
            }
        else if (kept)
            for (J r = 0; r < n; r++) {
                kJ(kept)[k] = r;
                k += kG(b)[r] != 0;
            }
        r0(b);
        r0(*idx);
        *idx = kept;
        if (!kept)
            ok = false;
        else
            kept->n = k;
    }
    preds_free(ps, np);
    if (!ok) {
        r0(*idx);
        *idx = NULL;
    }
    return ok;
}

/* evaluate the expressions of dict a over rows idx: one value per expression */
static K compute(const K t, const K idx, const K a) {
    Scope sc = {0};
    K exprs = DICT_VALS(a); /* parse trees; a symbol vector when every one is a column name */
    if (!scope_make(&sc, t, idx, exprs)) {
        scope_free(&sc);
        return NULL;
    }
    J n = obj_count(exprs);
    K out = ktn(0, n);
    for (J c = 0; out && c < n; c++) {
        K e = prim_item(exprs, c);
        kK(out)[c] = eval_with_columns(e, sc.names, sc.vals);
        r0(e);
        if (!kK(out)[c]) {
            out->n = c;
            r0(out);
            out = NULL;
        }
    }
    scope_free(&sc);
    return out;
}

/* columns of equal length from values (atoms are extended) */
static K as_table(K names, K vals) {
    J n = -1;
    for (J i = 0; i < vals->n; i++)
        if (kK(vals)[i]->t >= 0 && kK(vals)[i]->t < XT)
            n = MAX(n, obj_count(kK(vals)[i]));
    for (J i = 0; i < vals->n; i++) {
        K v = kK(vals)[i];
        if (v->t < 0 || v->t >= XT) {
            K e = prim_enlist(v);
            if (n > 1) {
                K tk = prim_take(kj(n), e);
                e = tk;
            }
            kK(vals)[i] = e;
        }
    }
    return xT(xD(names, vals));
}

/* The groups of a by clause: the key table (sorted by key, as q's by sorts), each selected
 * row's group in that order, and (built only when some expression needs it) each group's
 * row numbers. */
typedef struct Grouping {
    K keys;   /* key table */
    K gid;    /* group of each selected row (position in idx) */
    J ng;
    K lists;  /* row numbers of t per group, or NULL until wanted */
} Grouping;

static void grouping_free(Grouping *g) {
    r0(g->keys);
    r0(g->gid);
    r0(g->lists);
}

/* the groups of the rows of key columns keys (borrowed, a list of equal-length columns),
 * numbered in order of first appearance: the first row of each (returned) and each row's
 * group (*gid).  Several columns are grouped one at a time, in vector passes: the groups so
 * far and the next column's give a combined code g*count+h, which is grouped again (a
 * direct-address table when the codes are dense, a hash sized to the groups otherwise). */
static K group_ids(const K keys, K *gid) {
    K first = prim_group_ids(kK(keys)[0], gid);
    for (J c = 1; first && c < keys->n; c++) {
        K h = NULL, hfirst = prim_group_ids(kK(keys)[c], &h);
        if (!hfirst) {
            r0(first);
            r0(*gid);
            return NULL;
        }
        J m = hfirst->n, ng = first->n; /* at most the row count: the codes stay below n^2 */
        r0(hfirst);
        J *g = kJ(*gid);
        const J *hg = kJ(h);
        J n = (*gid)->n;
        bool few = ng * m <= MAX(n, 1 << 16) && n < wi; /* the combinations: a direct table */
        I *code = few ? mem_raw_alloc((size_t)(ng * m) * sizeof(I)) : NULL;
        K pos = code ? ktn(KJ, MIN(n, ng * m)) : NULL;
        r0(first);
        if (pos) { /* a direct-address table, in the same pass as the combining */
            memset(code, 0xff, (size_t)(ng * m) * sizeof(I));
            J ngroups = 0;
            for (J i = 0; i < n; i++) {
                J k = g[i] * m + hg[i];
                if (code[k] < 0) {
                    kJ(pos)[ngroups] = i;
                    code[k] = (I)ngroups++;
                }
                g[i] = code[k];
            }
            mem_raw_free(code);
            r0(h);
            pos->n = ngroups;
            first = pos;
            continue;
        }
        if (code && !pos) {
            mem_raw_free(code);
            r0(h);
            r0(*gid);
            *gid = NULL;
            return NULL;
        }
        mem_raw_free(code);
        for (J i = 0; i < n; i++)
            g[i] = g[i] * m + hg[i];
        r0(h);
        first = prim_regroup(*gid); /* *gid is ours alone: prim_group_ids made it */
        if (!first) {
            r0(*gid);
            *gid = NULL;
        }
    }
    return first;
}

/* key column types whose sort order and grouping agree on what is equal (no tolerance, no
 * items of several types) */
static bool rankable(int t) {
    return t == KS || t == KB || t == KG || t == KH || t == KI || t == KJ || t == KC || t == KD ||
           t == KM || t == KU || t == KV || t == KT || t == KN || t == KP;
}

/* the order of the rows of key table kt (consumed; distinct rows), as iasc gives it.  Several
 * key columns of rankable types are ranked one at a time (the distinct values of each,
 * sorted: few), and the rows sorted by one long code of their ranks; otherwise iasc. */
static K key_order(K kt) {
    K cols = TABLE_DATA(kt);
    J ng = obj_count(kt);
    bool ranks = cols->n > 1;
    for (J c = 0; ranks && c < cols->n; c++)
        ranks = rankable(kK(cols)[c]->t);
    if (!ranks)
        return prim_iasc(kt);
    K code = ktn(KJ, ng);
    if (code)
        memset(kJ(code), 0, (size_t)ng * sizeof(J));
    J span = 1; /* the product of the ranks' counts so far: the codes stay below it */
    for (J c = 0; code && c < cols->n; c++) {
        K gid = NULL, first = prim_group_ids(kK(cols)[c], &gid);
        K vals = first ? prim_gather(kK(cols)[c], first) : NULL;
        K ord = vals ? prim_iasc(vals) : NULL;
        J m = first ? first->n : 0;
        J *rank = ord ? mem_raw_alloc((size_t)(m ? m : 1) * sizeof(J)) : NULL;
        bool fits = !__builtin_mul_overflow(span, m, &span);
        if (rank && fits) {
            for (J k = 0; k < m; k++)
                rank[kJ(ord)[k]] = k;
            for (J i = 0; i < ng; i++)
                kJ(code)[i] = kJ(code)[i] * m + rank[kJ(gid)[i]];
        }
        mem_raw_free(rank);
        r0(first); r0(gid); r0(ord);
        if (!rank || !fits) {
            r0(code);
            if (ord && !fits) /* too many combinations for one long: iasc does it */
                return prim_iasc(kt);
            r0(kt);
            return ord ? kerr("wsfull") : NULL;
        }
    }
    r0(kt);
    return code ? prim_iasc(code) : NULL;
}

/* item i+512 of the n items of w bytes at items asked of memory ahead of its use (a column
 * read in a run: see W_AHEAD) */
static inline void read_ahead(const void *items, J i, J n, int w) {
    __builtin_prefetch((const char *)items + (size_t)w * (size_t)MIN(i + 512, n - 1));
}

/* One integral key (no attribute) whose values span at most a few times the rows: each
 * value's group is its offset from the smallest, so the groups come out in key order with
 * no hashing and no sort (the order of `by`: ascending, a null the smallest).  1 done, 0 not
 * this case, -1 error (kerr) */
/* grouping and grouped aggregates over parts of the rows: from GA_MIN rows, GA_PARTS parts
 * whatever \s is (below) */
enum {
    GA_MIN = 1 << 17,
    GA_PARTS = 8,
};

/* dense_groups over parts of the rows: each part's least and greatest key, then each row's
 * offset and (into the part's own marks, m bytes) the offsets present */
typedef struct DensePar {
    const K key;
    J n, block, lo, m;
    J *gv;
    G *marks;           /* parts x m */
    J least[GA_PARTS], most[GA_PARTS];
    bool offsets;       /* the second pass */
} DensePar;

static void dense_part(void *ctx, int64_t p) {
    DensePar *d = ctx;
    J lo = p * d->block, hi = MIN(lo + d->block, d->n);
    int ty = d->key->t;
#define DENSE_WIDTH(T)                                                                          \
    do {                                                                                       \
        const T *kv = (const T *)kG(d->key);                                                   \
        if (!d->offsets) {                                                                     \
            J a = kv[lo], b = kv[lo];                                                          \
            for (J i = lo + 1; i < hi; i++) {                                                  \
                read_ahead(kv, i, hi, sizeof *kv);                                             \
                J v = kv[i];                                                                   \
                a = v < a ? v : a;                                                             \
                b = v > b ? v : b;                                                             \
            }                                                                                  \
            d->least[p] = a, d->most[p] = b;                                                   \
        } else {                                                                               \
            G *mk = d->marks + p * d->m;                                                       \
            J base = d->lo, *gv = d->gv;                                                       \
            for (J i = lo; i < hi; i++) {                                                      \
                read_ahead(kv, i, hi, sizeof *kv);                                             \
                mk[gv[i] = kv[i] - base] = 1;                                                  \
            }                                                                                  \
        }                                                                                      \
    } while (0)
    if (ty == KJ || ty == KP || ty == KN)
        DENSE_WIDTH(J);
    else if (ty == KH)
        DENSE_WIDTH(H);
    else
        DENSE_WIDTH(I);
#undef DENSE_WIDTH
}

static int dense_groups(const K key, const K names, Grouping *gr) {
    int ty = key->t;
    bool wide = ty == KJ || ty == KP || ty == KN, narrow = ty == KI || ty == KD || ty == KM ||
                                                         ty == KU || ty == KV || ty == KT;
    J n = key->n;
    if ((!wide && !narrow && ty != KH) || key->u || !n)
        return 0;
    /* each loop once per width, so that none tests the width per item */
#define BY_WIDTH(body)                                                                          \
    do {                                                                                       \
        if (wide) { const J *kv = kJ(key); body; }                                             \
        else if (narrow) { const I *kv = kI(key); body; }                                      \
        else { const H *kv = kH(key); body; }                                                  \
    } while (0)
    /* over parts of the rows (with \s, on the secondary threads) when there are many: the
     * parts are exact, so the groups are the same for every \s */
    DensePar d = {.key = key, .n = n};
    int64_t parts = n >= GA_MIN ? GA_PARTS : 1;
    d.block = (n + parts - 1) / parts;
    pool_run(dense_part, &d, parts);
    J lo = d.least[0], hi = d.most[0];
    for (int64_t p = 1; p < parts; p++)
        lo = MIN(lo, d.least[p]), hi = MAX(hi, d.most[p]);
    uint64_t span = (uint64_t)hi - (uint64_t)lo;
    if (span >= (uint64_t)n * 4 + 1024)
        return 0;
    J m = (J)span + 1;
    J *rank = mem_raw_calloc((size_t)m, sizeof(J));
    K gid = rank ? ktn(KJ, n) : NULL;
    /* each row's offset and the offsets present in one pass; the offsets are the groups
     * when every one is present (a dense key), else they are renumbered after.  Over parts,
     * each marks its own m bytes when they are few beside the rows */
    bool split = parts > 1 && m * parts <= n;
    G *marks = split && gid ? mem_raw_calloc((size_t)(m * parts), 1) : NULL;
    if (!gid || (split && !marks)) {
        mem_raw_free(rank);
        r0(gid);
        kerr("wsfull");
        return -1;
    }
    J *gv = kJ(gid);
    if (split) {
        d.lo = lo, d.m = m, d.gv = gv, d.marks = marks, d.offsets = true;
        pool_run(dense_part, &d, parts);
        for (int64_t p = 0; p < parts; p++)
            for (J k = 0; k < m; k++)
                rank[k] |= marks[p * m + k];
        mem_raw_free(marks);
    } else {
        BY_WIDTH(for (J i = 0; i < n; i++) {
            read_ahead(kv, i, n, sizeof *kv);
            rank[gv[i] = kv[i] - lo] = 1;
        });
    }
    J ng = 0;
    for (J k = 0; k < m; k++)
        rank[k] = rank[k] ? ng++ : -1;
    K vals = ktn(ty, ng);
    if (!vals) {
        mem_raw_free(rank);
        r0(gid);
        return -1;
    }
    for (J k = 0; k < m; k++) {
        J g = rank[k], v = lo + k;
        if (g < 0)
            continue;
        if (wide)
            kJ(vals)[g] = v;
        else if (narrow)
            kI(vals)[g] = (I)v;
        else
            kH(vals)[g] = (H)v;
    }
    for (J i = 0; ng < m && i < n; i++)
        gv[i] = rank[gv[i]];
#undef BY_WIDTH
    mem_raw_free(rank);
    gr->keys = xT(xD(r1(names), obj_list(1, vals)));
    if (!gr->keys) {
        r0(gid);
        return -1;
    }
    gr->gid = gid;
    gr->ng = ng;
    return 1;
}

static bool group_rows(const K t, const K idx, const K b, Grouping *gr) {
    memset(gr, 0, sizeof *gr);
    K keys = compute(t, idx, b);
    if (!keys)
        return false;
    J nsel = rows_n(t, idx);
    for (J c = 0; c < keys->n; c++) { /* one key per selected row: atoms spread, lists fit */
        K k = kK(keys)[c];
        if (k->t < 0)
            kK(keys)[c] = prim_take(kj(nsel), k);
        else if (k->t >= XT || obj_count(k) != nsel) {
            r0(keys);
            kerr("length");
            return false;
        }
        if (!kK(keys)[c]) {
            kK(keys)[c] = obj_identity();
            r0(keys);
            return false;
        }
    }
    if (keys->n == 1) {
        int dense = dense_groups(kK(keys)[0], DICT_KEYS(b), gr);
        if (dense) {
            r0(keys);
            return dense > 0;
        }
    }
    K gid = NULL;
    K first = group_ids(keys, &gid);
    if (!first) {
        r0(keys);
        return false;
    }
    /* the key table in key order, and the groups renumbered to match */
    K names = r1(DICT_KEYS(b));
    K cols = ktn(0, keys->n);
    for (J c = 0; c < keys->n; c++)
        kK(cols)[c] = eval_index(r1(kK(keys)[c]), r1(first));
    r0(keys);
    r0(first);
    K kt = xT(xD(names, cols));
    K order = kt ? key_order(r1(kt)) : NULL;
    if (!order) {
        r0(kt);
        r0(gid);
        return false;
    }
    J ng = order->n;
    J *rank = mem_raw_alloc((size_t)(ng ? ng : 1) * sizeof(J));
    if (!rank) {
        r0(order);
        r0(kt);
        r0(gid);
        kerr("wsfull");
        return false;
    }
    bool same = true; /* keys already in order (often, e.g. by a sorted column) */
    for (J k = 0; k < ng; k++) {
        rank[kJ(order)[k]] = k;
        same = same && kJ(order)[k] == k;
    }
    for (J i = 0; !same && i < gid->n; i++)
        kJ(gid)[i] = rank[kJ(gid)[i]];
    mem_raw_free(rank);
    gr->keys = same ? (r0(order), kt) : eval_index(kt, order);
    gr->gid = gid;
    gr->ng = ng;
    return gr->keys != NULL;
}

/* each group's row numbers in t (row order kept) */
static K group_lists(Grouping *gr, const K idx) {
    if (gr->lists)
        return gr->lists;
    J *count = mem_raw_calloc((size_t)(gr->ng ? gr->ng : 1), sizeof(J));
    K lists = count ? ktn(0, gr->ng) : NULL;
    for (J i = 0; lists && i < gr->gid->n; i++)
        count[kJ(gr->gid)[i]]++;
    for (J g = 0; lists && g < gr->ng; g++) {
        if (!(kK(lists)[g] = ktn(KJ, count[g]))) {
            r0(lists);
            lists = NULL;
        }
        count[g] = 0;
    }
    if (!lists) {
        mem_raw_free(count);
        return kerr("wsfull");
    }
    for (J i = 0; i < gr->gid->n; i++) {
        J g = kJ(gr->gid)[i];
        kJ(kK(lists)[g])[count[g]++] = idx ? kJ(idx)[i] : i;
    }
    mem_raw_free(count);
    return gr->lists = lists;
}

/* a numeric column's value at a selected row as a float (nulls NaN) */
static inline F at_f(const K col, const J *row, J i) {
    J r = row ? row[i] : i;
    return col->t == KF ? kF(col)[r] : kJ(col)[r] == nj ? nf : (F)kJ(col)[r];
}

/* ---- aggregates by group ----
 *
 * A grouped aggregate reads each selected row once and adds it into its group's slot.  From
 * GA_MIN rows, when the groups are few beside the rows, the rows are cut into GA_PARTS parts
 * whatever \s is: each part fills slots of its own (on the secondary threads when there are
 * some; parts never allocate), and the parts' slots are combined in part order, so that a
 * float sum has the same bits for every \s. */
enum { GA_COUNT, GA_SUM_J, GA_SUM_F, GA_AVG, GA_MIN_J, GA_MAX_J, GA_MIN_F, GA_MAX_F, GA_WAVG_J, GA_WEIGHT_F };

typedef struct GroupAgg {
    int kind;             /* GA_* */
    bool wsum;            /* GA_WEIGHT_F: x wsum y, not x wavg y */
    K x, y;               /* the column (borrowed), and y of x wavg y / x wsum y */
    const J *gid, *row;   /* each selected row's group, and its row of t (NULL: the i-th) */
    J n, ng, block;       /* rows, groups, rows per part */
    int64_t parts;
    J *acc, *acc2;        /* parts x ng slots of 8 bytes (longs or floats), acc2 for counts and weights */
} GroupAgg;

static void group_agg_part(void *ctx, int64_t p) {
    const GroupAgg *a = ctx;
    J lo = p * a->block, hi = MIN(lo + a->block, a->n), ng = a->ng;
    J *sj = a->acc + p * ng, *cj = a->acc2 ? a->acc2 + p * ng : NULL;
    F *sf = (F *)sj, *cf = (F *)cj;
    const J *gid = a->gid, *row = a->row;
    const K x = a->x, y = a->y;
    switch (a->kind) {
    case GA_COUNT:
        for (J i = lo; i < hi; i++)
            sj[gid[i]]++;
        break;
    case GA_SUM_J:
        for (J i = lo; i < hi; i++) {
            if (!row) {
                read_ahead(kJ(x), i, hi, sizeof(J));
                read_ahead(gid, i, hi, sizeof(J));
            }
            J v = kJ(x)[row ? row[i] : i];
            if (v != nj)
                sj[gid[i]] = (J)((uint64_t)sj[gid[i]] + (uint64_t)v);
        }
        break;
    case GA_SUM_F:
        if (x->t == KF && !row)
            for (J i = lo; i < hi; i++) {
                read_ahead(kF(x), i, hi, sizeof(F));
                read_ahead(gid, i, hi, sizeof(J));
                F v = kF(x)[i];
                if (v == v)
                    sf[gid[i]] += v;
            }
        else
            for (J i = lo; i < hi; i++) {
                F v = at_f(x, row, i);
                if (v == v)
                    sf[gid[i]] += v;
            }
        break;
    case GA_AVG:
        for (J i = lo; i < hi; i++) {
            F v = at_f(x, row, i);
            if (v == v)
                sf[gid[i]] += v, cj[gid[i]]++;
        }
        break;
    case GA_MIN_J:
    case GA_MAX_J: { /* nulls skipped; an all-null group keeps the infinity */
        bool mx = a->kind == GA_MAX_J;
        for (J g = 0; g < ng; g++)
            sj[g] = mx ? -wj : wj;
        for (J i = lo; i < hi; i++) {
            J v = kJ(x)[row ? row[i] : i], g = gid[i];
            if (v != nj && (mx ? v > sj[g] : v < sj[g]))
                sj[g] = v;
        }
        break;
    }
    case GA_MIN_F:
    case GA_MAX_F: {
        bool mx = a->kind == GA_MAX_F;
        for (J g = 0; g < ng; g++)
            sf[g] = mx ? -wf : wf;
        for (J i = lo; i < hi; i++) {
            F v = kF(x)[row ? row[i] : i];
            J g = gid[i];
            if (v == v && (mx ? v > sf[g] : v < sf[g]))
                sf[g] = v;
        }
        break;
    }
    case GA_WAVG_J: /* longs: sums of products and of weights, divided at the end */
        for (J i = lo; i < hi; i++) {
            J r = row ? row[i] : i, u = kJ(x)[r], v = kJ(y)[r];
            if (u == nj || v == nj)
                continue;
            sj[gid[i]] = (J)((uint64_t)sj[gid[i]] + (uint64_t)u * (uint64_t)v);
            cj[gid[i]] = (J)((uint64_t)cj[gid[i]] + (uint64_t)u);
        }
        break;
    case GA_WEIGHT_F: /* as agg.c: a pair whose product is null is left out of both sums */
        for (J i = lo; i < hi; i++) {
            F u = at_f(x, row, i), prod = u * at_f(y, row, i);
            if (prod != prod)
                continue;
            sf[gid[i]] += prod;
            if (x->t == KJ) /* a long weight: its sum is a long */
                cj[gid[i]] = (J)((uint64_t)cj[gid[i]] + (uint64_t)kJ(x)[row ? row[i] : i]);
            else
                cf[gid[i]] += u;
        }
        break;
    }
}

/* the aggregate a describes (its kind, columns, groups and rows set) as a vector of a->ng */
static K group_agg(GroupAgg *a) {
    J ng = a->ng, n = a->n;
    a->parts = n >= GA_MIN && ng <= n / (8 * GA_PARTS) ? GA_PARTS : 1;
    a->block = (n + a->parts - 1) / a->parts;
    bool two = a->kind == GA_AVG || a->kind == GA_WAVG_J || a->kind == GA_WEIGHT_F;
    size_t slots = (size_t)(a->parts * ng + 1);
    a->acc = mem_raw_calloc(slots, 8);
    a->acc2 = two ? mem_raw_calloc(slots, 8) : NULL;
    int ty = a->kind == GA_COUNT || a->kind == GA_SUM_J ? KJ : a->kind == GA_MIN_J || a->kind == GA_MAX_J ? KJ : KF;
    K out = a->acc && (!two || a->acc2) ? ktn(ty, ng) : NULL;
    if (!out) {
        mem_raw_free(a->acc);
        mem_raw_free(a->acc2);
        return NULL; /* the general path reports it */
    }
    pool_run(group_agg_part, a, a->parts);
    for (J g = 0; g < ng; g++) { /* the parts' slots in part order */
        J sj = 0, cj = 0;
        F sf = 0, cf = 0;
        bool mx = a->kind == GA_MAX_J || a->kind == GA_MAX_F;
        for (int64_t p = 0; p < a->parts; p++) {
            J vj = a->acc[p * ng + g], wj2 = two ? a->acc2[p * ng + g] : 0;
            F vf, wf2;
            memcpy(&vf, &vj, 8);
            memcpy(&wf2, &wj2, 8);
            switch (a->kind) {
            case GA_MIN_J: case GA_MAX_J: sj = !p || (mx ? vj > sj : vj < sj) ? vj : sj; break;
            case GA_MIN_F: case GA_MAX_F: sf = !p || (mx ? vf > sf : vf < sf) ? vf : sf; break;
            case GA_COUNT: case GA_SUM_J: sj = (J)((uint64_t)sj + (uint64_t)vj); break;
            case GA_WAVG_J: sj = (J)((uint64_t)sj + (uint64_t)vj), cj = (J)((uint64_t)cj + (uint64_t)wj2); break;
            case GA_AVG: sf += vf, cj += wj2; break;
            case GA_WEIGHT_F: /* the weights' sum: longs (x long) or floats */
                sf += vf;
                if (a->x->t == KJ)
                    cj = (J)((uint64_t)cj + (uint64_t)wj2);
                else
                    cf += wf2;
                break;
            default: sf += vf; break; /* GA_SUM_F */
            }
        }
        switch (a->kind) {
        case GA_COUNT: case GA_SUM_J: case GA_MIN_J: case GA_MAX_J: kJ(out)[g] = sj; break;
        case GA_AVG: kF(out)[g] = cj ? sf / (F)cj : nf; break;
        case GA_WAVG_J: kF(out)[g] = (F)sj / (F)cj; break;
        case GA_WEIGHT_F: kF(out)[g] = a->wsum ? sf : sf / (a->x->t == KJ ? (F)cj : cf); break;
        default: kF(out)[g] = sf; break;
        }
    }
    mem_raw_free(a->acc);
    mem_raw_free(a->acc2);
    return out;
}

/* agg col by group in one pass, for agg in count sum avg min max over a column of t (longs
 * and floats for the arithmetic ones), first and last, count i, and x wavg y, x wsum y over
 * long and float columns; NULL (no error) when e is not of that form */
static K fast_aggregate(const K e, const K t, const K idx, const Grouping *gr) {
    if (e->t != 0 || e->n < 2 || kK(e)[0]->t < KUNARY || kK(e)[0]->t > KBINARY)
        return NULL;
    int op = kK(e)[0]->g;
    J n = gr->gid->n, ng = gr->ng;
    const J *gid = kJ(gr->gid), *row = idx ? kJ(idx) : NULL;
    GroupAgg a = {.gid = gid, .row = row, .n = n, .ng = ng};
    if (e->n == 3 && (op == P_WAVG || op == P_WSUM)) {
        K x = column_of(t, kK(e)[1]), y = column_of(t, kK(e)[2]);
        if (!x || !y || (x->t != KJ && x->t != KF) || (y->t != KJ && y->t != KF))
            return NULL;
        if (op == P_WSUM && x->t == KJ && y->t == KJ)
            return NULL; /* a long result: the general path */
        a.kind = x->t == KJ && y->t == KJ ? GA_WAVG_J : GA_WEIGHT_F;
        a.x = x, a.y = y, a.wsum = op == P_WSUM;
        return group_agg(&a);
    }
    if (e->n != 2)
        return NULL;
    K col = column_of(t, kK(e)[1]);
    bool is_i = kK(e)[1]->t == -KS && !strcmp(kK(e)[1]->s, "i") && !col;
    if (op == P_HASH && (col || is_i)) /* count */
        return a.kind = GA_COUNT, group_agg(&a);
    if (!col)
        return NULL;
    int ty = col->t;
    if ((op == P_STAR || op == P_LAST) && ty > 0 && ty < KENUM && ty != UU) { /* first, last */
        int w = obj_width(ty);
        K out = ktn(ty, ng);
        G *seen = mem_raw_calloc((size_t)(ng ? ng : 1), 1);
        if (!out || !seen) {
            r0(out);
            mem_raw_free(seen);
            return NULL;
        }
        for (J i = 0; i < n; i++) {
            J g = gid[i];
            if (op == P_STAR && seen[g])
                continue;
            seen[g] = 1;
            memcpy(kG(out) + g * w, kG(col) + (row ? row[i] : i) * w, (size_t)w);
        }
        mem_raw_free(seen);
        return out;
    }
    if (ty != KJ && ty != KF)
        return NULL;
    a.x = col;
    if (op == P_SUM)
        a.kind = ty == KJ ? GA_SUM_J : GA_SUM_F;
    else if (op == P_AVG)
        a.kind = GA_AVG;
    else if (op == P_MIN || op == P_MAX)
        a.kind = ty == KJ ? (op == P_MAX ? GA_MAX_J : GA_MIN_J) : (op == P_MAX ? GA_MAX_F : GA_MIN_F);
    else
        return NULL;
    return group_agg(&a);
}

/* c of ?[t;c;b;a] or ![t;c;b;a] (consumed) as a general list of constraints: the items of a
 * simple list are constraints too (enlist `b: the rows where boolean column b is true) */
static K where_list(K where) {
    if (!(where->t > 0 && where->t < KENUM) || where->n == 0)
        return where;
    K r = ktn(0, where->n);
    for (J i = 0; r && i < where->n; i++)
        kK(r)[i] = prim_item(where, i);
    r0(where);
    return r ? prim_all_made(r) : NULL;
}

/* ?[t;c;b;a]: select (b a dict or 0b) and exec (b a symbol list, or a given as a list) */
K query_select(K t, K where, K b, K a) {
    if (b && b->t == -KB && b->g) { /* b 1b: select distinct (basics/funsql.md) */
        r0(b);
        return prim_distinct(query_select(t, where, kb(0), a));
    }
    J nkeys;
    where = where_list(where);
    t = where ? table_arg(t, &nkeys) : (r0(t), NULL);
    if (!t) {
        r0(where); r0(b); r0(a);
        return NULL;
    }
    if (part_find(t) >= 0) /* a partitioned table: its partitions answer (part.c) */
        return part_select(t, where, b, a);
    K idx;
    bool ok = filter_rows(t, where, &idx);
    r0(where);
    if (!ok) {
        r0(t); r0(b); r0(a);
        return NULL;
    }
    /* select has b 0b or a dict; exec has b () or one grouping expression */
    bool exec = b->t != -KB && b->t != XD;
    if (exec && b->t == KS && b->n > 0) {
        /* exec by a list of column names (basics/funsql.md, Group by columns): one key, the
         * empty symbol, to a as over all the rows -- a column's values, or a's one-row table */
        r0(b);
        bool dict = a->t == XD;
        K sub = idx ? eval_index(t, idx) : t;
        K v = sub ? query_select(sub, ktn(0, 0), ktn(0, 0), a) : (r0(a), NULL);
        if (v && dict)
            v = prim_enlist(v); /* a dict of atoms: a one-row table */
        K key = ktn(KS, 1);
        if (key)
            kS(key)[0] = sym_null;
        return v ? xD(key, dict ? v : prim_enlist(v)) : (r0(key), NULL);
    }
    if (exec && !(b->t == 0 && b->n == 0)) {
        /* exec a by g from t: a dict from each group's key to its value of a */
        K bn = ktn(KS, 1);
        kS(bn)[0] = ss("x");
        K bd = xD(bn, obj_list(1, b));
        Grouping gr;
        bool ok = group_rows(t, idx, bd, &gr);
        r0(bd);
        K groups = ok ? group_lists(&gr, idx) : NULL;
        r0(idx);
        if (!groups) {
            grouping_free(&gr);
            r0(t); r0(a);
            return NULL;
        }
        K an = ktn(KS, 1);
        kS(an)[0] = ss("x");
        K one = a->t == XD ? (r0(an), r1(a)) : xD(an, obj_list(1, r1(a)));
        K out = ktn(0, groups->n);
        for (J g = 0; out && g < groups->n; g++) {
            K vals = compute(t, kK(groups)[g], one);
            if (!vals) {
                r0(out); r0(one); grouping_free(&gr); r0(t); r0(a);
                return NULL;
            }
            kK(out)[g] = a->t == XD ? xD(r1(DICT_KEYS(a)), vals) : (r1(kK(vals)[0]));
            if (a->t != XD)
                r0(vals);
        }
        K keys = r1(kK(TABLE_DATA(gr.keys))[0]);
        bool keyed = a->t == XD;
        grouping_free(&gr); r0(one); r0(t); r0(a);
        K v = prim_collect(kK(out), out->n);
        out->n = 0;
        r0(out);
        if (keyed && v && v->t == XT) { /* a dict of columns: keyed by one anonymous column */
            K kn = ktn(KS, 1);
            kS(kn)[0] = ss("");
            keys = xT(xD(kn, obj_list(1, keys)));
        }
        return xD(keys, v);
    }
    bool grouped = b->t == XD && obj_count(b) > 0;
    if (!grouped) {
        if (a->t != XD || obj_count(a) == 0) {
            if (a->t == 0 && a->n == 0) { /* select from t: the rows; exec: the last one */
                K names = r1(TABLE_COLS(t));
                K cols = ktn(0, names->n);
                J rows = obj_count(t), last = idx ? (idx->n ? kJ(idx)[idx->n - 1] : rows) : rows ? rows - 1 : rows;
                for (J c = 0; c < names->n; c++) {
                    K col = r1(kK(TABLE_DATA(t))[c]);
                    kK(cols)[c] = exec ? eval_index(col, kj(last)) : idx ? eval_index(col, r1(idx)) : col;
                }
                r0(idx); r0(t); r0(b); r0(a);
                if (exec)
                    return xD(names, prim_all_made(cols));
                K sel = xT(xD(names, cols)); /* select from a keyed table keeps its key */
                return sel && nkeys ? prim_dict(kj(nkeys), sel) : sel;
            }
            /* exec expr from t */
            K one = xD(obj_list(1, obj_identity()), obj_list(1, r1(a)));
            K key = kS(TABLE_COLS(t))[0] ? NULL : NULL;
            UNUSED(key);
            K vals = compute(t, idx, one);
            r0(one);
            r0(idx); r0(t); r0(b); r0(a);
            if (!vals)
                return NULL;
            K v = r1(kK(vals)[0]);
            r0(vals);
            return v;
        }
        K vals = compute(t, idx, a);
        r0(idx);
        r0(t);
        if (!vals) {
            r0(b); r0(a);
            return NULL;
        }
        K names = r1(DICT_KEYS(a));
        r0(a);
        r0(b);
        if (exec)
            return xD(names, vals);
        return as_table(names, vals);
    }
    Grouping gr;
    if (!group_rows(t, idx, b, &gr)) {
        grouping_free(&gr);
        r0(idx); r0(b); r0(t); r0(a);
        return NULL;
    }
    r0(b);
    K keytable = r1(gr.keys);
    if (a->t == -KS || (a->t == 0 && a->n > 0)) {
        /* exec e by d from t: the key table to each group's value of e */
        K one = xD(obj_list(1, obj_identity()), obj_list(1, r1(a)));
        K groups = group_lists(&gr, idx);
        K out = groups ? ktn(0, groups->n) : NULL;
        for (J g = 0; out && g < groups->n; g++) {
            K vals = compute(t, kK(groups)[g], one);
            kK(out)[g] = vals ? r1(kK(vals)[0]) : NULL;
            r0(vals);
            if (!kK(out)[g]) {
                out->n = g;
                r0(out);
                out = NULL;
            }
        }
        r0(one); grouping_free(&gr); r0(idx); r0(t); r0(a); /* groups belong to gr */
        if (!out) {
            r0(keytable);
            return NULL;
        }
        K v = prim_collect(kK(out), out->n);
        out->n = 0;
        r0(out);
        return xD(keytable, v);
    }
    K cols = a->t == XD && obj_count(a) ? r1(a) : NULL;
    if (!cols) { /* select by: the last row of each group */
        K names = ktn(KS, 0), exprs = ktn(0, 0);
        K tn = TABLE_COLS(t);
        for (J c = 0; c < tn->n; c++) {
            bool is_key = false;
            for (J k = 0; k < TABLE_COLS(keytable)->n; k++)
                is_key = is_key || kS(TABLE_COLS(keytable))[k] == kS(tn)[c];
            if (is_key)
                continue;
            js(&names, kS(tn)[c]);
            K s = obj_atom(-KS);
            s->s = kS(tn)[c];
            jk(&exprs, obj_list(2, prim_lookup("last", 4), s));
        }
        cols = xD(names, exprs);
    }
    J ng = gr.ng;
    K names = r1(DICT_KEYS(cols));
    K exprs = DICT_VALS(cols);
    K percol = ktn(0, names->n);
    /* one pass per simple aggregate; the rest evaluated group by group */
    K slow_names = ktn(KS, 0), slow_exprs = ktn(0, 0);
    for (J c = 0; c < names->n; c++) {
        K e = prim_item(exprs, c);
        kK(percol)[c] = fast_aggregate(e, t, idx, &gr);
        if (!kK(percol)[c]) {
            js(&slow_names, kS(names)[c]);
            jk(&slow_exprs, r1(e));
        }
        r0(e);
    }
    K slow = xD(slow_names, slow_exprs);
    K groups = obj_count(slow) ? group_lists(&gr, idx) : NULL;
    if (obj_count(slow) && !groups) {
        r0(slow); r0(percol); r0(names); r0(cols); grouping_free(&gr);
        r0(keytable); r0(idx); r0(t); r0(a);
        return NULL;
    }
    K results = ktn(0, obj_count(slow)); /* per slow column: one value per group */
    for (J c = 0; c < results->n; c++)
        kK(results)[c] = ktn(0, ng);
    for (J g = 0; groups && g < ng; g++) {
        K vals = compute(t, kK(groups)[g], slow);
        if (!vals) {
            for (J c = 0; c < results->n; c++)
                kK(results)[c]->n = g;
            r0(results); r0(slow); r0(percol); r0(names); r0(cols); grouping_free(&gr);
            r0(keytable); r0(idx); r0(t); r0(a);
            return NULL;
        }
        for (J c = 0; c < results->n; c++)
            kK(kK(results)[c])[g] = r1(kK(vals)[c]);
        r0(vals);
    }
    for (J c = 0, k = 0; c < names->n; c++) {
        if (kK(percol)[c])
            continue;
        K items = kK(results)[k++];
        kK(percol)[c] = prim_collect(kK(items), items->n);
        items->n = 0;
    }
    r0(results);
    r0(slow);
    r0(idx);
    r0(cols);
    grouping_free(&gr);
    r0(t);
    r0(a);
    K values = xT(xD(names, percol));
    return values ? xD(keytable, values) : (r0(keytable), NULL);
}

/* ![t;c;b;a]: update (a a dict of new columns) or delete (a a symbol list of columns, or
 * rows matching c when a is empty) */
static K compute_by(const K t, const K idx, const K b, const K a);

static K query_update(K t, K where, K b, K a) {
    K dv = t->t == -KS ? env_get(t->s) : r1(t);
    if (dv && dv->t == XD && !obj_is_keyed(dv) && a->t == KS) { /* delete k from d: keys go */
        r0(t); r0(where); r0(b);
        return prim_drop(a, dv);
    }
    r0(dv);
    J nkeys;
    where = where_list(where);
    t = where ? table_arg(t, &nkeys) : (r0(t), NULL);
    if (!t) {
        r0(where); r0(b); r0(a);
        return NULL;
    }
    if (part_find(t) >= 0) { /* kdb+ does not update partitioned tables in place */
        r0(t); r0(where); r0(b); r0(a);
        return kerr("par");
    }
    K idx;
    bool ok = filter_rows(t, where, &idx);
    r0(where);
    if (ok && !idx) /* update and delete write at the rows: every row, listed */
        ok = (idx = rows_til(obj_count(t))) != NULL;
    if (!ok) {
        r0(t); r0(b); r0(a);
        return NULL;
    }
    K result;
    if (a->t == KS || (a->t == 0 && a->n == 0)) {
        /* delete: columns, or the rows the where clauses chose */
        K names = TABLE_COLS(t), cols = TABLE_DATA(t);
        K nn = ktn(KS, 0), nc = ktn(0, 0);
        K keep = NULL;
        if (a->t != KS || a->n == 0) {
            J rows = obj_count(t);
            G *del = mem_raw_calloc((size_t)(rows ? rows : 1), 1);
            if (!del) {
                r0(nn); r0(nc); r0(idx); r0(t); r0(b); r0(a);
                return kerr("wsfull");
            }
            for (J r = 0; r < idx->n; r++) /* no where clause: every row (ref/delete.md) */
                del[kJ(idx)[r]] = 1;
            keep = ktn(KJ, 0);
            for (J r = 0; r < rows; r++)
                if (!del[r])
                    ja(&keep, &r);
            mem_raw_free(del);
        }
        for (J c = 0; c < names->n; c++) {
            bool drop = false;
            for (J k = 0; a->t == KS && k < a->n; k++)
                drop = drop || kS(a)[k] == kS(names)[c];
            if (drop)
                continue;
            js(&nn, kS(names)[c]);
            jk(&nc, keep ? eval_index(r1(kK(cols)[c]), r1(keep)) : r1(kK(cols)[c]));
        }
        r0(keep);
        result = xT(xD(nn, nc));
    } else {
        /* update: compute over the chosen rows (by group when there is a by), write into
         * those rows */
        bool by = b->t == XD && obj_count(b) > 0;
        K vals = by ? compute_by(t, idx, b, a) : compute(t, idx, a);
        if (!vals) {
            r0(idx); r0(t); r0(b); r0(a);
            return NULL;
        }
        K names = r1(TABLE_COLS(t));
        K cols = ktn(0, names->n);
        for (J c = 0; c < names->n; c++)
            kK(cols)[c] = r1(kK(TABLE_DATA(t))[c]);
        J rows = obj_count(t);
        bool all = idx->n == rows;
        for (J k = 0; k < obj_count(a); k++) {
            S name = kS(DICT_KEYS(a))[k];
            K v = r1(kK(vals)[k]);
            if (v->t < 0 && all) {
                K e = prim_take(kj(rows), prim_enlist(v));
                v = e;
            }
            J c = 0;
            while (c < names->n && kS(names)[c] != name)
                c++;
            K newcol;
            if (all) { /* a list for every row, whether the column is new or replaced */
                newcol = v->t >= 0 && obj_count(v) != rows ? (r0(v), kerr("length")) : v;
            } else {
                K base = c < names->n ? r1(kK(cols)[c]) : NULL;
                if (!base) { /* a new column: nulls outside the chosen rows (ref/update.md),
                              * the prototype of its first item when its items are lists */
                    K proto = v->t < 0 ? r1(v) : prim_first(r1(v));
                    K nul = proto && proto->t >= 0 ? prim_proto(proto) : prim_null_of(proto->t);
                    r0(proto);
                    base = prim_take(kj(rows), prim_enlist(nul));
                }
                K ix = r1(idx);
                newcol = eval_amend(base, &ix, 1, NULL, v);
                r0(ix);
            }
            if (!newcol) {
                r0(vals); r0(names); r0(cols); r0(idx); r0(t); r0(b); r0(a);
                return NULL;
            }
            if (c < names->n) {
                r0(kK(cols)[c]);
                kK(cols)[c] = newcol;
            } else {
                js(&names, name);
                jk(&cols, newcol);
            }
        }
        r0(vals);
        result = xT(xD(names, cols));
    }
    r0(idx);
    r0(t);
    r0(b);
    r0(a);
    if (result && nkeys)
        result = prim_dict(kj(nkeys), result);
    return result;
}

/* update ... by: each expression of a computed over each group's rows, its values (an atom
 * spread over the group) put back at those rows' positions in idx */
static K compute_by(const K t, const K idx, const K b, const K a) {
    Grouping gr;
    if (!group_rows(t, idx, b, &gr)) {
        grouping_free(&gr);
        return NULL;
    }
    J n = idx->n, ng = gr.ng, na = obj_count(a);
    /* each group's positions in idx, and the rows of t they are */
    J *count = mem_raw_calloc((size_t)ng + 1, sizeof(J));
    J *pos = mem_raw_alloc((size_t)(n ? n : 1) * sizeof(J));
    if (!count || !pos) {
        mem_raw_free(count);
        mem_raw_free(pos);
        grouping_free(&gr);
        return kerr("wsfull");
    }
    for (J i = 0; i < n; i++)
        count[kJ(gr.gid)[i] + 1]++;
    for (J g = 0; g < ng; g++)
        count[g + 1] += count[g];
    for (J i = 0; i < n; i++)
        pos[count[kJ(gr.gid)[i]]++] = i;
    for (J g = ng; g > 0; g--) /* back to group starts */
        count[g] = count[g - 1];
    count[0] = 0;
    /* every group's values first; then each expression's column at once: written straight
     * into a vector when every group gave items of one simple type (uniform functions such as
     * deltas, an aggregate's atom), else as a list of items collected */
    K *res = mem_raw_calloc((size_t)(ng ? ng : 1) * (size_t)(na ? na : 1), sizeof(K));
    bool err = !res;
    if (err)
        kerr("wsfull");
    for (J g = 0; g < ng && !err; g++) {
        J lo = count[g], hi = g + 1 < ng ? count[g + 1] : n;
        K rows = ktn(KJ, hi - lo);
        for (J k = lo; k < hi; k++)
            kJ(rows)[k - lo] = kJ(idx)[pos[k]];
        K vals = compute(t, rows, a);
        r0(rows);
        if (!vals) {
            err = true;
            break;
        }
        for (J k = 0; k < na && !err; k++) {
            K v = kK(vals)[k];
            if (v->t >= 0 && obj_count(v) != hi - lo) {
                kerr("length");
                err = true;
            } else {
                res[g * na + k] = r1(v);
            }
        }
        r0(vals);
    }
    K out = err ? NULL : ktn(0, na);
    for (J k = 0; out && k < na; k++) {
        int vt = ng ? abs(res[k]->t) : 0;
        bool simple = vt > 0 && vt < KENUM;
        for (J g = 1; simple && g < ng; g++)
            simple = abs(res[g * na + k]->t) == vt;
        K col = ktn(simple ? vt : 0, n);
        if (!col) {
            r0(out);
            out = NULL;
            break;
        }
        int w = simple ? obj_width(vt) : 0;
        for (J g = 0; g < ng; g++) {
            J lo = count[g], hi = g + 1 < ng ? count[g + 1] : n;
            K v = res[g * na + k];
            for (J m = lo; m < hi; m++) {
                if (!simple)
                    kK(col)[pos[m]] = v->t < 0 ? r1(v) : prim_item(v, m - lo);
                else if (v->t < 0)
                    memcpy(kG(col) + (size_t)pos[m] * w, vt == UU ? (void *)kG(v) : (void *)&v->g, (size_t)w);
                else
                    memcpy(kG(col) + (size_t)pos[m] * w, kG(v) + (size_t)(m - lo) * w, (size_t)w);
            }
        }
        if (!simple) {
            K items = col;
            col = prim_collect(kK(items), items->n);
            items->n = 0;
            r0(items);
        }
        kK(out)[k] = col;
    }
    for (J i = 0; res && i < ng * na; i++)
        r0(res[i]); /* NULL where a group failed first */
    mem_raw_free(res);
    mem_raw_free(count);
    mem_raw_free(pos);
    grouping_free(&gr);
    return out;
}

K prim_query_n(K *args, int n) {
    K t0 = args[0];
    bool tabular = t0->t == XT || obj_is_keyed(t0) || (t0->t == -KS && t0->s[0] != ':');
    if (n == 3 && tabular && args[1]->t > 0 && args[1]->t < KENUM) {
        /* ?[t;i;p]: exec p over rows i of t */
        J nk;
        K t = table_arg(args[0], &nk);
        K rows = t ? eval_index(t, args[1]) : (r0(args[1]), NULL);
        if (!rows) {
            r0(args[2]);
            return NULL;
        }
        return query_select(rows, ktn(0, 0), ktn(0, 0), args[2]);
    }
    if ((n == 5 || n == 6) && tabular) {
        /* ?[t;c;b;a;n]: the first n rows (the last if n < 0, all for 0W), or up to n[1] rows
         * from n[0]; ?[t;c;b;a;n;(g;cn)]: the rows first sorted by grade g of column cn */
        K take = args[4], order = n == 6 ? args[5] : NULL;
        if (order && !(order->t == 0 && order->n == 2 && kK(order)[1]->t == -KS &&
                       kK(order)[0]->t >= KLAMBDA && kK(order)[0]->t <= KFOREIGN)) {
            for (int i = 0; i < n; i++)
                r0(args[i]);
            return kerr("type");
        }
        K r = query_select(args[0], args[1], args[2], args[3]);
        if (r && order) { /* a keyed result: cn may be a key or a value column */
            bool keyed = obj_is_keyed(r);
            K flat = keyed ? prim_dict(kj(0), r1(r)) : r1(r); /* 0!r */
            K key = r1(kK(order)[1]);
            K col = flat ? eval_index(flat, key) : (r0(key), NULL);
            K g = col ? eval_apply(r1(kK(order)[0]), &col, 1) : NULL;
            if (g && keyed) {
                K k = eval_index(r1(DICT_KEYS(r)), r1(g)), v = eval_index(r1(DICT_VALS(r)), g);
                r0(r);
                r = k && v ? xD(k, v) : (r0(k), r0(v), NULL);
            } else {
                r = g ? eval_index(r, g) : (r0(r), NULL);
            }
        }
        r0(order);
        if (!r) {
            r0(take);
            return NULL;
        }
        if (take->t == -KJ || take->t == -KI || take->t == -KH) {
            J k = take->t == -KJ ? take->j : take->t == -KI ? (take->i == wi ? wj : take->i == -wi ? -wj : take->i)
                                                            : take->h;
            J c = obj_count(r);
            if (k >= c || k <= -c) { /* more than there are: all of them, no repeats */
                r0(take);
                return r;
            }
        }
        return prim_sublist(take, r);
    }
    if (n == 3) /* ?[c;a;b]: vector conditional */
        return prim_vector_cond(args[0], args[1], args[2]);
    if (n == 4)
        return query_select(args[0], args[1], args[2], args[3]);
    for (int i = 0; i < n; i++)
        r0(args[i]);
    return kerr("rank");
}

K prim_bang_n(K *args, int n) {
    K t = args[0];
    if (n == 4 && t->t == -KS && (!strcmp(t->s, ".") || env_is_namespace(t->s)) &&
        args[3]->t == KS) { /* delete a,b from `. -- names from a namespace */
        if (env_delete(t->s, args[3]) < 0) {
            for (int i = 0; i < n; i++)
                r0(args[i]);
            return NULL;
        }
        for (int i = 1; i < n; i++)
            r0(args[i]);
        return t;
    }
    if (n == 4 && t->t == -KS) { /* update ... from `t: amend the global, give its name */
        K r = query_update(r1(t), args[1], args[2], args[3]);
        if (!r || env_set(env_qualify(t->s), r) < 0) {
            r0(t);
            return NULL;
        }
        return t;
    }
    if (n == 4)
        return query_update(args[0], args[1], args[2], args[3]);
    for (int i = 0; i < n; i++)
        r0(args[i]);
    return kerr("rank");
}
