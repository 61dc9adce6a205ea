/* eval.c -- the evaluator: parse trees to values, application of every kind of function,
 * indexing, assignment and amend.  Errors travel as NULL + kerr (obj.h). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../base/intr.h"
#include "lang_int.h"

#define MAX_DEPTH 2000 /* nested lambda calls before 'stack */

struct Frame {
    K lambda;      /* the running lambda (borrowed) */
    K names;       /* its locals (borrowed symbol vector) */
    K *vals;       /* their values, NULL while unset (owned) */
    bool returning;/* a :x was evaluated: unwind to the lambda */
    Frame *parent; /* a qSQL column scope: the lambda whose locals it also sees */
    const void *err_node; /* the first application that failed in this lambda (its caret) */
    const void *at;       /* the application in progress in this lambda (a caller's caret) */
    Frame *caller;        /* the lambda frame that was running when this one was called, or NULL */
    struct RtInput *input;/* the console input it runs under (frame [0]), or NULL */
    int depth;            /* its call depth: [1] is called from the console */
};

/* ---- the error trace: the lambda frames an error unwound through, innermost first ---------- */

/* RT->lang.trace (base/runtime.h: struct RtTraceFrame) */
typedef struct RtTraceFrame TraceFrame;

void eval_trace_clear(void) {
    for (int i = 0; i < RT->lang.trace_n; i++)
        r0(RT->lang.trace[i].lambda);
    RT->lang.trace_n = 0;
    mem_raw_free(RT->lang.trace_text);
    RT->lang.trace_text = NULL;
}

static void trace_push(const K lambda, const void *node, int depth) {
    if (RT->lang.trace_n && RT->lang.trace[RT->lang.trace_n - 1].depth <= depth) /* a new error: the old trace is stale */
        eval_trace_clear();
    if (RT->lang.trace_n < (int)(sizeof RT->lang.trace / sizeof *RT->lang.trace))
        RT->lang.trace[RT->lang.trace_n++] = (TraceFrame){r1(lambda), node, depth};
}

/* did the frame fail at a signal ('x)?  Its error node is then the signal itself */
static bool trace_signalled(const TraceFrame *t) {
    const K node = (const K)t->node;
    return node && node->t == KUNARY && node->g == SF_SIGNAL;
}

/* The frames q shows where its debugger breaks (basics/debug.md, ref/signal.md "Debugger break
 * location"): the innermost lambda for a primitive's error; for a signal, the signalling
 * lambda and the one it breaks to, one level up, or none when that is the console input (the
 * caller shows [0], the input).  Keyword frames (.Q.trp's alone) are not shown. */
const char *eval_trace_text(void) {
    int first = 0;
    while (first < RT->lang.trace_n && RT->lang.trace[first].lambda->t != KLAMBDA)
        first++;
    if (first == RT->lang.trace_n)
        return NULL;
    int shown = 1;
    if (trace_signalled(&RT->lang.trace[first])) {
        if (RT->lang.trace[first].depth <= 1)
            return NULL;
        shown = 2;
    }
    mem_raw_free(RT->lang.trace_text);
    size_t cap = 256, len = 0;
    RT->lang.trace_text = mem_raw_alloc(cap);
    if (!RT->lang.trace_text)
        return NULL;
    RT->lang.trace_text[0] = 0;
    for (int i = first; i < RT->lang.trace_n && shown; i++) {
        K text = NULL;
        long caret = -1;
        if (RT->lang.trace[i].lambda->t != KLAMBDA)
            continue;
        shown--;
        if (!parse_lambda_frame(RT->lang.trace[i].lambda, RT->lang.trace[i].node, &text, &caret) || !text)
            continue;
        size_t need = len + (size_t)text->n + (caret > 0 ? (size_t)caret : 0) + 40;
        if (need > cap) {
            char *g = mem_raw_realloc(RT->lang.trace_text, need * 2);
            if (!g) {
                r0(text);
                break;
            }
            RT->lang.trace_text = g;
            cap = need * 2;
        }
        len += (size_t)snprintf(RT->lang.trace_text + len, cap - len, "  [%d]  %.*s\n", RT->lang.trace[i].depth, (int)text->n,
                                kC(text));
        if (caret >= 0)
            len += (size_t)snprintf(RT->lang.trace_text + len, cap - len, "%*s^\n", (int)(7 + caret), "");
        r0(text);
    }
    return len ? RT->lang.trace_text : NULL;
}

/* RT->lang.current_frame is the innermost running lambda's frame: a query started inside it
 * sees its locals; RT->lang.suspend the debug prompt's state (lang_suspend_hook, below) */


/* true (with 'stop pending) when the query deadline has passed or Ctrl-C asked to stop
 * (base/intr.h); cheap between checks */
/* the clock against the -T deadline: the slow half of eval_past_deadline, kept out of line
 * so that the common test (no deadline, or not the 256th call) stays small */
static __attribute__((noinline)) bool deadline_passed(int64_t deadline_ms) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    if ((int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 < deadline_ms)
        return false;
    kerr("stop");
    return true;
}

bool eval_past_deadline(void) {
    if (UNLIKELY(intr_pending) && intr_take()) {
        kerr("stop");
        return true;
    }
    Runtime *rt = RT;
    if (!rt->lang.deadline_ms || (++rt->lang.deadline_tick & 255))
        return false;
    return deadline_passed(rt->lang.deadline_ms);
}

static K release(K *args, int n) {
    for (int i = 0; i < n; i++)
        r0(args[i]);
    return NULL;
}

static bool is_elided(const K x) { return x->t == KUNARY && x->g == PRIM_ELIDED; }

/* ---- indexing ------------------------------------------------------------------------------ */

static bool is_int_type(int t) { t = t < 0 ? -t : t; return t == KB || t == KG || t == KH || t == KI || t == KJ; }

static J int_at(const K i, J k) {
    switch (i->t < 0 ? -i->t : i->t) {
    case KB: case KG: return i->t < 0 ? i->g : kG(i)[k];
    case KH: { H h = i->t < 0 ? i->h : kH(i)[k]; return h == nh ? nj : h; }
    case KI: { I v = i->t < 0 ? i->i : kI(i)[k]; return v == ni ? nj : v; }
    default: return i->t < 0 ? i->j : kJ(i)[k];
    }
}

/* find key (borrowed atom) in keys (borrowed): index or count if absent */
static J find_key(const K keys, const K key);

/* general list x (borrowed) indexed out of range: the null of its first item
 * (basics/application.md), () when it has none or the first is a table or a keyed table
 * (KX's taq/bucket.q caches tables in a dict and takes type 0 for a key not cached yet) */
static K list_null(const K x) {
    if (x->n == 0 || kK(x)[0]->t == XT || obj_is_keyed(kK(x)[0]))
        return ktn(0, 0);
    return prim_proto(kK(x)[0]);
}

static K index_list(K x, K i);
static K suspend(Frame *f); /* the q)) prompt at a failure (below) */

/* kt[k] for keyed table kt (basics/dictsandtables.md, kb/temporal-data.md): k a key (an
 * atom for one key column, a tuple or a dict), keys (a vector, a list of tuples, columns, a
 * table).  One key gives its row of values as a dict, keys a table; a key not there gives
 * nulls; with s# on the keys, the last key at or below (a step function).  Consumes both. */
static K keyed_lookup(K kt, K key) {
    K keys = DICT_KEYS(kt);
    K names = TABLE_COLS(keys);
    J nc = names->n;
    bool one = false; /* one key looked up, else a table of them */
    K probe = NULL;   /* a dict (one key) or a table (several) of key columns */
    if (key->t == XT) {
        probe = r1(key);
    } else if (key->t == XD) {
        probe = r1(key);
        one = true;
    } else if (nc == 1) {
        one = key->t < 0;
        probe = one ? xD(r1(names), prim_enlist(r1(key))) : xT(xD(r1(names), obj_list(1, r1(key))));
    } else if (key->t >= 0 && key->t < KENUM && obj_count(key) > 0) {
        J n = obj_count(key);
        bool atoms = true, tuples = key->t == 0;
        for (J k = 0; key->t == 0 && k < n; k++) {
            K it = kK(key)[k];
            atoms = atoms && it->t < 0;
            tuples = tuples && it->t >= 0 && it->t < KENUM && obj_count(it) == nc;
        }
        if (key->t > 0 || atoms) { /* one tuple */
            one = true;
            probe = n == nc ? xD(r1(names), r1(key)) : NULL;
        } else if (tuples) { /* tuples of keys */
            probe = prim_flip(r1(key));
            probe = probe ? xT(xD(r1(names), probe)) : NULL;
        } else if (n == nc) { /* columns of keys */
            probe = xT(xD(r1(names), r1(key)));
        }
    }
    r0(key);
    if (!probe) {
        r0(kt);
        return kerr_msg() ? NULL : kerr("length");
    }
    bool step = keys->u == ATTR_S;
    K pos = step ? prim_bin(r1(keys), probe) : prim_find(r1(keys), probe);
    if (pos && step) { /* below the first key: no row */
        J n = obj_count(keys);
        if (pos->t == -KJ && pos->j < 0)
            pos->j = n;
        for (J k = 0; pos->t == KJ && k < pos->n; k++)
            if (kJ(pos)[k] < 0)
                kJ(pos)[k] = n;
    }
    K vals = r1(DICT_VALS(kt));
    r0(kt);
    if (!pos) {
        r0(vals);
        return NULL;
    }
    if (one && pos->t != -KJ) {
        r0(vals);
        r0(pos);
        return kerr("type");
    }
    return eval_index(vals, pos);
}

/* the positions in keys of key (both borrowed): a long atom for an atom key, a long vector
 * for a list of keys; a key not there is the count of keys (its row is then nulls) */
static K dict_positions(const K keys, const K key) {
    if (key->t < 0)
        return kj(find_key(keys, key));
    if (key->t >= XT)
        return kerr("type");
    J n = obj_count(key);
    K pos = ktn(KJ, n);
    for (J k = 0; pos && k < n; k++) {
        K ik = prim_item(key, k);
        if (!ik) {
            r0(pos);
            return NULL;
        }
        kJ(pos)[k] = find_key(keys, ik);
        r0(ik);
    }
    return pos;
}

static K dict_lookup(K d, K key) {
    if (!obj_stack_ok()) { /* keys nest as deep as the user makes them */
        r0(d);
        r0(key);
        return NULL;
    }
    K keys = DICT_KEYS(d), vals = DICT_VALS(d);
    if (keys->t == XT && vals->t == XT)
        return keyed_lookup(d, key);
    if (vals->t == XT && keys->t != XT) { /* a dict of records: the rows the keys give */
        K pos = dict_positions(keys, key);
        K r = pos ? index_list(r1(vals), pos) : NULL;
        r0(d);
        r0(key);
        return r;
    }
    if (keys->t == XT || vals->t == XT) {
        /* a table on one side only (`a`b!table, or table!list): the key's position in the
         * keys (their count where absent) indexes the values -- a row, or a null one */
        K pos = prim_find(r1(keys), key);
        K v = r1(vals);
        r0(d);
        return pos ? eval_index(v, pos) : (r0(v), NULL);
    }
    if (key->t >= 0 && key->t < XT) {
        /* a list of keys: look each up (unless the keys are lists themselves) */
        if (!(keys->t == 0) || key->t == 0) {
            J n = obj_count(key);
            K *out = mem_raw_alloc((size_t)(n ? n : 1) * sizeof(K));
            if (!out) {
                r0(d);
                r0(key);
                return kerr("wsfull");
            }
            for (J k = 0; k < n; k++)
                out[k] = dict_lookup(r1(d), prim_item(key, k));
            for (J k = 0; k < n; k++)
                if (!out[k]) {
                    for (J m = 0; m < n; m++)
                        r0(out[m]);
                    mem_raw_free(out);
                    r0(d);
                    r0(key);
                    return NULL;
                }
            K r = prim_collect(out, n);
            mem_raw_free(out);
            r0(d);
            r0(key);
            return r;
        }
    }
    J pos;
    if (keys->u == ATTR_S && keys->t > 0 && keys->t < KENUM) {
        /* a step dict (keys s#): the value of the last key at or below key */
        K b = prim_bin(r1(keys), r1(key));
        if (!b) {
            r0(d);
            r0(key);
            return NULL;
        }
        pos = b->t == -KJ && b->j >= 0 ? b->j : obj_count(keys);
        r0(b);
    } else {
        pos = find_key(keys, key);
    }
    K r;
    if (pos < obj_count(keys)) {
        r = vals->t == 0 ? r1(kK(vals)[pos]) : prim_item(vals, pos);
    } else {
        int vt = vals->t;
        r = vt > 0 && vt < 20 ? prim_null_of(vt) : vt == 0 ? list_null(vals) : obj_identity();
    }
    r0(d);
    r0(key);
    return r;
}

/* v (consumed) as a record of the columns cols: a dict as it is, an atom of a one-column
 * table, or a list of one item per column; else 'type */
static K as_record(const K cols, K v) {
    if (v->t == XD)
        return v;
    if (v->t < 0 && cols->n == 1)
        return xD(r1(cols), prim_enlist(v));
    if (v->t >= 0 && v->t < XT && obj_count(v) == cols->n)
        return xD(r1(cols), v);
    r0(v);
    return kerr("type");
}

