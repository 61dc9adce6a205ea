/* index.c -- hash indexes over a list's items and a table's rows: what ?, in, distinct,
 * group, the set operations and the joins search with.  Items are hashed by their bytes
 * (simple lists) or by their one-line shape (general lists); s# lists are searched by
 * bisection, and u#/g# lists keep their index until freed or amended (prim_attr_forget). */
#include <stdlib.h>

#include "../base/hash.h"
#include "prims.h"
#include "primint.h"

/* A hash index over the items of a list (borrowed): open addressing of item numbers. */
typedef struct Index {
    const K list; /* the indexed list (borrowed) */
    J *slot;      /* item number + 1, 0 = empty */
    J mask;       /* slots - 1 */
} Index;

/* the hash of one item of a simple vector of type t at p: an atom in a general list hashes
 * as the same item of a vector, so `(1;`a;2)?2` finds what `1 2?2` finds */
static uint64_t elem_hash(int t, const void *p) {
    if (t == KS)
        return hash_u64((uint64_t)(uintptr_t)*(const S *)p);
    if (t == KF) {
        F f = *(const F *)p;
        if (f != f)
            return 1;
        if (f == 0)
            f = 0; /* -0.0 and 0.0 are equal */
        return hash_bytes(&f, 8);
    }
    return hash_bytes(p, (size_t)obj_width(t));
}

static uint64_t row_hash(const K cols, J i);
static bool rows_match(const K a, J i, const K b, J j);

/* a hash of value a that values matching it share: atoms and vectors by their bytes, lists,
 * dicts and tables by their parts (to a few levels; deeper, one hash for all) */
static uint64_t value_hash(const K a, int depth) {
    if (a->t < 0 && a->t > -KENUM)
        return elem_hash(-a->t, a->t == -UU ? (void *)kG(a) : (void *)&a->g);
    if (a->t > 0 && a->t < KENUM)
        return hash_bytes(kG(a), (size_t)a->n * obj_width(a->t)) ^ (uint64_t)a->t * 31;
    uint64_t h = (uint64_t)a->t * 7919 + (uint64_t)obj_count(a);
    if (depth > 4)
        return h;
    if (a->t == 0)
        for (J k = 0; k < a->n && k < 64; k++)
            h = hash_u64(h ^ value_hash(kK(a)[k], depth + 1));
    else if (a->t == XD)
        h = hash_u64(h ^ value_hash(DICT_KEYS(a), depth + 1)) ^ value_hash(DICT_VALS(a), depth + 1);
    else if (a->t == XT)
        h = hash_u64(h ^ value_hash(a->k, depth + 1));
    return h;
}

uint64_t prim_item_hash(const K x, J i) {
    if (x->t == XT) /* a row: its cells' hashes combined */
        return hash_u64(row_hash(TABLE_DATA(x), i));
    if (x->t == 0) {
        K a = kK(x)[i];
        if (a->t < 0 && a->t > -KENUM)
            return elem_hash(-a->t, a->t == -UU ? (void *)kG(a) : (void *)&a->g);
        return value_hash(a, 0);
    }
    if (x->t > 0 && x->t < KENUM)
        return elem_hash(x->t, kG(x) + (size_t)i * obj_width(x->t));
    int w = obj_width(x->t);
    return hash_bytes(kG(x) + (size_t)i * w, (size_t)w);
}

/* do a[i] and b[j] match (lists of the same type, or general) */
bool prim_items_match(const K a, J i, const K b, J j) {
    if (a->t == XT && b->t == XT) /* rows of tables of the same columns, cell by cell */
        return prim_match_exact(TABLE_COLS(a), TABLE_COLS(b)) && rows_match(TABLE_DATA(a), i, TABLE_DATA(b), j);
    if (a->t == 0 || b->t == 0 || a->t >= XT || b->t >= XT) {
        K x = prim_item(a, i), y = prim_item(b, j);
        bool m = prim_match_exact(x, y);
        r0(x);
        r0(y);
        return m;
    }
    if (a->t == KF) {
        F x = kF(a)[i], y = kF(b)[j];
        return x == y || (x != x && y != y);
    }
    int w = obj_width(a->t);
    return memcmp(kG(a) + (size_t)i * w, kG(b) + (size_t)j * w, (size_t)w) == 0;
}

static bool index_build(Index *ix, const K list) {
    J n = obj_count(list);
    J size = 16;
    while (size < n * 2)
        size *= 2;
    *(K *)&ix->list = list;
    ix->slot = mem_raw_calloc((size_t)size, sizeof(J));
    ix->mask = size - 1;
    if (!ix->slot)
        return false;
    for (J i = 0; i < n; i++) {
        J j = (J)(prim_item_hash(list, i) & (uint64_t)ix->mask);
        for (; ix->slot[j]; j = (j + 1) & ix->mask)
            if (prim_items_match(list, ix->slot[j] - 1, list, i))
                break;
        if (!ix->slot[j])
            ix->slot[j] = i + 1; /* first occurrence wins */
    }
    return true;
}