static J find_key(const K keys, const K key) {
    J n = obj_count(keys);
    if (keys->t == XT) { /* a keyed table's key: its record, a tuple, or the atom of its one column */
        K cols = TABLE_COLS(keys);
        K rec = key->t == XD ? r1(key)
                : key->t < 0 && cols->n == 1 ? xD(r1(cols), prim_enlist(r1(key)))
                : key->t >= 0 && key->t < XT && cols->n > 1 && obj_count(key) == cols->n ? xD(r1(cols), r1(key))
                : NULL;
        K r = rec ? prim_find(r1(keys), rec) : NULL;
        J pos = r && r->t == -KJ ? r->j : n;
        if (!r)
            kerr_clear();
        r0(r);
        return pos;
    }
    if (keys->t == 0) {
        for (J k = 0; k < n; k++) {
            K a = kK(keys)[k];
            if (a->t == key->t && a->t < 0 && memcmp(&a->g, &key->g, obj_width(a->t)) == 0)
                return k;
        }
        return n;
    }
    if (keys->t != -key->t) {
        if (is_int_type(keys->t) && is_int_type(key->t)) {
            J want = int_at(key, 0);
            for (J k = 0; k < n; k++)
                if (int_at(keys, k) == want)
                    return k;
        }
        return n;
    }
    int w = obj_width(keys->t);
    const G *p = kG(keys);
    const void *kp = key->t == -UU ? (const void *)kG(key) : (const void *)&key->g;
    for (J k = 0; k < n; k++)
        if (memcmp(p + k * w, kp, w) == 0)
            return k;
    return n;
}

static K table_row(K t, J r) {
    K names = TABLE_COLS(t), cols = TABLE_DATA(t);
    K vals = ktn(0, names->n);
    for (J c = 0; vals && c < names->n; c++) {
        K col = kK(cols)[c];
        kK(vals)[c] = r < obj_count(col) ? prim_item(col, r) : prim_null_of(col->t ? col->t : 0);
    }
    K row = xD(r1(names), vals ? prim_collect(kK(vals), vals->n) : NULL);
    if (vals) {
        vals->n = 0;
        r0(vals);
    }
    return row;
}

/* out[k] = items[ix[k]] for k < n, items of w bytes (8 or 4), z's where ix[k] is not below
 * count; items read ahead of their copy (an index is often rows picked from a long column, in
 * no pattern the hardware's prefetch follows) */
static void gather(G *out, const G *items, J count, const J *ix, J n, int w, const void *z) {
#define GATHER(T)                                                                              \
    {                                                                                          \
        T *o = (T *)out, zero;                                                                 \
        uint64_t last = (uint64_t)count - 1;                                                   \
        const T *s = (const T *)items;                                                         \
        memcpy(&zero, z, sizeof zero);                                                         \
        for (J k = 0; k < n; k++) {                                                            \
            __builtin_prefetch(s + MIN((uint64_t)ix[MIN(k + 16, n - 1)], last));               \
            J j = ix[k];                                                                       \
            o[k] = (uint64_t)j < (uint64_t)count ? s[j] : zero;                                \
        }                                                                                      \
    }
    if (count == 0)
        for (J k = 0; k < n; k++)
            memcpy(out + (size_t)k * w, z, (size_t)w);
    else if (w == 8)
        GATHER(uint64_t)
    else
        GATHER(uint32_t)
#undef GATHER
}

static K index_list(K x, K i) {
    if (i->t < 0) {
        if (!is_int_type(i->t)) {
            r0(x);
            r0(i);
            return kerr("type");
        }
        J k = int_at(i, 0);
        r0(i);
        K r;
        if (x->t == XT)
            r = k >= 0 && k < obj_count(x) ? table_row(x, k) : table_row(x, obj_count(x));
        else if (k >= 0 && k < x->n)
            r = prim_item(x, k);
        else
            r = x->t == 0 ? list_null(x) : prim_null_of(x->t);
        r0(x);
        return r;
    }
    /* a vector or list of indices: result has the shape of the index */
    J n = obj_count(i);
    if (i->t > 0 && is_int_type(i->t) && x->t > 0 && (x->t < KENUM || obj_is_enum(x->t))) {
        K r = obj_vec(x->t, n);
        if (!r) {
            r0(x);
            r0(i);
            return NULL;
        }
        int w = obj_width(x->t);
        K nul = obj_is_enum(x->t) ? kj(nj) : prim_null_of(x->t); /* an enumeration's null: ` */
        if (!nul) {
            r0(r);
            r0(x);
            r0(i);
            return NULL;
        }
        const void *z = x->t == UU ? (const void *)kG(nul) : (const void *)&nul->g;
        if (i->t == KJ && (w == 8 || w == 4)) /* the rows of a query's columns */
            gather(kG(r), kG(x), x->n, kJ(i), n, w, z);
        else
            for (J k = 0; k < n; k++) {
                J j = int_at(i, k);
                memcpy(kG(r) + (size_t)k * w, j >= 0 && j < x->n ? (const void *)(kG(x) + (size_t)j * w) : z, w);
            }
        r0(nul);
        r0(x);
        r0(i);
        return r;
    }
    if (i->t > 0 && !is_int_type(i->t) && i->t < KENUM) {
        r0(x);
        r0(i);
        return kerr("type");
    }
    K *out = mem_raw_alloc((size_t)(n ? n : 1) * sizeof(K));
    if (!out) {
        r0(x);
        r0(i);
        return kerr("wsfull");
    }
    for (J k = 0; k < n; k++) {
        out[k] = eval_index(r1(x), prim_item(i, k));
        if (!out[k]) {
            for (J m = 0; m < k; m++)
                r0(out[m]);
            mem_raw_free(out);
            r0(x);
            r0(i);
            return NULL;
        }
    }
    K r;
    if ((x->t == XT || x->t == 0) && i->t > 0) {
        /* rows of a table form a table; items of a general list that are atoms of one type a
         * vector, like dicts a table (learn/python/examples/list.md) */
        r = prim_collect(out, n);
    } else if (x->t == 0 || i->t == 0) {
        r = obj_vec(0, n);
        if (r)
            memcpy(kK(r), out, (size_t)n * sizeof(K));
    } else {
        r = prim_collect(out, n);
    }
    mem_raw_free(out);
    r0(x);
    r0(i);
    return r;
}

K eval_index(K x, K i) {
    if (!x || !i || !obj_stack_ok()) { /* an index recurses into its own nesting */
        r0(x);
        r0(i);
        return NULL;
    }
    if (obj_is_identity(i)) {
        r0(i);
        return x;
    }
    if (i->t >= KLAMBDA) { /* a function is no index */
        r0(x);
        r0(i);
        return kerr("type");
    }
    if (i->t == XT && x->t != XT && !obj_is_keyed(x)) { /* x t: a table of x at each column */
        K d = r1(i->k);
        r0(i);
        K r = eval_index(x, d);
        return r ? prim_flip(r) : NULL;
    }
    /* v group k: the index's keys, x at its values; a dict keyed by a table takes the
     * index as one of its keys (a record) */
    if (i->t == XD && !(x->t == XD && DICT_KEYS(x)->t == XT)) {
        K keys = r1(DICT_KEYS(i)), vals = r1(DICT_VALS(i));
        r0(i);
        K r = eval_index(x, vals);
        return r ? xD(keys, r) : (r0(keys), NULL);
    }
    if (x->t == XD)
        return dict_lookup(x, i);
    if (x->t == XT) {
        if (i->t == -KS || (i->t == KS)) {
            K names = TABLE_COLS(x);
            if (i->t == -KS) {
                J c = find_key(names, i);
                K r = c < names->n ? r1(kK(TABLE_DATA(x))[c]) : kerr(i->s);
                r0(x);
                r0(i);
                return r;
            }
            K out = ktn(0, 0);
            for (J k = 0; k < i->n; k++) {
                K s = prim_item(i, k);
                K col = eval_index(r1(x), s);
                if (!col) {
                    r0(out);
                    r0(x);
                    r0(i);
                    return NULL;
                }
                jk(&out, col);
            }
            r0(x);
            r0(i);
            return out;
        }
        if (i->t > 0 && i->t < KENUM && is_int_type(i->t)) { /* rows: a table, column by column */
            K names = r1(TABLE_COLS(x));
            K cols = ktn(0, names->n);
            for (J c = 0; c < names->n; c++) {
                kK(cols)[c] = index_list(r1(kK(TABLE_DATA(x))[c]), r1(i));
                if (!kK(cols)[c]) {
                    cols->n = c;
                    r0(cols);
                    r0(names);
                    r0(x);
                    r0(i);
                    return NULL;
                }
            }
            r0(x);
            r0(i);
            return xT(xD(names, cols));
        }
        return index_list(x, i);
    }
    if (x->t < 0 || x->t >= KLAMBDA) {
        r0(x);
        r0(i);
        return kerr("type");
    }
    return index_list(x, i);
}

K eval_index_deep(K x, K *idx, int n) {
    if (n == 0)
        return x;
    if (!x) /* an index step failed: the rest of the path goes unused */
        return release(idx, n);
    if (!obj_stack_ok()) {
        r0(x);
        return release(idx, n);
    }
    if (x->t >= KLAMBDA && x->t <= KFOREIGN) /* d[`f;args]: the function found is applied */
        return eval_apply(x, idx, n);
    K first = idx[0];
    if (n == 1)
        return eval_index(x, first);
    if (x->t == XD && obj_is_identity(first)) { /* d[;j]: each value at j, keys kept */
        K keys = r1(DICT_KEYS(x));
        K vals = eval_index_deep(r1(DICT_VALS(x)), idx, n);
        r0(x);
        return vals ? xD(keys, vals) : (r0(keys), NULL);
    }
    if (x->t != XD && (first->t == 0 || first->t == XD)) {
        /* i[0] nested (a general list or a dict): one path per atom of it, in its shape
           (ref/apply.md "Cross sections"): x[(0;1 0);j] is (x[0;j];x[1 0;j]) */
        K path[8];
        if (first->t == XD) {
            path[0] = r1(DICT_VALS(first));
            for (int a = 1; a < n && a < 8; a++)
                path[a] = r1(idx[a]);
            K vals = eval_index_deep(x, path, n);
            K keys = r1(DICT_KEYS(first));
            release(idx, n);
            return vals ? xD(keys, vals) : (r0(keys), NULL);
        }
        J m = first->n;
        K *out = mem_raw_alloc((size_t)(m ? m : 1) * sizeof(K));
        if (!out) {
            r0(x);
            return release(idx, n);
        }
        for (J k = 0; k < m; k++) {
            path[0] = r1(kK(first)[k]);
            for (int a = 1; a < n && a < 8; a++)
                path[a] = r1(idx[a]);
            out[k] = eval_index_deep(r1(x), path, n);
            if (!out[k]) {
                while (k--)
                    r0(out[k]);
                mem_raw_free(out);
                r0(x);
                return release(idx, n);
            }
        }
        K r = prim_collect(out, m);
        mem_raw_free(out);
        r0(x);
        release(idx, n);
        return r;
    }
    if (obj_is_identity(first) || (first->t >= 0 && first->t < KENUM && !(x->t == XD))) {
        /* x[;j] or x[i vector; j]: index each selected item by the rest */
        bool each_row = idx[1]->t >= 0; /* t[rows; cols] and t[; cols]: rows of those cols */
        K sel = obj_is_identity(first) ? (r0(first), x) : eval_index(x, first);
        if (!sel)
            return release(idx + 1, n - 1);
        if (sel->t == XT) { /* t[rows; cols]: each row's cols, a column for one col */
            K r = eval_index(sel, r1(idx[1]));
            if (each_row && r && r->t == 0)
                r = prim_flip(r);
            K rest = eval_index_deep(r, idx + 2, n - 2);
            r0(idx[1]);
            return rest;
        }
        J m = obj_count(sel);
        K *out = mem_raw_alloc((size_t)(m ? m : 1) * sizeof(K));
        if (!out) {
            r0(sel);
            return release(idx + 1, n - 1);
        }
        for (J k = 0; k < m; k++) {
            K rest[8];
            for (int a = 1; a < n && a < 9; a++)
                rest[a - 1] = r1(idx[a]);
            out[k] = eval_index_deep(prim_item(sel, k), rest, n - 1);
            if (!out[k]) {
                for (J q = 0; q < k; q++)
                    r0(out[q]);
                mem_raw_free(out);
                r0(sel);
                return release(idx + 1, n - 1);
            }
        }
        K r = prim_collect(out, m);
        mem_raw_free(out);
        r0(sel);
        release(idx + 1, n - 1);
        return r;
    }
    K item = eval_index(x, first);
    return eval_index_deep(item, idx + 1, n - 1);
}

/* ---- frames and names ---------------------------------------------------------------------- */

static long local_slot(const Frame *f, S name) {
    if (!f)
        return -1;
    for (J i = 0; i < f->names->n; i++)
        if (kS(f->names)[i] == name)
            return (long)i;
    return -1;
}

/* v.f for value v (consumed): a table's column or a dictionary's entry f, the field f of a
 * temporal (time.minute, date.year ...: `f$v), or for a foreign key (enumerated over a keyed
 * table, or a link) f of the rows it names; NULL when v has no such f */
static K dot_step(K v, S f) {
    if (v->t == XT || v->t == XD || obj_is_keyed(v)) {
        K key = ks(f);
        return eval_apply(v, &key, 1);
    }
    if (v->t != 0 && prim_is_temporal(v->t < 0 ? -v->t : v->t)) {
        static const char *fields[] = {"year", "month", "mm", "dd", "date", "time", "minute",
                                       "second", "hh", "uu", "ss", "week", "timespan", "timestamp",
                                       "datetime", "day"};
        for (size_t i = 0; i < ARRAY_LEN(fields); i++)
            if (!strcmp(f, fields[i]))
                return prim_cast(ks((S)fields[i]), v);
    }
    int et = v->t < 0 ? -v->t : v->t;
    K dom = obj_is_enum(et) ? env_get(enum_domain(et)) : NULL;
    if (dom && (obj_is_keyed(dom) || dom->t == XT)) { /* a keyed table's, a link's table */
        K key = ks(f);
        K col = eval_apply(r1(dom->t == XT ? dom : DICT_VALS(dom)), &key, 1);
        r0(dom);
        if (!col) {
            r0(v);
            return NULL;
        }
        K pos = obj_own(v); /* the enumeration's indices, as longs */
        if (!pos) {
            r0(col);
            return NULL;
        }
        pos->t = (signed char)(pos->t < 0 ? -KJ : KJ);
        return eval_apply(col, &pos, 1);
    }
    r0(dom);
    r0(v);
    return NULL;
}

static K lookup(S name, Frame *f) {
    Frame *const scope = f; /* t.c and d.f look t and d up here: columns inside a lambda too */
    long i = local_slot(f, name);
    if (i >= 0) {
        if (f->vals[i])
            return r1(f->vals[i]);
        /* a local is known from parsing and starts as () (basics/function-notation.md) */
        return ktn(0, 0);
    }
    if (name[0] == '.' && !strcmp(name, ".z.s")) { /* .z.s: the running lambda itself */
        Frame *lf = f && f->lambda ? f : f ? f->parent : NULL;
        if (lf && lf->lambda)
            return r1(lf->lambda);
    }
    if (f && f->parent) { /* a column scope inside a lambda: then the lambda's locals */
        long j = local_slot(f->parent, name);
        if (j >= 0 && f->parent->vals[j])
            return r1(f->parent->vals[j]);
        f = f->parent;
    }
    kerr_clear(); /* evaluation is succeeding here: a pending error now can only be a view's */
    K v = env_get(name);
    if (v || kerr_msg()) /* found, or a view that failed ('loop included) */
        return v;
    if (name[0] != '.') { /* q's own functions live in .q */
        char qname[256];
        snprintf(qname, sizeof qname, ".q.%s", name);
        v = env_get(ss(qname));
        if (v)
            return v;
    }
    if (f && f->lambda) { /* a lambda defined in a context sees that context's globals */
        K ctx = kK(f->lambda)[LAMBDA_CTX];
        if (ctx && ctx->t == -KS && ctx->s != sym_null && name[0] != '.') {
            char buf[512];
            snprintf(buf, sizeof buf, "%s.%s", ctx->s, name);
            v = env_get(ss(buf));
            if (v)
                return v;
        }
    }
    /* t.c: column c of a table (or key c of a dictionary) named t, local or global; a chain
     * s.eid.currency follows each foreign key in turn (basics/joins.md) */
    const char *dot = name[0] != '.' ? strchr(name, '.') : NULL;
    if (dot && dot[1]) {
        K v = lookup(sym_intern(name, (size_t)(dot - name)), scope);
        for (const char *field = dot + 1; v && field && *field;) {
            const char *next = strchr(field, '.');
            S f = next ? sym_intern(field, (size_t)(next - field)) : ss((S)field);
            v = dot_step(v, f);
            field = next ? next + 1 : NULL;
        }
        if (v)
            return v;
        kerr_clear();
    }
    return kerr(name);
}

/* ---- amend ---------------------------------------------------------------------------------- */

static K amend_at(K x, K *idx, int depth, K f, K y);

/* int atom v as a long, or long atom v as an int (consumed): the one pair of types a simple
 * list converts on amend, as kdb+ does (an int keeps its value, null its nullness; a long
 * past the ints becomes an int infinity) */
static K int_to_width(K v, int t) {
    K r;
    if (t == KJ) {
        r = kj(v->i == ni ? nj : v->i);
    } else {
        J j = v->j;
        r = ki(j == nj ? ni : j >= wi ? wi : j <= -wi ? -wi : (I)j);
    }
    r0(v);
    return r;
}

/* x with item k replaced by v (x owned, v consumed); type must fit unless x is general */
static K set_item(K x, J k, K v) {
    if (x->t == XT) { /* a table's row k: the record v's values into their columns */
        K names = TABLE_COLS(x), data = TABLE_DATA(x);
        if (v->t != XD || DICT_KEYS(v)->t != KS || data->t != 0) {
            r0(x);
            r0(v);
            return kerr("type");
        }
        K cols = ktn(0, data->n);
        for (J c = 0; cols && c < data->n; c++) {
            K col = r1(kK(data)[c]);
            K name = ks(kS(names)[c]);
            J at = find_key(DICT_KEYS(v), name);
            r0(name);
            if (at < DICT_KEYS(v)->n)
                col = set_item(obj_own(col), k, prim_item(DICT_VALS(v), at));
            if (!col) {
                cols->n = c;
                r0(cols);
                cols = NULL;
            } else {
                kK(cols)[c] = col;
            }
        }
        K r = cols ? xT(xD(r1(names), cols)) : NULL;
        r0(x);
        r0(v);
        return r;
    }
    if (x->t == 0) {
        r0(kK(x)[k]);
        kK(x)[k] = v;
        return x;
    }
    if (obj_is_enum(x->t) && v->t == -KS) /* a symbol into an enumeration: enumerated */
        v = prim_cast(ks(enum_domain(x->t)), v);
    else if ((x->t == KJ && v->t == -KI) || (x->t == KI && v->t == -KJ))
        v = int_to_width(v, x->t);
    if (!v || v->t != -x->t) { /* a simple list takes only atoms of its type (ref/amend.md) */
        r0(x);
        if (v)
            r0(v);
        return v ? kerr("type") : NULL;
    }
    int w = obj_width(x->t);
    memcpy(kG(x) + (size_t)k * w, x->t == UU ? (void *)kG(v) : (void *)&v->g, w);
    r0(v);
    return x;
}

/* x f:y where x has no value (an undefined name, a new key of a dict whose values are an
 * empty general list): f's identity element stands for x (ref/assign.md), so the value is
 * y, (),y for Join and neg y for Subtract */
static K absent_apply(const K f, K y) {
    if (f && f->t == KBINARY && f->g == P_COMMA)
        return y->t == XD ? y : prim_join(ktn(0, 0), y);
    if (f && f->t == KBINARY && f->g == P_MINUS)
        return prim_neg(y);
    return y;
}

/* apply the amend function: f[old;y] or y when f is NULL (plain assignment) */
static K amend_value(K old, K f, K y) {
    if (!f) {
        r0(old);
        return y;
    }
    K args[2] = {old, y};
    int n = y ? 2 : 1;
    return eval_apply(r1(f), args, n);
}

/* a keyed table x amended at a table of keys i (ref/amend.md), all consumed: every key's row
 * found in one hashed pass, the keys x lacks appended once as rows of nulls, then each row's
 * record amended through f in turn (a key given twice sees its first amend) and its values
 * written into the value columns in place -- O(rows + keys), not a search and a new table
 * per key */
static K amend_keyed_rows(K x, K i, K f, K y) {
    J m = obj_count(i);
    bool spread = y && y->t >= 0 && y->t <= XT && obj_count(y) == m;
    K keys = r1(DICT_KEYS(x)), vals = r1(DICT_VALS(x));
    r0(x);
    K pos = prim_find(r1(keys), r1(i)), cols = NULL;
    J n = obj_count(keys);
    J missing = 0;
    for (J r = 0; pos && r < m; r++)
        missing += kJ(pos)[r] >= n;
    if (pos && missing) { /* the new keys, once each, with null rows */
        K at = ktn(KJ, missing);
        for (J r = 0, k = 0; at && r < m; r++)
            if (kJ(pos)[r] >= n)
                kJ(at)[k++] = r;
        K fresh = at ? prim_distinct(eval_index(r1(i), at)) : NULL;
        K past = fresh ? ktn(KJ, obj_count(fresh)) : NULL;
        for (J k = 0; past && k < past->n; k++)
            kJ(past)[k] = obj_count(vals);
        K nulls = past ? eval_index(r1(vals), past) : NULL;
        keys = fresh && nulls ? prim_join(keys, fresh) : (r0(fresh), r0(keys), (K)NULL);
        vals = keys && nulls ? prim_join(vals, nulls) : (r0(nulls), r0(vals), (K)NULL);
        r0(pos);
        pos = keys && vals ? prim_find(r1(keys), r1(i)) : NULL;
    }
    K names = vals ? TABLE_COLS(vals) : NULL;
    if (pos && vals) { /* the value columns, each this amend's own */
        cols = ktn(0, names->n);
        for (J c = 0; cols && c < names->n; c++) {
            cols->n = c;
            kK(cols)[c] = obj_own(r1(kK(TABLE_DATA(vals))[c]));
            if (!kK(cols)[c])
                r0(cols), cols = NULL;
            else
                cols->n = c + 1;
        }
    }
    for (J r = 0; cols && r < m; r++) {
        J p = kJ(pos)[r];
        K items = ktn(0, names->n);
        for (J c = 0; items && c < names->n; c++)
            kK(items)[c] = prim_item(kK(cols)[c], p);
        K rec = items ? prim_collect(kK(items), items->n) : NULL;
        if (items) {
            items->n = 0;
            r0(items);
        }
        K old = rec ? xD(r1(names), rec) : NULL;
        K nv = old ? amend_value(old, f, y ? (spread ? prim_item(y, r) : r1(y)) : NULL) : NULL;
        if (nv && (nv->t != XD || DICT_KEYS(nv)->t != KS)) {
            r0(nv);
            nv = kerr("type");
        } else if (nv && DICT_KEYS(nv)->n != names->n) { /* a column the values lack */
            r0(nv);
            nv = kerr("mismatch");
        }
        for (J c = 0; nv && c < names->n; c++) {
            K nk = DICT_KEYS(nv);
            J at = 0;
            while (at < nk->n && kS(nk)[at] != kS(names)[c])
                at++;
            if (at == nk->n)
                continue;
            K v = prim_item(DICT_VALS(nv), at);
            K col = kK(cols)[c]; /* a simple column takes atoms of its type ('type) */
            col = v ? set_item(col, p, v) : (r0(col), (K)NULL);
            kK(cols)[c] = col ? col : ktn(0, 0);
            if (!col) {
                r0(nv);
                nv = NULL;
            }
        }
        if (!nv) {
            r0(cols);
            cols = NULL;
        }
        r0(nv);
    }
    K r = cols ? xD(r1(keys), xT(xD(r1(names), cols))) : NULL;
    r0(pos);
    r0(keys);
    r0(vals);
    r0(i);
    r0(y);
    return r;
}

/* x amended: the attributes s# u# p# promise an order or uniqueness the new items may break,
 * so they go (q keeps g#, whose index it maintains) */
K eval_amend(K x, K *idx, int depth, K f, K y) {
    K r = amend_at(x, idx, depth, f, y);
    if (r && depth > 0 && r->t > 0 && r->t < KENUM) {
        if (r->u == ATTR_G)
            prim_attr_forget(r); /* g#'s index is rebuilt on the next lookup */
        else
            r->u = ATTR_NONE;
    }
    return r;
}