/* position of item k of `probe` in the index, or count if absent */
static J index_find(const Index *ix, const K probe, J k) {
    J j = (J)(prim_item_hash(probe, k) & (uint64_t)ix->mask);
    for (; ix->slot[j]; j = (j + 1) & ix->mask)
        if (prim_items_match(ix->list, ix->slot[j] - 1, probe, k))
            return ix->slot[j] - 1;
    return obj_count(ix->list);
}

/* make an atom a one-item list of its type, for probing */
K prim_probe_list(K x) {
    if (x->t < 0 && (x->t > -KENUM || obj_is_enum(-x->t))) { /* an enumeration's index too */
        K v = obj_vec(-x->t, 1);
        if (v)
            memcpy(kG(v), x->t == -UU ? (void *)kG(x) : (void *)&x->g, obj_width(x->t));
        r0(x);
        return v;
    }
    return obj_list(1, x);
}

static bool same_kind(const K list, const K probe) {
    return list->t == 0 || probe->t == 0 || list->t == probe->t;
}

/* positions of each item of y (a list) in x */
/* ---- what attributes promise: s# binary search, u# and g# a kept hash index -------------- */

/* the hash indexes of u# and g# lists, kept until the list is freed or amended (obj.c and the
 * evaluator call prim_attr_forget), so repeated lookups cost no rebuild */
enum { ATTR_CACHE = 8 };
struct AttrCache { /* RT->prim.attr_cache, allocated with its first entry */
    struct {
        K list; /* borrowed: the entry is dropped before the list goes */
        J n;    /* the list's count when indexed (it may grow in place) */
        Index ix;
    } entry[ATTR_CACHE];
    int next; /* the entry the next miss replaces (round robin) */
};

void prim_attr_forget(const K x) {
    struct AttrCache *c = RT->prim.attr_cache;
    for (int i = 0; c && i < ATTR_CACHE; i++)
        if (c->entry[i].list == x) {
            mem_raw_free(c->entry[i].ix.slot);
            c->entry[i].ix.slot = NULL; /* the entry may be reused or torn down later */
            c->entry[i].list = NULL;
        }
}

/* the layer's teardown (runtime.h): the kept indexes */
static void attr_cache_free(void) {
    struct AttrCache *c = RT->prim.attr_cache;
    for (int i = 0; c && i < ATTR_CACHE; i++)
        mem_raw_free(c->entry[i].ix.slot);
    mem_raw_free(c);
    RT->prim.attr_cache = NULL;
}

static const Index *attr_index(const K x) {
    struct AttrCache *c = RT->prim.attr_cache;
    for (int i = 0; c && i < ATTR_CACHE; i++)
        if (c->entry[i].list == x && c->entry[i].n == x->n)
            return &c->entry[i].ix;
    if (!c) {
        c = RT->prim.attr_cache = mem_raw_kept_calloc(1, sizeof *c); /* lives with the runtime */
        if (!c) {
            kerr("wsfull");
            return NULL;
        }
        runtime_on_free(RT_PRIM, attr_cache_free);
    }
    prim_attr_forget(x); /* a stale entry (the list grew in place) */
    int slot = c->next++ % ATTR_CACHE;
    mem_raw_free(c->entry[slot].ix.slot);
    c->entry[slot].list = NULL;
    if (!index_build(&c->entry[slot].ix, x))
        return NULL;
    c->entry[slot].list = x;
    c->entry[slot].n = x->n;
    return &c->entry[slot].ix;
}

/* in sorted x, the first position whose item is not below y[i] (above, when after), by
 * binary search; y's items of x's type */