static K amend_at(K x, K *idx, int depth, K f, K y) {
    if (depth == 0) {
        return amend_value(x, f, y);
    }
    K i = idx[0];
    if (i->t >= KLAMBDA && !obj_is_identity(i)) { /* a function is no index */
        r0(x);
        r0(y);
        return kerr("type");
    }
    if (x->t == XT && (i->t == -KS || i->t == KS)) { /* @[t;`c;f]: amend the columns */
        K d = r1(x->k);
        r0(x);
        d = eval_amend(d, idx, depth, f, y);
        return d ? prim_flip(d) : NULL;
    }
    if (obj_is_identity(i)) {
        /* all items */
        if (x->t == XD) {
            K vals = r1(DICT_VALS(x));
            K keys = r1(DICT_KEYS(x));
            r0(x);
            K nv = eval_amend(vals, &i, 1, f, y);
            return nv ? xD(keys, nv) : (r0(keys), NULL);
        }
        J n = obj_count(x);
        K all = ktn(KJ, n);
        for (J k = 0; k < n; k++)
            kJ(all)[k] = k;
        K sub[8];
        sub[0] = all;
        for (int d = 1; d < depth; d++)
            sub[d] = idx[d];
        K r = eval_amend(x, sub, depth, f, y);
        r0(all);
        return r;
    }
    if (x->t == XD) {
        K keys = DICT_KEYS(x);
        if (depth == 1 && obj_is_keyed(x) && TABLE_COLS(keys)->n == 1 && i->t > 0 && i->t < XT) {
            /* a list of keys of a one-column key: the table of them (kt[`c`d]+:1) */
            K ti = xT(xD(r1(TABLE_COLS(keys)), obj_list(1, r1(i))));
            return ti ? amend_keyed_rows(x, ti, f, y) : (r0(x), r0(y), (K)NULL);
        }
        /* several keys: a list of the keys' type, or any simple list when there are no
         * keys yet (()!()) */
        if ((i->t >= 0 && keys->t != 0 && i->t == keys->t) ||
            (keys->t == 0 && keys->n == 0 && i->t > 0 && i->t < KENUM)) {
            if (keys->t == 0 && keys->n == 0 && DICT_VALS(x)->t == 0 && DICT_VALS(x)->n == 0 &&
                depth == 1 && y && (y->t < 0 || (y->t < XT && obj_count(y) == obj_count(i)))) {
                /* ()!() with distinct new keys: all their values through f's identity at
                 * once, so a simple y gives a simple list of values */
                K u = prim_distinct(r1(i));
                bool distinct = u && obj_count(u) == obj_count(i);
                r0(u);
                if (distinct) {
                    K v = absent_apply(f, y->t < 0 ? prim_take(kj(obj_count(i)), y) : y);
                    r0(x);
                    return v ? xD(r1(i), v) : NULL;
                }
            }
            if (depth == 1 && i->t == XT && obj_is_keyed(x))
                return amend_keyed_rows(x, r1(i), f, y);
            /* several keys */
            for (J k = 0; k < obj_count(i); k++) {
                K yk = y ? (y->t >= 0 && obj_count(y) == obj_count(i) && y->t <= XT ? prim_item(y, k) : r1(y)) : NULL;
                K ik = prim_item(i, k);
                x = eval_amend(x, &ik, 1, f, yk);
                r0(ik);
                if (!x) {
                    r0(y);
                    return NULL;
                }
            }
            r0(y);
            return x;
        }
        x = obj_own(x);
        if (!x) {
            r0(y);
            return NULL;
        }
        J pos = find_key(keys, i);
        K old;
        if (pos < obj_count(keys)) {
            old = eval_index(r1(x), r1(i));
        } else if (depth == 1 && f && y && !obj_is_keyed(x)) {
            /* d[k]+:y of a new key k is y through f's identity, as of an undefined name
             * (the counting idiom d[k]+:1; KX's e/book.q sums sizes per new price) */
            old = NULL;
        } else {
            /* a new key: its value starts as the lookup of a missing key gives it (the
             * values' null); deeper in, what that null holds is amended */
            K vals = DICT_VALS(x);
            old = vals->t > 0 && vals->t < KENUM ? prim_null_of(vals->t)
                  : vals->t == 0 && vals->n ? prim_proto(kK(vals)[0])
                  : vals->t == XT ? table_row(vals, obj_count(vals)) : NULL;
        }
        /* no values to take a null from (()!()), or a new key amended through f: the new value
         * is y through f's identity */
        K nv = old ? eval_amend(old, idx + 1, depth - 1, f, y)
               : depth == 1 && y ? absent_apply(f, y) : eval_amend(obj_identity(), idx + 1, depth - 1, f, y);
        if (!nv) {
            r0(x);
            return NULL;
        }
        if (pos < obj_count(keys)) {
            K vals = DICT_VALS(x);
            if (vals->t == XT) { /* a dict of records: the rows as a list, then a table again */
                nv = as_record(TABLE_COLS(vals), nv);
                if (!nv) {
                    r0(x);
                    return NULL;
                }
                J nr = obj_count(vals);
                K rows = obj_vec(0, nr);
                if (!rows) {
                    r0(nv);
                    r0(x);
                    return NULL;
                }
                for (J k = 0; k < nr; k++)
                    kK(rows)[k] = k == pos ? nv : prim_item(vals, k);
                K t = prim_collect(kK(rows), nr); /* consumes the rows */
                rows->n = 0;
                r0(rows);
                r0(DICT_VALS(x));
                DICT_VALS(x) = t ? t : ktn(0, 0);
                if (!t) {
                    r0(x);
                    return NULL;
                }
                return x;
            }
            vals = obj_own(r1(vals));
            r0(DICT_VALS(x));
            DICT_VALS(x) = NULL;
            vals = set_item(vals, pos, nv);
            DICT_VALS(x) = vals;
            if (!vals) {
                DICT_VALS(x) = ktn(0, 0);
                r0(x);
                return NULL;
            }
            return x;
        }
        /* a new key: a keyed table takes a row (the key's record and the value's), a dict
         * an entry */
        if (obj_is_keyed(x)) {
            K rec = as_record(TABLE_COLS(DICT_KEYS(x)), r1(i)); /* the key's record */
            nv = as_record(TABLE_COLS(DICT_VALS(x)), nv);
            K row = rec && nv ? prim_join(rec, nv) : (r0(rec), r0(nv), (K)NULL);
            return row ? prim_upsert(x, row) : (r0(x), kerr("type"));
        }
        K keys2 = r1(DICT_KEYS(x)), vals2 = r1(DICT_VALS(x));
        r0(x);
        keys2 = obj_own(keys2);
        vals2 = obj_own(vals2);
        K ki = r1(i);
        if (keys2->t == XT && ki->t >= 0 && ki->t < XT) { /* a tuple of the key columns */
            K kc = TABLE_COLS(keys2);
            keys2 = obj_count(ki) == kc->n ? prim_join(keys2, xD(r1(kc), r1(ki))) : (r0(keys2), kerr("length"));
        } else if (keys2->t == XT || (keys2->t == 0 && keys2->n == 0)) /* a record, or the first key */
            keys2 = prim_join(keys2, keys2->t == XT ? r1(ki) : prim_enlist(r1(ki)));
        else if (keys2->t == -ki->t && keys2->t > 0)
            keys2 = ja(&keys2, ki->t == -UU ? (void *)kG(ki) : (void *)&ki->g);
        else
            keys2 = jk(&keys2, r1(ki));
        r0(ki);
        if (!keys2) {
            r0(vals2);
            r0(nv);
            return NULL;
        }
        if (vals2->t == 0 && vals2->n == 0 && nv->t < 0) { /* the first value: a vector */
            r0(vals2);
            vals2 = prim_enlist(nv);
        } else if (vals2->t > 0 && vals2->t == -nv->t) {
            vals2 = ja(&vals2, nv->t == -UU ? (void *)kG(nv) : (void *)&nv->g);
            r0(nv);
        } else if (vals2->t == 0) {
            vals2 = jk(&vals2, nv);
        } else {
            J nv2 = obj_count(vals2);
            bool records = vals2->t == XT;
            K g = obj_vec(0, nv2);
            for (J k = 0; g && k < nv2; k++)
                kK(g)[k] = prim_item(vals2, k);
            r0(vals2);
            vals2 = jk(&g, nv);
            if (records && vals2) { /* the records again a table when they still conform */
                K t = prim_collect(kK(vals2), vals2->n);
                vals2->n = 0;
                r0(vals2);
                vals2 = t;
            }
        }
        return xD(keys2, vals2);
    }
    /* a table's row by its position: the record amended (t[0]+:d) */
    if (x->t < 0 || (x->t >= XT && !(x->t == XT && i->t < KENUM && is_int_type(i->t)))) {
        r0(x);
        r0(y);
        return kerr("type");
    }
    if (i->t < 0) {
        if (!is_int_type(i->t)) {
            r0(x);
            r0(y);
            return kerr("type");
        }
        J k = int_at(i, 0);
        if (k < 0 || k >= obj_count(x)) { /* past the end: 'length (basics/dictsandtables.md) */
            r0(x);
            r0(y);
            return kerr("length");
        }
        K old = prim_item(x, k);
        K nv = eval_amend(old, idx + 1, depth - 1, f, y);
        if (!nv) {
            r0(x);
            return NULL;
        }
        x = obj_own(x);
        return x ? set_item(x, k, nv) : (r0(nv), NULL);
    }
    /* a list of indices: amend each with the matching item of y (or y itself) */
    J n = obj_count(i);
    bool spread = y && y->t >= 0 && y->t < XT && obj_count(y) == n;
    if (y && y->t >= 0 && y->t < XT && obj_count(y) != n && n != 0 && !(y->t == 0 && 0)) {
        r0(x);
        r0(y);
        return kerr("length");
    }
    for (J k = 0; k < n; k++) {
        K ik = prim_item(i, k);
        K yk = y ? (spread ? prim_item(y, k) : r1(y)) : NULL;
        K sub[8];
        sub[0] = ik;
        for (int d = 1; d < depth && d < 8; d++)
            sub[d] = idx[d];
        x = eval_amend(x, sub, depth, f, yk);
        r0(ik);
        if (!x) {
            r0(y);
            return NULL;
        }
    }
    r0(y);
    return x;
}

/* ---- assignment ------------------------------------------------------------------------------- */

static K assign_name(S name, K v, Frame *f, bool global) {
    /* a::v on a name that is local (a parameter, say) still assigns the local */
    long slot = local_slot(f, name);
    if (global && slot >= 0 && !f->vals[slot])
        slot = -1;
    UNUSED(global);
    if (slot >= 0) {
        r0(f->vals[slot]);
        f->vals[slot] = r1(v);
        return v;
    }
    return lang_assign_global(name, v);
}

/* store v (consumed) into target: a name, or an indexed name (name;i;j..) amended at the
 * index, through op when given (x+:y).  The value of the assignment, or NULL + kerr. */
/* ---- x,:y (ref/join.md, Append) --------------------------------------------------------- */

/* x's rank as ref/join.md defines it: 0 for an atom, else 1 + the rank of its first item */
static int list_rank(const K x) {
    int d = 0;
    for (K y = x; y->t >= 0 && y->t < KENUM && d < 1000; y = kK(y)[0]) {
        d++;
        if (y->t != 0 || y->n == 0)
            break;
    }
    return d;
}

/* does table t (borrowed, simple) take column `name` of type ct (a vector's type; an atom's
 * negative type is taken as its vector's)?  Simple columns keep their type */
static bool append_column_fits(const K t, S name, int ct) {
    K names = TABLE_COLS(t);
    for (J c = 0; c < names->n; c++)
        if (kS(names)[c] == name) {
            int ot = kK(TABLE_DATA(t))[c]->t;
            ct = ct < 0 ? -ct : ct;
            return ot == 0 || ot >= 20 || ot == ct;
        }
    return true;
}

/* the columns y brings to table x (both borrowed) all fit x's: 'type otherwise */
static bool append_fits(const K x, const K y) {
    K flat[2] = {x, NULL};
    if (obj_is_keyed(x)) {
        flat[0] = DICT_KEYS(x);
        flat[1] = DICT_VALS(x);
    }
    K names, vals;
    if (y->t == XT) {
        names = TABLE_COLS(y);
        vals = TABLE_DATA(y);
    } else if (obj_is_keyed(y)) {
        return append_fits(x, DICT_KEYS(y)) && append_fits(x, DICT_VALS(y));
    } else if (y->t == XD && DICT_KEYS(y)->t == KS) {
        names = DICT_KEYS(y);
        vals = DICT_VALS(y);
    } else {
        return true;
    }
    for (J c = 0; c < names->n; c++) {
        int ct = vals->t == 0 ? kK(vals)[c]->t : -vals->t;
        for (int k = 0; k < 2; k++)
            if (flat[k] && ct != 0 && !append_column_fits(flat[k], kS(names)[c], ct))
                return false;
    }
    return true;
}

/* old,:v (both consumed): a table takes records (a list of them, one record, a dict) and
 * tables with columns missing, as upsert does, each column keeping its type; a dict whose
 * values are a simple list takes values of that type; a general list one deeper than v
 * takes v as one item */
static K append_value(K old, K v) {
    if (old->t == XT || obj_is_keyed(old)) {
        if (v->t == 0 && v->n > 0 && kK(v)[0]->t >= 0) { /* (r1;r2;..): records */
            for (J i = 0; old && i < v->n; i++)
                old = prim_upsert(old, r1(kK(v)[i]));
            r0(v);
            return old;
        }
        if (!append_fits(old, v)) {
            r0(old);
            r0(v);
            return kerr("type");
        }
        return prim_upsert(old, v);
    }
    if (old->t == XD && v->t == XD) {
        int ot = DICT_VALS(old)->t, vt = DICT_VALS(v)->t;
        if (ot > 0 && ot < 20 && vt != ot && DICT_VALS(v)->n > 0) {
            r0(old);
            r0(v);
            return kerr("type");
        }
    }
    if (old->t == 0 && list_rank(old) == list_rank(v) + 1)
        v = prim_enlist(v);
    if ((obj_is_enum(old->t) || obj_is_enum(-old->t)) && (v->t == KS || v->t == -KS)) {
        K dom = obj_atom(-KS); /* symbols join an enumeration enumerated: 'cast if new */
        if (dom)
            dom->s = enum_domain(old->t < 0 ? -old->t : old->t);
        v = dom ? prim_cast(dom, v) : (r0(v), NULL);
        if (!v) {
            r0(old);
            return NULL;
        }
    }
    return prim_join(old, v);
}

/* the variable name's own reference to old (a value lookup gave), moved out: its place holds
 * :: until assigned again; NULL when the variable is not where old came from */
static K take_var(S name, Frame *f, const K old) {
    long i = local_slot(f, name);
    if (i >= 0) {
        if (f->vals[i] != old)
            return NULL;
        f->vals[i] = obj_identity();
        return old;
    }
    if (f && f->parent && local_slot(f->parent, name) >= 0)
        return NULL;
    return env_take(name, old);
}

static K store_target(const K target, K v, const K op, Frame *f, bool global) {
    if (target->t == -KS) {
        if (op) {
            long slot = local_slot(f, target->s); /* a local not assigned yet: undefined */
            K old = slot >= 0 && !f->vals[slot] ? (kerr(target->s), (K)NULL) : lookup(target->s, f);
            if (!old) { /* x op: y of an undefined x: op's identity element as x (ref/assign.md) */
                if (!kerr_msg() || strcmp(kerr_msg(), target->s)) {
                    r0(v);
                    return NULL;
                }
                kerr_clear();
                v = absent_apply(op, v);
                if (!v)
                    return NULL;
                return assign_name(target->s, v, f, global);
            }
            if (op->t == KBINARY && op->g == P_COMMA && old->t > 0 && old->t != XT &&
                (v->t == old->t || v->t == -old->t)) {
                /* x,:y of its own type: y written after x's items in x's memory, when x has
                 * no other reference (so appending n items costs O(n)) */
                K mine = take_var(target->s, f, old);
                if (mine) {
                    r0(old);
                    if (prim_appends_in_place(mine, v)) {
                        K r = prim_append_in_place(mine, v);
                        if (!r) {
                            r0(assign_name(target->s, mine, f, global)); /* x as it was */
                            return NULL;
                        }
                        return assign_name(target->s, r, f, global);
                    }
                    old = assign_name(target->s, mine, f, global); /* shared: a copy below */
                    if (!old) {
                        r0(v);
                        return NULL;
                    }
                }
            }
            if (op->t == KBINARY && op->g == P_COMMA && old->t == XT &&
                !(v->t == 0 && v->n > 0 && kK(v)[0]->t >= 0) && append_fits(old, v)) {
                /* t,:rows of a table t no one else holds: y made rows first (t kept when it
                 * is not), then written after t's columns in their memory, as insert does */
                K mine = take_var(target->s, f, old);
                if (mine) {
                    r0(old);
                    K rows = prim_table_rows(mine, v);
                    for (J c = 0; rows && c < TABLE_DATA(rows)->n; c++) {
                        K to = kK(TABLE_DATA(mine))[c], add = kK(TABLE_DATA(rows))[c];
                        if (((to->t > 0 && to->t < KENUM) || obj_is_enum(to->t)) && add->n && add->t != to->t &&
                            !(obj_is_enum(to->t) && add->t == KS)) { /* a column keeps its type */
                            r0(rows);
                            rows = kerr("type");
                        }
                    }
                    if (!rows) {
                        r0(assign_name(target->s, mine, f, global)); /* t as it was */
                        return NULL;
                    }
                    v = prim_upsert(mine, rows);
                    return v ? assign_name(target->s, v, f, global) : NULL;
                }
            }
            if (op->t == KBINARY && op->g == P_COMMA) {
                /* x,:y appends in place, so a simple list keeps its type: x,:`a of longs is
                 * 'type; any other x op:y is x:x op y (ref/assign.md) */
                int ot = old->t;
                v = append_value(old, v);
                if (v && ((ot > 0 && ot < 20) || obj_is_enum(ot)) && v->t != ot) {
                    r0(v);
                    return kerr("type");
                }
            } else {
                K args[2] = {old, v};
                v = eval_apply(r1(op), args, 2);
            }
            if (!v)
                return NULL;
        }
        return assign_name(target->s, v, f, global);
    }
    /* indexed: (name; i; j ...) */
    if (target->t != 0 || target->n < 1 || kK(target)[0]->t != -KS) {
        r0(v);
        return kerr("assign");
    }
    S name = kK(target)[0]->s;
    int depth = (int)target->n - 1;
    K idx[8];
    if (depth > 8) {
        r0(v);
        return kerr("rank");
    }
    for (int d = depth; d >= 1; d--) {
        K ie = kK(target)[d];
        idx[d - 1] = is_elided(ie) ? obj_identity() : eval_node(ie, f);
        if (!idx[d - 1]) {
            release(idx + d, depth - d);
            r0(v);
            return NULL;
        }
    }
    K old = lookup(name, f);
    if (!old) {
        if (op || kerr_msg() == NULL) {
            release(idx, depth);
            r0(v);
            return NULL;
        }
        kerr_clear();
        old = ktn(0, 0); /* a new dictionary-less name: start from an empty list */
    }
    bool general = old->t == 0;
    K nv = eval_amend(old, idx, depth, op, r1(v));
    if (nv && general) /* a general list whose items now share one atom type is that vector */
        nv = prim_squash(nv);
    if (nv && op) { /* x[i]op:y gives the amended items */
        K at[8];
        for (int d = 0; d < depth; d++)
            at[d] = r1(idx[d]);
        K items = eval_apply(r1(nv), at, depth);
        if (!items) {
            release(idx, depth);
            r0(nv);
            r0(v);
            return NULL;
        }
        r0(v);
        v = items;
    }
    release(idx, depth);
    if (!nv) {
        r0(v);
        return NULL;
    }
    K stored = assign_name(name, nv, f, global);
    if (!stored) {
        r0(v);
        return NULL;
    }
    r0(stored);
    return v;
}

/* ---- patterns (basics/pattern.md) -------------------------------------------------------------
 * The left of an assignment, a lambda's parameter or a case of :[v;p;r;..] is a pattern, read
 * from its parse tree:
 *   (empty)          the null pattern: matches anything
 *   a                a name: bound to the value
 *   a[i]             a name with an index: the item is amended (the index is a value)
 *   1, `a, 1 2       a constant: the value must match it (~), else 'match
 *   (p;q;..)         a list: as many items ('length), each matched in turn
 *   k!(p;..)  ([k:p])  a dictionary: the values at keys k (present, else 'match) matched to p
 *   ([]c:p) ([k:p]c:q) a table: the columns by name, key columns from the key table
 *   a!b  flip p      operators: the keys and the values; the table's column dictionary
 *   p:`t             a type check: t a type letter, lower case an atom, upper case a list
 *   p:f              a filter: f applied to the value, the result matched to p
 * Matching binds nothing until the whole pattern matched (a failed match changes no name). */


static K pattern_fail(const void *node, const char *msg) {
    if (!RT->lang.pattern_fail_node)
        RT->lang.pattern_fail_node = node;
    return kerr(msg);
}

static bool is_pattern_target(const K target) {
    return !(target->t == -KS || (target->t == 0 && target->n >= 1 && kK(target)[0]->t == -KS));
}

/* a constant in a pattern: a literal rather than a name or an application */
static bool pattern_is_constant(const K pat) {
    if (pat->t == -KS || is_elided(pat))
        return false;
    if (pat->t == 0 && pat->n >= 2)
        return false;
    return true;
}

static K pmatch(const K pat, K v, Frame *f, K *binds);

/* the type check p:`t; c is the evaluated check (borrowed): true when it is a type letter */
static bool type_letter(const K c, int *type) {
    static const char letters[] = " bg xhijefcspmdznuvt";
    if (c->t != -KS || !c->s[0] || c->s[1])
        return false;
    int ch = (unsigned char)c->s[0];
    int lower = ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch;
    const char *at = lower != ' ' ? strchr(letters, lower) : NULL;
    if (!at)
        return false;
    *type = (int)(at - letters) * (ch == lower ? -1 : 1);
    return true;
}

/* the value of key (consumed) in dictionary d (borrowed), or NULL + 'match when absent */
static K pattern_key(const K d, K key, const void *node) {
    J pos = find_key(DICT_KEYS(d), key);
    if (pos >= obj_count(DICT_KEYS(d))) {
        r0(key);
        return pattern_fail(node, "match");
    }
    r0(key);
    K vals = DICT_VALS(d);
    return vals->t == 0 ? r1(kK(vals)[pos]) : prim_item(vals, pos);
}

/* match the (name;pattern) pairs of a dictionary or table literal against d's entries */
static int pmatch_entries(const K names, const K exprs, const K d, Frame *f, K *binds) {
    for (J i = 0; i < exprs->n; i++) {
        K item = pattern_key(d, ks(kS(names)[i]), kK(exprs)[i]);
        K r = item ? pmatch(kK(exprs)[i], item, f, binds) : NULL;
        r0(item);
        if (!r)
            return -1;
        r0(r);
    }
    return 0;
}

/* match v (borrowed) to pat: the matched value (filters applied), or NULL + kerr */
static K pmatch(const K pat, K v, Frame *f, K *binds) {
    if (is_elided(pat) || obj_is_identity(pat))
        return r1(v);
    if (pat->t == -KS) {
        jk(binds, obj_list(2, r1(pat), r1(v)));
        return r1(v);
    }
    if (pattern_is_constant(pat)) {
        K c = eval_node(pat, f);
        if (!c)
            return NULL;
        bool same = prim_match_borrow(c, v);
        r0(c);
        return same ? r1(v) : pattern_fail(pat, "match");
    }
    K h = kK(pat)[0];
    if (h->t == -KS) { /* a[i] */
        jk(binds, obj_list(2, r1(pat), r1(v)));
        return r1(v);
    }
    if ((h->t == KBINARY && h->g == P_IDENTITY && pat->n == 3) || (is_special(h, SF_RETURN) && pat->n == 2)) {
        K c = eval_node(kK(pat)[pat->n - 1], f);
        if (!c)
            return NULL;
        K sub = pat->n == 3 ? kK(pat)[1] : NULL;
        int type;
        if (type_letter(c, &type)) {
            r0(c);
            bool ok = type < 0 ? v->t == type : (type == 0 ? v->t == 0 : v->t == type);
            if (!ok)
                return pattern_fail(h, "type");
            return sub ? pmatch(sub, v, f, binds) : r1(v);
        }
        K arg = r1(v);
        K nv = eval_apply(c, &arg, 1); /* a filter */
        if (!nv || !sub)
            return nv;
        K r = pmatch(sub, nv, f, binds);
        r0(nv);
        return r;
    }
    if (h->t == KUNARY && h->g == P_ENLIST) { /* (p;q;..) */
        J m = pat->n - 1;
        if (v->t < 0 || v->t >= KLAMBDA || (v->t == XD && 0))
            return pattern_fail(h, "type");
        if (obj_count(v) != m)
            return pattern_fail(h, "length");
        K out = ktn(0, m);
        for (J i = 0; out && i < m; i++) {
            K item = eval_index(r1(v), kj(i));
            kK(out)[i] = item ? pmatch(kK(pat)[i + 1], item, f, binds) : NULL;
            r0(item);
            if (!kK(out)[i]) {
                out->n = i;
                r0(out);
                return NULL;
            }
        }
        K r = out ? prim_collect(kK(out), m) : NULL;
        if (out) {
            out->n = 0;
            r0(out);
        }
        return r;
    }
    if (h->t == KBINARY && h->g == P_BANG && pat->n == 3) { /* k!p or a!b */
        if (v->t != XD)
            return pattern_fail(h, "type");
        K kp = kK(pat)[1], vp = kK(pat)[2];
        K r;
        if (pattern_is_constant(kp)) {
            K keys = eval_node(kp, f);
            if (!keys)
                return NULL;
            bool list = keys->t >= 0;
            J m = list ? obj_count(keys) : 1;
            bool items = vp->t == 0 && vp->n == m + 1 && kK(vp)[0]->t == KUNARY && kK(vp)[0]->g == P_ENLIST;
            for (J i = 0; i < m; i++) { /* every key must be present */
                K key = list ? prim_item(keys, i) : r1(keys);
                K found = pattern_key(v, key, items ? (const void *)kK(vp)[i + 1] : (const void *)vp);
                if (!found) {
                    r0(keys);
                    return NULL;
                }
                r0(found);
            }
            K vals = eval_index(r1(v), keys);
            r = vals ? pmatch(vp, vals, f, binds) : NULL;
            r0(vals);
        } else {
            r = pmatch(kp, DICT_KEYS(v), f, binds);
            if (r) {
                r0(r);
                r = pmatch(vp, DICT_VALS(v), f, binds);
            }
        }
        if (!r)
            return NULL;
        r0(r);
        return r1(v);
    }
    if (h->t == KUNARY && h->g == P_PLUS && pat->n == 2) { /* flip p */
        if (v->t != XT)
            return pattern_fail(h, "type");
        K r = pmatch(kK(pat)[1], v->k, f, binds);
        if (!r)
            return NULL;
        r0(r);
        return r1(v);
    }
    if (is_special(h, SF_DICT) && pat->n == 3) {
        if (v->t != XD)
            return pattern_fail(h, "type");
        if (pmatch_entries(kK(kK(pat)[1])[0], kK(kK(pat)[2])[0], v, f, binds) < 0)
            return NULL;
        return r1(v);
    }
    if (is_special(h, SF_TABLE) && pat->n == 5) {
        K keynames = kK(kK(pat)[1])[0], keyexprs = kK(kK(pat)[2])[0];
        K names = kK(kK(pat)[3])[0], exprs = kK(kK(pat)[4])[0];
        bool keyed = v->t == XD && DICT_KEYS(v)->t == XT && DICT_VALS(v)->t == XT;
        if (!(v->t == XT || keyed) || (keyexprs->n && !keyed))
            return pattern_fail(h, "type");
        K kt = keyed ? DICT_KEYS(v) : NULL, vt = keyed ? DICT_VALS(v) : v;
        if (kt && pmatch_entries(keynames, keyexprs, kt->k, f, binds) < 0)
            return NULL;
        if (pmatch_entries(names, exprs, vt->k, f, binds) < 0)
            return NULL;
        return r1(v);
    }
    return pattern_fail(pat, "nyi");
}