static J sorted_bound(const K x, const K y, J i, bool after) {
    J lo = 0, hi = x->n;
    int t = x->t;
    while (lo < hi) {
        J mid = lo + (hi - lo) / 2;
        int c; /* x[mid] against y[i] */
        switch (t) {
        case KS: c = strcmp(kS(x)[mid], y->t < 0 ? y->s : kS(y)[i]); break;
        case KF: { F a = kF(x)[mid], b = y->t < 0 ? y->f : kF(y)[i]; c = (a > b) - (a < b); break; }
        case KE: { E a = kE(x)[mid], b = y->t < 0 ? y->e : kE(y)[i]; c = (a > b) - (a < b); break; }
        case KH: { H a = kH(x)[mid], b = y->t < 0 ? y->h : kH(y)[i]; c = (a > b) - (a < b); break; }
        case KB: case KG: case KC: { G a = kG(x)[mid], b = y->t < 0 ? y->g : kG(y)[i]; c = (a > b) - (a < b); break; }
        default:
            if (obj_width(t) == 4) {
                I a = kI(x)[mid], b = y->t < 0 ? y->i : kI(y)[i];
                c = (a > b) - (a < b);
            } else {
                J a = kJ(x)[mid], b = y->t < 0 ? y->j : kJ(y)[i];
                c = (a > b) - (a < b);
            }
        }
        if (c < 0 || (after && c == 0))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* the first position of y[i] in sorted x by binary search (count x when absent) */
static J sorted_find(const K x, const K y, J i) {
    J lo = sorted_bound(x, y, i, false);
    return lo < x->n && prim_items_match(x, lo, y, i) ? lo : x->n;
}

bool prim_sorted_range(const K x, const K from, const K to, J *lo, J *hi) {
    int t = x->t;
    if (x->u != ATTR_S || t <= 0 || t >= KENUM || t == UU || t == KF || t == KE || t == KZ ||
        from->t != -t || to->t != -t)
        return false;
    *lo = sorted_bound(x, from, 0, false);
    *hi = sorted_bound(x, to, 0, true);
    if (*hi < *lo)
        *hi = *lo;
    return true;
}

K prim_find_all(const K x, const K y) {
    J n = obj_count(y);
    K r = obj_vec(KJ, n);
    if (!r)
        return NULL;
    if (!same_kind(x, y)) {
        for (J i = 0; i < n; i++)
            kJ(r)[i] = obj_count(x);
        return r;
    }
    bool simple = x->t > 0 && x->t < KENUM && x->t != UU;
    if (simple && x->u == ATTR_S && (x->t != KF || n < x->n)) { /* s#: binary search */
        for (J i = 0; i < n; i++)
            kJ(r)[i] = sorted_find(x, y, i);
        return r;
    }
    if (simple && (x->u == ATTR_U || x->u == ATTR_G)) { /* u#, g#: the kept index */
        const Index *ix = attr_index(x);
        if (ix) {
            for (J i = 0; i < n; i++)
                kJ(r)[i] = index_find(ix, y, i);
            return r;
        }
        kerr_clear();
    }
    Index ix;
    if (!index_build(&ix, x)) {
        r0(r);
        return kerr("wsfull");
    }
    for (J i = 0; i < n; i++)
        kJ(r)[i] = index_find(&ix, y, i);
    mem_raw_free(ix.slot);
    return r;
}


/* ---- rows of several columns: the joins' key lookups ------------------------------------- */

static uint64_t row_hash(const K cols, J i) {
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (J c = 0; c < cols->n; c++)
        h = (h ^ prim_item_hash(kK(cols)[c], i)) * 0x100000001b3ULL;
    return h;
}

static bool rows_match(const K a, J i, const K b, J j) {
    for (J c = 0; c < a->n; c++)
        if (!prim_items_match(kK(a)[c], i, kK(b)[c], j))
            return false;
    return true;
}

/* key columns as plain lists: enumerations as symbols, so that `sym$x matches x */
static K plain_columns(const K cols) {
    K out = ktn(0, cols->n);
    for (J c = 0; c < cols->n; c++) {
        kK(out)[c] = prim_unenum(r1(kK(cols)[c]));
        if (!kK(out)[c]) {
            out->n = c;
            r0(out);
            return NULL;
        }
    }
    return out;
}

K rows_index_new(const K keys, RowIndex *ix) {
    ix->keys = plain_columns(keys);
    if (!ix->keys)
        return NULL;
    J n = ix->keys->n ? obj_count(kK(ix->keys)[0]) : 0;
    J size = 16;
    while (size < n * 2)
        size *= 2;
    ix->mask = size - 1;
    ix->slot = mem_raw_calloc((size_t)size, sizeof(J));
    ix->group = mem_raw_alloc((size_t)(n ? n : 1) * sizeof(J));
    ix->first = mem_raw_alloc((size_t)(n ? n : 1) * sizeof(J));
    ix->ngroups = 0;
    ix->n = n;
    if (!ix->slot || !ix->group || !ix->first) {
        rows_index_free(ix);
        return kerr("wsfull");
    }
    for (J i = 0; i < n; i++) {
        J j = (J)(row_hash(ix->keys, i) & (uint64_t)ix->mask);
        for (; ix->slot[j]; j = (j + 1) & ix->mask)
            if (rows_match(ix->keys, ix->first[ix->slot[j] - 1], ix->keys, i))
                break;
        if (!ix->slot[j]) {
            ix->first[ix->ngroups] = i;
            ix->slot[j] = ++ix->ngroups;
        }
        ix->group[i] = ix->slot[j] - 1;
    }
    return ix->keys;
}

K rows_index_find(const RowIndex *ix, const K probe) {
    K p = plain_columns(probe);
    if (!p)
        return NULL;
    J n = p->n ? obj_count(kK(p)[0]) : 0;
    K out = ktn(KJ, n);
    bool kinds = p->n == ix->keys->n;
    for (J c = 0; kinds && c < p->n; c++)
        kinds = same_kind(kK(ix->keys)[c], kK(p)[c]);
    for (J i = 0; i < n; i++) {
        J g = -1;
        if (kinds) {
            J j = (J)(row_hash(p, i) & (uint64_t)ix->mask);
            for (; ix->slot[j]; j = (j + 1) & ix->mask)
                if (rows_match(ix->keys, ix->first[ix->slot[j] - 1], p, i)) {
                    g = ix->slot[j] - 1;
                    break;
                }
        }
        kJ(out)[i] = g;
    }
    r0(p);
    return out;
}

void rows_index_free(RowIndex *ix) {
    r0(ix->keys);
    mem_raw_free(ix->slot);
    mem_raw_free(ix->group);
    mem_raw_free(ix->first);
    ix->keys = NULL;
    ix->slot = ix->group = ix->first = NULL;
}