/* bind what a successful match collected: (target;value) pairs, in order */
static int pattern_bind(K binds, Frame *f) {
    for (J i = 0; i < binds->n; i++) {
        K pair = kK(binds)[i];
        K r = store_target(kK(pair)[0], r1(kK(pair)[1]), NULL, f, false);
        if (!r)
            return -1;
        r0(r);
    }
    return 0;
}

/* pattern:v -- v consumed; the matched value, or NULL + kerr with nothing bound */
static K assign_pattern(const K pat, K v, Frame *f, const K head) {
    K binds = ktn(0, 0);
    RT->lang.pattern_fail_node = NULL;
    K r = pmatch(pat, v, f, &binds);
    r0(v);
    if (r && pattern_bind(binds, f) < 0) {
        r0(r);
        r = NULL;
    }
    r0(binds);
    if (!r && !RT->lang.error_node && RT->lang.eval_depth == 0) /* the caret: the failing part, else the ':' */
        RT->lang.error_node = RT->lang.pattern_fail_node && parse_position_of(RT->lang.pattern_fail_node) >= 0 ? RT->lang.pattern_fail_node : head;
    return r;
}

/* :[v;p1;r1;p2;r2;..;rd]: the result for the first pattern v matches, else rd (or ::) */
static K eval_pattern_cond(const K e, Frame *f) {
    K v = eval_node(kK(e)[1], f);
    if (!v)
        return NULL;
    J i = 2;
    for (; i + 1 < e->n; i += 2) {
        K binds = ktn(0, 0);
        RT->lang.pattern_fail_node = NULL;
        K r = pmatch(kK(e)[i], v, f, &binds);
        if (!r) {
            const char *msg = kerr_msg();
            r0(binds);
            if (msg && (!strcmp(msg, "match") || !strcmp(msg, "type") || !strcmp(msg, "length"))) {
                kerr_clear();
                continue;
            }
            r0(v);
            return NULL;
        }
        r0(r);
        int ok = pattern_bind(binds, f);
        r0(binds);
        r0(v);
        return ok < 0 ? NULL : eval_node(kK(e)[i + 1], f);
    }
    r0(v);
    return i < e->n ? eval_node(kK(e)[i], f) : obj_identity();
}

static K eval_assign(const K e, Frame *f, bool global) {
    K target = kK(e)[1];
    K v = eval_node(kK(e)[2], f);
    if (!v)
        return NULL;
    K op = e->n == 4 ? kK(e)[3] : NULL;
    if (!op && is_pattern_target(target))
        return assign_pattern(target, v, f, kK(e)[0]);
    return store_target(target, v, op, f, global);
}

/* ---- truth -------------------------------------------------------------------------------- */

static int truth(K c) {
    if (!c)
        return -1;
    int r;
    switch (c->t) {
    case -KB: case -KG: case -KC: r = c->g != 0; break;
    case -KH: r = c->h != 0; break;
    case -KI: case -KM: case -KD: case -KU: case -KV: case -KT: r = c->i != 0; break;
    case -KJ: case -KP: case -KN: r = c->j != 0; break;
    case -KE: r = c->e != 0; break;
    case -KF: case -KZ: r = c->f != 0; break;
    default:
        r0(c);
        kerr("type");
        return -1;
    }
    r0(c);
    return r;
}

/* ---- special forms ------------------------------------------------------------------------ */

static K eval_body(const K e, int from, Frame *f) {
    K last = obj_identity();
    for (J i = from; i < e->n; i++) {
        r0(last);
        last = eval_node(kK(e)[i], f);
        if (!last || (f && f->returning))
            return last;
    }
    return last;
}

static K table_from(K names, K cols) {
    /* extend atoms to the common length */
    J n = -1;
    for (J i = 0; i < cols->n; i++)
        if (kK(cols)[i]->t >= 0 && kK(cols)[i]->t < XT)
            n = obj_count(kK(cols)[i]);
    if (n < 0)
        n = 1;
    for (J i = 0; i < cols->n; i++) {
        K c = kK(cols)[i];
        if (c->t < 0) {
            K v = obj_vec(c->t == -UU ? UU : -c->t, n);
            if (!v) {
                r0(names);
                r0(cols);
                return NULL;
            }
            for (J k = 0; k < n; k++)
                memcpy(kG(v) + k * obj_width(v->t), c->t == -UU ? (void *)kG(c) : (void *)&c->g, obj_width(v->t));
            r0(c);
            kK(cols)[i] = v;
        } else if (c->t >= XT) {
            r0(names);
            r0(cols);
            return kerr("type");
        }
    }
    return xT(xD(names, cols));
}

static K eval_table(const K e, Frame *f) {
    K parts[2] = {NULL, NULL};
    for (int side = 0; side < 2; side++) {
        K names = kK(kK(e)[1 + 2 * side])[0];
        K exprs = kK(kK(e)[2 + 2 * side])[0];
        K cols = ktn(0, exprs->n);
        for (J i = exprs->n - 1; i >= 0; i--) {
            kK(cols)[i] = eval_node(kK(exprs)[i], f);
            if (!kK(cols)[i]) {
                r0(cols);
                r0(parts[0]);
                return NULL;
            }
        }
        K nm = names->t == KS ? r1(names) : ktn(KS, 0);
        if (side == 0 && exprs->n == 0) {
            r0(nm);
            r0(cols);
            continue;
        }
        parts[side] = table_from(nm, cols);
        if (!parts[side]) {
            r0(parts[0]);
            return NULL;
        }
    }
    if (!parts[0])
        return parts[1];
    return xD(parts[0], parts[1]);
}

static K eval_special(const K e, Frame *f) {
    K head = kK(e)[0];
    switch (head->g) {
    case SF_SEQ:
        return eval_body(e, 1, f);
    case SF_IF: {
        int t = truth(eval_node(kK(e)[1], f));
        if (t < 0)
            return NULL;
        if (!t)
            return obj_identity();
        K r = eval_body(e, 2, f);
        if (r && f && f->returning)
            return r;
        r0(r);
        return r ? obj_identity() : NULL;
    }
    case SF_WHILE:
        for (;;) {
            int t = truth(eval_node(kK(e)[1], f));
            if (t < 0)
                return NULL;
            if (!t)
                return obj_identity();
            K r = eval_body(e, 2, f);
            if (!r || (f && f->returning))
                return r;
            r0(r);
            if (eval_past_deadline())
                return NULL;
        }
    case SF_DO: {
        K n = eval_node(kK(e)[1], f);
        if (!n)
            return NULL;
        if (!is_int_type(n->t) || n->t > 0) {
            r0(n);
            return kerr("type");
        }
        J count = int_at(n, 0);
        r0(n);
        for (J i = 0; i < count; i++) {
            K r = eval_body(e, 2, f);
            if (!r || (f && f->returning))
                return r;
            r0(r);
            if (eval_past_deadline())
                return NULL;
        }
        return obj_identity();
    }
    case SF_QSQL_COND: /* basics/qsql.md "Cond": not supported inside qSQL expressions */
        kerr("rank");
        if (f && f->lambda && !f->err_node) /* the caret under the $, as for an application */
            f->err_node = kK(e)[0];
        if (!RT->lang.error_node && RT->lang.eval_depth == 0)
            RT->lang.error_node = kK(e)[0];
        return NULL;
    case SF_COND: {
        J i = 1;
        for (; i + 1 < e->n; i += 2) {
            int t = truth(eval_node(kK(e)[i], f));
            if (t < 0)
                return NULL;
            if (t)
                return eval_node(kK(e)[i + 1], f);
        }
        return i < e->n ? eval_node(kK(e)[i], f) : obj_identity();
    }
    case SF_RETURN: {
        K v = eval_node(kK(e)[1], f);
        if (v && f)
            f->returning = true;
        return v;
    }
    case SF_SIGNAL: {
        K v = eval_node(kK(e)[1], f);
        if (!v)
            return NULL;
        if (v->t == -KS)
            kerr(v->s);
        else if (v->t == KC)
            kerrn(kC(v), (size_t)v->n);
        else /* a char atom, a number or anything else: ref/signal.md "Restrictions" */
            kerr("stype");
        r0(v);
        return NULL;
    }
    case SF_ASSIGN_G:
        return eval_assign(e, f, true);
    case SF_VIEW: {
        K target = kK(e)[1];
        if (target->t != -KS)
            return eval_assign(e, f, true);
        if (env_set_view(env_qualify(target->s), r1(kK(e)[2]), e->n > 3 ? r1(kK(e)[3]) : NULL) < 0)
            return NULL;
        return obj_identity();
    }
    case SF_TABLE:
        return eval_table(e, f);
    case SF_DICT: { /* ([k:v;..]): the values evaluated right to left, as a list's items */
        K names = kK(kK(e)[1])[0], exprs = kK(kK(e)[2])[0];
        K vals = ktn(0, exprs->n);
        for (J i = exprs->n - 1; vals && i >= 0; i--) {
            kK(vals)[i] = is_elided(kK(exprs)[i]) ? obj_identity() : eval_node(kK(exprs)[i], f);
            if (!kK(vals)[i]) {
                for (J j = i + 1; j < exprs->n; j++)
                    r0(kK(vals)[j]);
                vals->n = 0;
                r0(vals);
                return NULL;
            }
        }
        K col = prim_collect(kK(vals), vals->n);
        vals->n = 0;
        r0(vals);
        return col ? xD(r1(names), col) : NULL;
    }
    case SF_PMATCH:
        return eval_pattern_cond(e, f);
    case SF_COMPOSE: { /* '[f;g;...]: applying it applies the last, then each before it */
        bool elided = false;
        for (J i = 1; i < e->n; i++)
            elided = elided || is_elided(kK(e)[i]);
        if (elided && e->n - 1 <= 8) {
            /* '[;] and '[f;]: compose as a function of the slots left open (ref/compose.md) */
            char src[64] = "{[a;b;c;d;e;f;g;h]'[a;b;c;d;e;f;g;h]}";
            J m = e->n - 1;
            snprintf(src, sizeof src, "{[%.*s]'[%.*s]}", (int)(2 * m - 1), "a;b;c;d;e;f;g;h",
                     (int)(2 * m - 1), "a;b;c;d;e;f;g;h");
            K lam = parse_lambda_source(src, strlen(src), sym_null);
            if (!lam)
                return NULL;
            K args[8];
            for (J i = e->n - 1; i >= 1; i--) { /* right to left, as q evaluates */
                K a = kK(e)[i];
                args[i - 1] = is_elided(a) ? r1(a) : eval_node(a, f);
                if (!args[i - 1]) {
                    release(args + i, (int)(m - i));
                    r0(lam);
                    return NULL;
                }
            }
            bool all = true;
            for (J i = 0; i < m; i++)
                all = all && is_elided(args[i]);
            if (all) {
                release(args, m);
                return lam;
            }
            return eval_apply(lam, args, (int)m);
        }
        /* the parts right to left, as q evaluates (f:f@&(_f:!d)like names f in its last part) */
        K c = obj_vec(KCOMP, e->n - 1);
        for (J i = e->n - 2; c && i >= 0; i--) {
            kK(c)[i] = eval_node(kK(e)[i + 1], f);
            if (!kK(c)[i]) { /* the parts before it are not made: nothing to release there */
                memset(kK(c), 0, (size_t)i * sizeof(K));
                r0(c);
                return NULL;
            }
        }
        return c;
    }
    }
    return kerr("nyi");
}

/* ---- evaluation -------------------------------------------------------------------------------- */

K eval_node(const K e, Frame *f) {
    switch (e->t) {
    case -KS: {
        K v = lookup(e->s, f);
        if (!v && !RT->lang.error_node && RT->lang.eval_depth == 0) /* 'name: the caret under the name */
            RT->lang.error_node = e;
        if (!v && f && f->lambda && !f->err_node)
            f->err_node = e;
        return v;
    }
    case KS:
        if (e->n == 1) {
            K a = obj_atom(-KS);
            if (a)
                a->s = kS(e)[0];
            return a;
        }
        if (e->n > 1) { /* (`f;`x) collapsed to `f`x: f applied to x, as any list of names */
            K g = ktn(0, e->n);
            for (J i = 0; g && i < e->n; i++)
                if ((kK(g)[i] = obj_atom(-KS)) != NULL)
                    kK(g)[i]->s = kS(e)[i];
            g = g ? prim_all_made(g) : NULL;
            K r = g ? eval_node(g, f) : NULL;
            r0(g);
            return r;
        }
        return r1(e);
    case 0:
        break;
    default:
        return r1(e);
    }
    if (e->n == 0)
        return r1(e);
    if (e->n == 1)
        return r1(kK(e)[0]);
    if (!obj_stack_ok()) /* an application nested in an argument nests the evaluation */
        return NULL;
    K head = kK(e)[0];
    if (head->t == KUNARY && head->g >= SF_FIRST_RESERVED && head->g != PRIM_ELIDED) {
        K r = eval_special(e, f);
        if (!r && f && f->lambda && !f->err_node) /* 'x: the caret at the signal */
            f->err_node = head;
        if (!r && !RT->lang.error_node && RT->lang.eval_depth == 0 && head->g == SF_TABLE)
            RT->lang.error_node = head; /* a table literal's failing column: the caret at ( */
        return r;
    }
    if (head->t == KBINARY && head->g == P_IDENTITY && (e->n == 3 || e->n == 4)) {
        K r = eval_assign(e, f, false);
        if (!r && f && f->lambda && !f->err_node)
            f->err_node = head;
        if (!r && !RT->lang.error_node && RT->lang.eval_depth == 0) /* the caret under the assignment */
            RT->lang.error_node = head;
        return r;
    }
    int n = (int)e->n - 1;
    K args[8];
    K *argv = n <= 8 ? args : mem_raw_alloc(sizeof(K) * n);
    if (!argv)
        return kerr("wsfull");
    for (int i = n; i >= 1; i--) {
        K a = kK(e)[i];
        argv[i - 1] = is_elided(a) ? r1(a) : eval_node(a, f);
        if (!argv[i - 1] || (f && f->returning)) { /* error, or :x inside an argument */
            K ret = argv[i - 1];
            release(argv + i, n - i);
            if (argv != args)
                mem_raw_free(argv);
            return ret;
        }
    }
    K fn = eval_node(head, f);
    if (f && f->lambda && f == RT->lang.current_frame) /* what a backtrace shows for this frame */
        f->at = head;
    else if (!f && !RT->lang.current_frame && RT->lang.input)
        RT->lang.input->at = parse_position_of(head);
    if (fn && f && f->returning) {
        release(argv, n);
        if (argv != args)
            mem_raw_free(argv);
        return fn;
    }
    K r = fn ? eval_apply(fn, argv, n) : release(argv, n);
    if (argv != args)
        mem_raw_free(argv);
    if (r)
        return r;
    const void *node_before = RT->lang.error_node, *failed_before = RT->lang.suspend.failed;
    bool marks = f && f->lambda && !f->err_node;
    if (marks)
        f->err_node = head;
    /* the first failing application at top level gets the console's caret; a failure inside
     * a lambda marks it (its frames are the trace), and the top-level call it made gets it */
    if (!RT->lang.error_node || (RT->lang.eval_depth == 0 && RT->lang.error_node == (const void *)&RT->lang.error_node)) {
        RT->lang.error_node = RT->lang.eval_depth == 0 ? head : (const void *)&RT->lang.error_node;
        RT->lang.suspend.failed = e;
    }
    /* inside a lambda the q)) prompt opens here, at the failed operation, so that :e can
     * resume with e as its result (basics/debug.md); then nothing of the failure remains */
    if (f && f->lambda && RT->svc.suspend && f == RT->lang.current_frame) {
        r = suspend(f);
        if (r) {
            if (marks)
                f->err_node = NULL;
            RT->lang.error_node = node_before;
            RT->lang.suspend.failed = failed_before;
        }
    }
    return r;
}

/* ---- the console's debug prompt ---------------------------------------------------------------
 * An error leaving a lambda that no trap catches is offered to RT->svc.suspend (the q))
 * prompt, app/console.c) at the innermost frame, before the frame unwinds: while the hook
 * runs, console input is evaluated in that frame (eval_suspended_frame).  Once the hook
 * returns the error goes on unwinding, and no outer frame offers it again. */

Frame *eval_suspended_frame(void) { return RT->lang.suspend.frame; }

void lang_suspend_reset(void) {
    RT->lang.suspend.offered = false;
    RT->lang.suspend.cut = NULL;
}

/* .z.ex and .z.ey: the failed primitive and its arguments, where they are names or constants
 * (evaluating other argument expressions again could change something) */
static void set_failed_values(Frame *f) {
    const K e = (const K)RT->lang.suspend.failed;
    K ex = obj_identity(), ey = obj_identity();
    if (e && e->t == 0 && e->n >= 2) {
        K head = kK(e)[0];
        if (head->t == KUNARY || head->t == KBINARY || head->t == -KS) {
            r0(ex);
            ex = eval_node(head, f);
            kerr_clear();
            if (!ex)
                ex = obj_identity();
        }
        int n = (int)e->n - 1;
        K args = ktn(0, n);
        for (int i = 0; args && i < n; i++) {
            K a = kK(e)[i + 1];
            K v = a->t != 0 ? eval_node(a, f) : NULL;
            kerr_clear();
            kK(args)[i] = v ? v : obj_identity();
        }
        if (args) {
            r0(ey);
            ey = n == 1 ? r1(kK(args)[0]) : r1(args);
            r0(args);
        }
    }
    env_set_runtime(ss(".z.ex"), ex);
    env_set_runtime(ss(".z.ey"), ey);
}

/* Offer the pending error to the q)) prompt at frame f (once: an outer frame does not offer
 * it again).  Returns the value typed as :e to resume with (the error cleared), else NULL
 * with the error pending: the one the frame failed with, or 'err typed at the prompt. */
static K suspend(Frame *f) {
    const char *msg = kerr_msg() ? kerr_msg() : "error";
    if (RT->lang.suspend.offered || RT->lang.suspend.cut == f || RT->lang.trap_depth || RT->lang.read_only ||
        !strcmp(msg, "stop"))
        return NULL;
    char saved[256];
    snprintf(saved, sizeof saved, "%s", msg);
    const void *saved_node = RT->lang.error_node;
    Frame *outer = RT->lang.suspend.frame, *outer_base = RT->lang.suspend.base;
    bool outer_top = RT->lang.suspend.top;
    const char *outer_msg = RT->lang.suspend.msg;
    set_failed_values(f);
    kerr_clear();
    RT->lang.suspend.frame = RT->lang.suspend.base = f;
    RT->lang.suspend.top = false;
    RT->lang.suspend.msg = saved;
    RT->lang.suspend.offered = false;
    RT->svc.suspend(saved, f->lambda);
    RT->lang.suspend.frame = outer;
    RT->lang.suspend.base = outer_base;
    RT->lang.suspend.top = outer_top;
    RT->lang.suspend.msg = outer_msg;
    RT->lang.suspend.offered = true;
    RT->lang.error_node = saved_node;
    if (RT->lang.suspend.resume) { /* :e at q)): e is the failed operation's result */
        K v = RT->lang.suspend.resume;
        RT->lang.suspend.resume = NULL;
        RT->lang.suspend.offered = false; /* a later error suspends again */
        return v;
    }
    if (RT->lang.suspend.signalled) { /* 'err at q)): this frame unwinds with err, the next suspends */
        RT->lang.suspend.signalled = false;
        RT->lang.suspend.offered = false;
        RT->lang.suspend.cut = f;
        return kerr(RT->lang.suspend.signal);
    }
    return kerr(saved);
}

/* ---- the backtrace (.Q.bt) and the debugger's frame commands ------------------------------------
 * The running lambdas are a chain from RT->lang.current_frame through each frame's caller; a
 * frame's caret is where it failed, else the application it is waiting on.  Frame [0] is the
 * console input the outermost of them was called from. */

/* append one frame's lines ("  [n]  text" and its caret) to *out (a char vector) */
static void frame_lines(K *out, const char *mark, int depth, const char *text, size_t n, long caret) {
    char head[32];
    int h = snprintf(head, sizeof head, "%s[%d]  ", mark, depth);
    *out = obj_push_items(*out, head, (J)h);
    *out = obj_push_items(*out, text, (J)n);
    *out = obj_push_items(*out, "\n", 1);
    if (caret >= 0 && *out) {
        for (long i = 0; i < h + caret; i++)
            *out = obj_push_items(*out, " ", 1);
        *out = obj_push_items(*out, "^\n", 2);
    }
}

static void lambda_frame_lines(K *out, const char *mark, const Frame *g) {
    K text = NULL;
    long caret = -1;
    if (!parse_lambda_frame(g->lambda, g->err_node ? g->err_node : g->at, &text, &caret) || !text)
        return;
    frame_lines(out, mark, g->depth, kC(text), (size_t)text->n, caret);
    r0(text);
}

static void input_frame_lines(K *out, const char *mark, const struct RtInput *in) {
    if (!in)
        return;
    const char *nl = memchr(in->src, '\n', in->n);
    size_t n = nl ? (size_t)(nl - in->src) : in->n;
    frame_lines(out, mark, 0, in->src, n, in->at >= 0 && (size_t)in->at < n ? in->at : -1);
}

K eval_backtrace_text(void) {
    K out = obj_strn("", 0);
    bool debugging = RT->lang.suspend.base != NULL;
    struct RtInput *in = RT->lang.input;
    for (Frame *g = RT->lang.current_frame; g && out; g = g->caller) {
        lambda_frame_lines(&out, debugging && !RT->lang.suspend.top && g == RT->lang.suspend.frame ? ">>" : "  ", g);
        in = g->input;
    }
    if (out)
        input_frame_lines(&out, debugging && RT->lang.suspend.top ? ">>" : "  ", in);
    return out;
}

void eval_trace_prim(const K f) {
    char pb[8];
    const char *d = prim_display(f, pb);
    if (d[0] == 'k' && d[1] == ')')
        trace_push(f, NULL, RT->lang.eval_depth + 1);
}

/* one frame of a backtrace object: (fn;info;pos), all consumed */
static K bt_frame(K fn, K info, long pos) {
    K fr = info ? ktn(0, 3) : NULL;
    if (!fr) {
        r0(fn);
        r0(info);
        return NULL;
    }
    kK(fr)[0] = fn;
    kK(fr)[1] = info;
    kK(fr)[2] = kj(pos);
    return fr;
}

static K bt_info(const char *name, const char *src, size_t n) {
    K info = ktn(0, 4);
    if (!info)
        return NULL;
    kK(info)[0] = obj_strn(name, strlen(name));
    kK(info)[1] = obj_strn("", 0);
    kK(info)[2] = kj(-1);
    kK(info)[3] = obj_strn(src, n);
    return info;
}

static K bt_push(K list, K frame) {
    if (!list || !frame) {
        r0(list);
        r0(frame);
        return NULL;
    }
    return jk(&list, frame);
}

/* the backtrace of an error caught by .Q.trp at call depth `depth`: the frames it unwound
 * (RT->lang.trace, innermost first), .Q.trp's own, the frames still running, the input */
static K trp_backtrace(int depth, const char *name) {
    K bt = ktn(0, 0);
    for (int i = 0; bt && i < RT->lang.trace_n; i++) {
        const TraceFrame *t = &RT->lang.trace[i];
        if (t->depth <= depth)
            continue;
        long pos = -1;
        K info;
        if (t->lambda->t == KLAMBDA) {
            info = parse_frame_info(t->lambda, t->node, &pos);
        } else {
            char pb[8];
            const char *d = prim_display(t->lambda, pb);
            info = bt_info(t->lambda->g < PRIM_COUNT ? prim_table[t->lambda->g].text : "", d, strlen(d));
        }
        bt = bt_push(bt, bt_frame(r1(t->lambda), info, pos));
    }
    bt = bt_push(bt, bt_frame(obj_identity(), bt_info(name, "", 0), -1));
    struct RtInput *in = RT->lang.input;
    for (Frame *g = RT->lang.current_frame; bt && g; g = g->caller) {
        long pos = -1;
        K info = parse_frame_info(g->lambda, g->err_node ? g->err_node : g->at, &pos);
        bt = bt_push(bt, bt_frame(r1(g->lambda), info, pos));
        in = g->input;
    }
    if (bt && in) {
        const char *nl = memchr(in->src, '\n', in->n);
        size_t n = nl ? (size_t)(nl - in->src) : in->n;
        long pos = in->at >= 0 && (size_t)in->at < n ? in->at : -1;
        bt = bt_push(bt, bt_frame(obj_identity(), bt_info("", in->src, n), pos));
    }
    return bt;
}

K eval_trp(K f, K x, K h, bool dot) {
    eval_trace_clear();
    int depth = RT->lang.eval_depth;
    RT->lang.trap_depth++;
    K r = dot ? prim_dot(f, x) : eval_apply(f, &x, 1);
    RT->lang.trap_depth--;
    if (r) {
        r0(h);
        return r;
    }
    K args[2];
    args[0] = obj_str(kerr_msg() ? kerr_msg() : "");
    kerr_clear();
    args[1] = trp_backtrace(depth, dot ? ".Q.trpd" : ".Q.trp");
    eval_trace_clear(); /* caught: its frames are no error's any more */
    if (!args[0] || !args[1]) {
        r0(args[0]);
        r0(args[1]);
        r0(h);
        return kerr("wsfull");
    }
    return eval_apply(h, args, 2);
}

/* the outermost lambda frame of the suspended chain */
static Frame *outermost(Frame *g) {
    while (g && g->caller)
        g = g->caller;
    return g;
}

K eval_debug_frame_text(bool with_error) {
    K out = obj_strn("", 0);
    if (!RT->lang.suspend.base || !out)
        return out;
    if (with_error && RT->lang.suspend.msg) {
        out = obj_push_items(out, "'", 1);
        out = obj_push_items(out, RT->lang.suspend.msg, (J)strlen(RT->lang.suspend.msg));
        out = obj_push_items(out, "\n", 1);
    }
    if (!out)
        return NULL;
    if (RT->lang.suspend.top)
        input_frame_lines(&out, "  ", outermost(RT->lang.suspend.base)->input);
    else
        lambda_frame_lines(&out, "  ", RT->lang.suspend.frame);
    if (out && out->n && kC(out)[out->n - 1] == '\n')
        out->n--;
    return out;
}

bool eval_debug_signal(const char *msg, size_t n) {
    if (!RT->lang.suspend.base)
        return false;
    if (n >= sizeof RT->lang.suspend.signal)
        n = sizeof RT->lang.suspend.signal - 1;
    memcpy(RT->lang.suspend.signal, msg, n);
    RT->lang.suspend.signal[n] = 0;
    RT->lang.suspend.signalled = true;
    return true;
}

bool eval_debug_signalled(void) { return RT->lang.suspend.signalled || RT->lang.suspend.resume; }

bool eval_debug_resume(K v) {
    if (!RT->lang.suspend.base) {
        r0(v);
        return false;
    }
    r0(RT->lang.suspend.resume);
    RT->lang.suspend.resume = v;
    return true;
}

void eval_debug_move(int up) {
    Frame *base = RT->lang.suspend.base, *cur = RT->lang.suspend.frame;
    if (!base)
        return;
    if (up) {
        if (RT->lang.suspend.top)
            return;
        if (cur->caller)
            RT->lang.suspend.frame = cur->caller;
        else if (cur->input) { /* [0]: console input evaluates in the globals */
            RT->lang.suspend.frame = NULL;
            RT->lang.suspend.top = true;
        }
        return;
    }
    if (RT->lang.suspend.top) {
        RT->lang.suspend.top = false;
        RT->lang.suspend.frame = outermost(base);
        return;
    }
    for (Frame *g = base; g; g = g->caller)
        if (g->caller == cur) {
            RT->lang.suspend.frame = g;
            return;
        }
}

/* ---- application ------------------------------------------------------------------------------ */

static K project(K f, K *args, int n, int valence) {
    int total = n > valence ? n : valence;
    K p = obj_vec(KPROJ, total + 1);
    if (!p) {
        r0(f);
        return release(args, n);
    }
    kK(p)[0] = f;
    for (int i = 0; i < total; i++)
        kK(p)[i + 1] = i < n ? args[i] : obj_prim(KUNARY, PRIM_ELIDED);
    return p;
}

static K call_lambda(K f, K *args, int n) {
    f = lambda_ensure_parsed(f);
    if (!f)
        return release(args, n);
    K params = kK(f)[LAMBDA_PARAMS];
    int v = (int)params->n;
    if (n == 1 && v == 0) { /* {1}[] */
        r0(args[0]);
        n = 0;
    }
    if (n > v) {
        r0(f);
        return kerr(release(args, n) ? "rank" : "rank");
    }
    if (n < v)
        return project(f, args, n, v);
    if (RT->lang.eval_depth >= MAX_DEPTH || eval_past_deadline()) {
        if (RT->lang.eval_depth >= MAX_DEPTH)
            kerr("stack");
        r0(f);
        release(args, n);
        return NULL;
    }
    K names = kK(f)[LAMBDA_LOCALS];
    Frame frame = {.lambda = f, .names = names, .caller = RT->lang.current_frame, .input = RT->lang.input,
                   .depth = RT->lang.eval_depth + 1};
    K stackvals[16];
    frame.vals = names->n <= 16 ? stackvals : mem_raw_calloc((size_t)names->n, sizeof(K));
    if (!frame.vals) {
        r0(f);
        return release(args, n);
    }
    for (J i = 0; i < names->n; i++)
        frame.vals[i] = i < n ? args[i] : NULL;
    S saved_ctx = RT->lang.context;
    K ctx = kK(f)[LAMBDA_CTX];
    if (ctx && ctx->t == -KS)
        RT->lang.context = ctx->s;
    RT->lang.eval_depth++;
    Frame *outer = RT->lang.current_frame;
    RT->lang.current_frame = &frame;
    K r = eval_node(kK(f)[LAMBDA_BODY], &frame);
    if (!r && RT->svc.suspend) /* an error not of an application (a name, an assignment...):
                                * offered here, where :e makes it the lambda's result */
        r = suspend(&frame);
    if (RT->lang.suspend.cut == &frame)
        RT->lang.suspend.cut = NULL;
    RT->lang.current_frame = outer;
    if (!r)
        trace_push(f, frame.err_node, RT->lang.eval_depth);
    RT->lang.eval_depth--;
    RT->lang.context = saved_ctx;
    for (J i = 0; i < names->n; i++)
        r0(frame.vals[i]);
    if (frame.vals != stackvals)
        mem_raw_free(frame.vals);
    r0(f);
    return r;
}

/* fill a projection's elided slots with args */
static K call_projection(K p, K *args, int n) {
    J stored = p->n - 1;
    int total = 0;
    K merged[16];
    int a = 0;
    for (J i = 1; i <= stored && total < 16; i++) {
        K s = kK(p)[i];
        if (is_elided(s) && a < n)
            merged[total++] = args[a++];
        else
            merged[total++] = r1(s);
    }
    while (a < n && total < 16)
        merged[total++] = args[a++];
    K f = r1(kK(p)[0]);
    r0(p);
    return eval_apply(f, merged, total);
}


/* h x: 0 evaluates, 1/-1 and 2/-2 write to stdout/stderr, other handles are connections */
static K lang_handle_call(J h, K x) {
    if (obj_is_identity(x)) { /* h[] waits for a message (basics/ipc.md "Async blocking"); any
                                  * other int is not applicable to nothing (ref/identity.md) */
        r0(x);
        if (h > 2 && RT->svc.is_handle && RT->svc.is_handle(h) && RT->svc.handle_wait)
            return RT->svc.handle_wait(h);
        return kerr("type");
    }
    if (h == 0)
        return lang_value(x);
    if (h == 1 || h == -1 || h == 2 || h == -2) {
        int fd = h == 1 || h == -1 ? 1 : 2;
        if (x->t == KC || x->t == -KC) {
            lang_print(fd, x->t == KC ? kC(x) : (char *)&x->g, x->t == KC ? (size_t)x->n : 1, h < 0);
        } else if (x->t == 0) {
            for (J i = 0; i < x->n; i++) {
                K s = kK(x)[i];
                if (s->t != KC) {
                    r0(x);
                    return kerr("type");
                }
                lang_print(fd, kC(s), (size_t)s->n, true);
            }
        } else {
            r0(x);
            return kerr("type");
        }
        r0(x);
        return kj(h);
    }
    K r = file_handle_call(h, r1(x));
    if (r || kerr_msg()) {
        r0(x);
        return r;
    }
    if (!RT->svc.handle_call) {
        r0(x);
        return kerr("nyi");
    }
    return RT->svc.handle_call(h, x);
}

K eval_apply(K f, K *args, int n) {
    if (!f)
        return release(args, n);
    if (!obj_stack_ok()) { /* iterators and primitives apply functions that apply ... */
        r0(f);
        return release(args, n);
    }
    bool elision = false;
    for (int i = 0; i < n; i++)
        elision = elision || is_elided(args[i]);
    if (elision && f->t >= 0 && f->t < KLAMBDA) { /* data[;j]: every item at that depth */
        for (int i = 0; i < n; i++)
            if (is_elided(args[i])) {
                r0(args[i]);
                args[i] = obj_identity();
            }
        elision = false;
    }
    if (elision && f->t >= KLAMBDA && f->t != KFOREIGN) {
        if (f->t == KLAMBDA && (f = lambda_ensure_parsed(f)) && n > func_valence(f)) {
            r0(f);
            release(args, n);
            return kerr("rank");
        }
        if (!f)
            return release(args, n);
        return project(f, args, n, n);
    }
    switch (f->t) {
    case KLAMBDA:
        return call_lambda(f, args, n);
    case KUNARY:
        if (f->g == PRIM_IDENTITY) {
            r0(f);
            if (n != 1)
                return kerr(release(args, n) ? "rank" : "rank");
            return args[0];
        }
        if (f->g >= SF_FIRST_RESERVED) {
            r0(f);
            release(args, n);
            return kerr("nyi");
        }
        if (n > 1 && f->g != P_ENLIST && !(f->g >= P_AVG && f->g < PRIM_COUNT &&
                                            prim_has_form(f->g, n))) {
            r0(f);
            release(args, n);
            return kerr("rank");
        }
        break;
    case KBINARY:
        if (n == 1)
            return project(f, args, 1, 2);
        if (f->g == P_BANG && n == 2 && args[0]->t < 0 && is_int_type(args[0]->t) &&
            int_at(args[0], 0) <= 0 &&
            !(int_at(args[0], 0) == 0 && (args[1]->t == XT || args[1]->t == XD || args[1]->t == -KS))) {
            r0(f);
            return lang_internal_bang(args[0], args[1]);
        }
        if (f->g == P_DOLLAR && n >= 3) { /* $[c;a;b] as a function */
            r0(f);
            for (int i = 0; i + 1 < n; i += 2) {
                int t = truth(r1(args[i]));
                if (t < 0)
                    return release(args, n);
                if (t) {
                    K r = r1(args[i + 1]);
                    release(args, n);
                    return r;
                }
            }
            K r = n % 2 ? r1(args[n - 1]) : obj_identity();
            release(args, n);
            return r;
        }
        break;
    case KPROJ:
        return call_projection(f, args, n);
    case KCOMP: {
        K r = eval_apply(r1(kK(f)[f->n - 1]), args, n);
        for (J i = f->n - 2; r && i >= 0; i--)
            r = eval_apply(r1(kK(f)[i]), &r, 1);
        r0(f);
        return r;
    }
    case KEACH: case KOVER: case KSCAN: case KPRIOR: case KEACHR: case KEACHL:
        return iter_apply(f, args, n);
    case KITER: { /* an iterator applied to its operand: the derived function */
        if (n != 1) {
            r0(f);
            release(args, n);
            return kerr("rank");
        }
        K d = obj_vec(KEACH + f->g, 1);
        r0(f);
        if (!d)
            return release(args, n);
        kK(d)[0] = args[0];
        return d;
    }
    case KFOREIGN: {
        ForeignCall call = obj_foreign_call(f);
        if (!call) {
            r0(f);
            release(args, n);
            return kerr("type");
        }
        K r = call(obj_foreign_ptr(f), args, n);
        r0(f);
        return r;
    }
    case -KS: { /* `f[x]: the global named f; `:host:port x and `::[(spec;timeout);x]: one-shot */
        if (f->s[0] == ':' && RT->svc.oneshot) {
            if (n == 2 && !strcmp(f->s, "::")) {
                r0(f);
                return RT->svc.oneshot(args[0], args[1]);
            }
            if (n == 1 && file_names_connection(f->s + 1))
                return RT->svc.oneshot(f, args[0]);
        }
        if (f->s[0] == ':' && strcmp(f->s, "::")) { /* a file handle: its contents indexed */
            K r = file_apply(f, args, n);
            r0(f);
            return r;
        }
        K g = lookup(f->s, NULL);
        r0(f);
        if (!g)
            return release(args, n);
        return eval_apply(g, args, n);
    }
    default:
        if (f->t == -KJ || f->t == -KI || f->t == -KH) {
            J h = f->t == -KJ ? f->j : f->t == -KI ? f->i : f->h;
            r0(f);
            if (n != 1)
                return kerr(release(args, n) ? "rank" : "rank");
            return lang_handle_call(h, args[0]);
        }
        if (f->t < 0) {
            r0(f);
            release(args, n);
            return kerr("type");
        }
        /* data: index */
        if (n == 1)
            return eval_index(f, args[0]);
        return eval_index_deep(f, args, n);
    }
    K r = prim_apply(f, args, n);
    r0(f);
    return r;
}

/* evaluate parse tree e with names bound to vals (borrowed): qSQL's column scope */
K eval_with_columns(const K e, K names, K *vals) {
    Frame frame = {.lambda = NULL, .names = names, .vals = vals, .parent = RT->lang.current_frame};
    K r = eval_node(e, &frame);
    return r;
}

/* ---- the k.h and lang.h entry points ------------------------------------------------------ */

K lang_apply(K f, K *args, int n) { return eval_apply(f, args, n); }

K dot(K f, K args) {
    if (!f || !args)
        return NULL;
    K fr = r1(f);
    J n = obj_count(args);
    K av[8];
    if (n > 8) {
        r0(fr);
        return krr("rank");
    }
    for (J i = 0; i < n; i++)
        av[i] = prim_item(args, i);
    K r = eval_apply(fr, av, (int)n);
    if (!r) {
        K e = krr((S)(kerr_msg() ? kerr_msg() : "error"));
        kerr_clear();
        return e;
    }
    return r;
}
