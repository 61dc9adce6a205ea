/* find.c -- hashed search: ? (find), in, distinct, group, except, inter, union, ! (dict),
 * within, differ; the row index the joins use; dictionary merges by key.  Items are hashed by
 * their bytes (simple lists) or by their one-line shape (general lists), so every search is
 * O(n); s# lists are searched by bisection and u#/g# lists keep their hash index. */
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

static uint64_t item_hash(const K x, J i) {
    if (x->t == 0) {
        K a = kK(x)[i];
        if (a->t < 0 && a->t > -20)
            return elem_hash(-a->t, a->t == -UU ? (void *)kG(a) : (void *)&a->g);
        if (a->t > 0 && a->t < 20)
            return hash_bytes(kG(a), (size_t)a->n * obj_width(a->t)) ^ (uint64_t)a->t * 31;
        return (uint64_t)a->t * 7919 + (uint64_t)obj_count(a);
    }
    if (x->t > 0 && x->t < 20)
        return elem_hash(x->t, kG(x) + (size_t)i * obj_width(x->t));
    int w = obj_width(x->t);
    return hash_bytes(kG(x) + (size_t)i * w, (size_t)w);
}

/* do a[i] and b[j] match (lists of the same type, or general) */
static bool items_match(const K a, J i, const K b, J j) {
    if (a->t == 0 || b->t == 0) {
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
    ix->slot = calloc((size_t)size, sizeof(J));
    ix->mask = size - 1;
    if (!ix->slot)
        return false;
    for (J i = 0; i < n; i++) {
        J j = (J)(item_hash(list, i) & (uint64_t)ix->mask);
        for (; ix->slot[j]; j = (j + 1) & ix->mask)
            if (items_match(list, ix->slot[j] - 1, list, i))
                break;
        if (!ix->slot[j])
            ix->slot[j] = i + 1; /* first occurrence wins */
    }
    return true;
}

/* position of item k of `probe` in the index, or count if absent */
static J index_find(const Index *ix, const K probe, J k) {
    J j = (J)(item_hash(probe, k) & (uint64_t)ix->mask);
    for (; ix->slot[j]; j = (j + 1) & ix->mask)
        if (items_match(ix->list, ix->slot[j] - 1, probe, k))
            return ix->slot[j] - 1;
    return obj_count(ix->list);
}

/* make an atom a one-item list of its type, for probing */
static K as_list(K x) {
    if (x->t < 0 && x->t > -20) {
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
static struct {
    K list; /* borrowed: the entry is dropped before the list goes */
    J n;
    Index ix;
} attr_cache[ATTR_CACHE];
static int attr_next;

void prim_attr_forget(const K x) {
    for (int i = 0; i < ATTR_CACHE; i++)
        if (attr_cache[i].list == x) {
            free(attr_cache[i].ix.slot);
            attr_cache[i].list = NULL;
        }
}

static const Index *attr_index(const K x) {
    for (int i = 0; i < ATTR_CACHE; i++)
        if (attr_cache[i].list == x && attr_cache[i].n == x->n)
            return &attr_cache[i].ix;
    prim_attr_forget(x); /* a stale entry (the list grew in place) */
    int slot = attr_next++ % ATTR_CACHE;
    free(attr_cache[slot].ix.slot);
    attr_cache[slot].list = NULL;
    if (!index_build(&attr_cache[slot].ix, x))
        return NULL;
    attr_cache[slot].list = x;
    attr_cache[slot].n = x->n;
    return &attr_cache[slot].ix;
}

/* the first position of y[i] in sorted x by binary search (count x when absent) */
static J sorted_find(const K x, const K y, J i) {
    J lo = 0, hi = x->n;
    int t = x->t;
    while (lo < hi) { /* first position whose item is not below y's */
        J mid = lo + (hi - lo) / 2;
        bool below;
        switch (t) {
        case KS: below = strcmp(kS(x)[mid], y->t < 0 ? y->s : kS(y)[i]) < 0; break;
        case KF: below = kF(x)[mid] < (y->t < 0 ? y->f : kF(y)[i]); break;
        case KE: below = kE(x)[mid] < (y->t < 0 ? y->e : kE(y)[i]); break;
        case KH: below = kH(x)[mid] < (y->t < 0 ? y->h : kH(y)[i]); break;
        case KB: case KG: case KC: below = kG(x)[mid] < (y->t < 0 ? y->g : kG(y)[i]); break;
        default:
            if (obj_width(t) == 4)
                below = kI(x)[mid] < (y->t < 0 ? y->i : kI(y)[i]);
            else
                below = kJ(x)[mid] < (y->t < 0 ? y->j : kJ(y)[i]);
        }
        if (below)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < x->n && items_match(x, lo, y, i) ? lo : x->n;
}

static K find_all(const K x, const K y) {
    J n = obj_count(y);
    K r = obj_vec(KJ, n);
    if (!r)
        return NULL;
    if (!same_kind(x, y)) {
        for (J i = 0; i < n; i++)
            kJ(r)[i] = obj_count(x);
        return r;
    }
    bool simple = x->t > 0 && x->t < 20 && x->t != UU;
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
    free(ix.slot);
    return r;
}


/* ---- rows of several columns: the joins' key lookups ------------------------------------- */

static uint64_t row_hash(const K cols, J i) {
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (J c = 0; c < cols->n; c++)
        h = (h ^ item_hash(kK(cols)[c], i)) * 0x100000001b3ULL;
    return h;
}

static bool rows_match(const K a, J i, const K b, J j) {
    for (J c = 0; c < a->n; c++)
        if (!items_match(kK(a)[c], i, kK(b)[c], j))
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
    ix->slot = calloc((size_t)size, sizeof(J));
    ix->group = malloc((size_t)(n ? n : 1) * sizeof(J));
    ix->first = malloc((size_t)(n ? n : 1) * sizeof(J));
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
    free(ix->slot);
    free(ix->group);
    free(ix->first);
    ix->keys = NULL;
    ix->slot = ix->group = ix->first = NULL;
}

/* the rank of x as Find sees it: 0 for an atom (or a dict, table, function), 1 + the rank of
 * the first item for a list (an empty list has rank 1) */
static int list_rank(const K x) {
    int r = 0;
    const K *p = &x;
    for (;;) {
        K v = *p;
        if (v->t < 0 || v->t >= 98 || v->t > KENUM_LAST)
            return r;
        if (v->t > 0 || v->n == 0)
            return r + 1;
        r++;
        p = &kK(v)[0];
    }
}

/* t?y for a table t (ref/find.md, "Searching tables"): y a table gives each of its rows'
 * position in t, a record (a dictionary or a list with an item per column) its position;
 * count t where absent */
static K table_find(K x, K y) {
    K names = TABLE_COLS(x);
    bool record = y->t != XT;
    K probe;
    if (y->t == XT) {
        probe = prim_columns_named(y, names);
    } else if ((y->t == XD && DICT_KEYS(y)->t == KS) || (y->t >= 0 && y->t < 20 && obj_count(y) == names->n)) {
        probe = ktn(0, names->n);
        for (J c = 0; probe && c < names->n; c++) {
            J at = c;
            if (y->t == XD) { /* the record's value for column c */
                K keys = DICT_KEYS(y);
                for (at = 0; at < keys->n && kS(keys)[at] != kS(names)[c]; at++)
                    ;
                if (at == keys->n) {
                    probe->n = c;
                    r0(probe);
                    r0(x);
                    r0(y);
                    return kerr("mismatch");
                }
            }
            K item = prim_item(y->t == XD ? DICT_VALS(y) : y, at);
            kK(probe)[c] = item->t < 0 ? prim_enlist(item) : obj_list(1, item);
        }
    } else {
        r0(x);
        r0(y);
        return kerr("type");
    }
    r0(y);
    if (!probe) {
        r0(x);
        return NULL;
    }
    RowIndex ix;
    if (!rows_index_new(TABLE_DATA(x), &ix)) {
        r0(probe);
        r0(x);
        return NULL;
    }
    K g = rows_index_find(&ix, probe);
    r0(probe);
    for (J r = 0; g && r < g->n; r++)
        kJ(g)[r] = kJ(g)[r] < 0 ? ix.n : ix.first[kJ(g)[r]];
    rows_index_free(&ix);
    r0(x);
    if (g && record) {
        J p = kJ(g)[0];
        r0(g);
        return kj(p);
    }
    return g;
}

/* for prim_map: x?item and item in y, the list borrowed through ctx */
static K find_in_x(K item, const void *x) { return prim_find(r1((K)x), item); }
static K item_in_y(K item, const void *y) { return prim_in(item, r1((K)y)); }

K prim_find(K x, K y) {
    PRIM_ARGS2(x, y);
    if (!obj_stack_ok()) { /* a general y is searched item by item, as deep as it nests */
        r0(x);
        r0(y);
        return NULL;
    }
    PRIM_SQUASH2(x, y);
    if (x->t == XT)
        return table_find(x, y);
    if ((x->t == -KJ || x->t == -KI || x->t == -KH) && y->t < 98) { /* roll, deal, permute */
        J n = x->t == -KJ ? x->j : x->t == -KI ? (x->i == ni ? nj : x->i) : (x->h == nh ? nj : x->h);
        r0(x);
        return prim_roll(n, y);
    }
    if (x->t == XD) {
        /* reverse lookup: the key of the first value equal to y */
        K vals = DICT_VALS(x);
        K pos = prim_find(r1(vals), y);
        if (!pos) {
            r0(x);
            return NULL;
        }
        K k = r1(DICT_KEYS(x));
        r0(x);
        K args = pos;
        K r;
        if (args->t == -KJ) {
            J p = args->j;
            r = p < obj_count(k) ? prim_item(k, p) : prim_null_of(k->t);
        } else {
            r = prim_null_of(k->t);
        }
        r0(args);
        r0(k);
        return r;
    }
    if (x->t == -KS && (y->t == KS || y->t == -KS || obj_is_enum(y->t) || obj_is_enum(-y->t)))
        return prim_enum_extend(x, y); /* `sym?syms */
    if (x->t < 0 || x->t >= 98) {
        const char *err = x->t < 0 ? "type" : "nyi";
        r0(x);
        r0(y);
        return kerr(err);
    }
    if (x->t == 0) { /* rank-sensitive: x of rank n looks for objects of rank n-1 */
        int want = list_rank(x) - 1, ry = list_rank(y);
        if (ry < want) { /* no item of x can match y */
            J n = x->n;
            r0(x);
            r0(y);
            return kj(n);
        }
        if (ry > want + 1) { /* y holds lists of such objects: item by item */
            K r = prim_map(y, find_in_x, x);
            r0(x);
            return r;
        }
        if (ry == want + 1) { /* y is a list of such objects */
            K r = find_all(x, y);
            r0(x);
            r0(y);
            return r;
        }
    }
    if (y->t < 0 || (x->t == 0 && y->t != 0) || x->t == 0) {
        K probe = y->t < 0 ? as_list(y) : obj_list(1, y);
        if (!probe) {
            r0(x);
            return NULL;
        }
        K r = find_all(x, probe);
        r0(probe);
        r0(x);
        if (!r)
            return NULL;
        J p = kJ(r)[0];
        r0(r);
        return kj(p);
    }
    if (y->t == 0 && x->t != 0) {
        /* each item */
        K out = ktn(0, y->n);
        for (J i = 0; out && i < y->n; i++)
            if (!(kK(out)[i] = prim_find(r1(x), r1(kK(y)[i])))) {
                r0(out);
                out = NULL;
            }
        r0(x);
        r0(y);
        return out;
    }
    K r = find_all(x, y);
    r0(x);
    r0(y);
    return r;
}

/* Find's positions (consumed: an atom, a vector or nested lists of them) as flags: found
 * where the position is below n */
static K found_flags(K pos, J n) {
    if (!pos)
        return NULL;
    if (pos->t == -KJ) {
        bool in = pos->j < n;
        r0(pos);
        return kb(in);
    }
    if (pos->t == KJ) {
        K b = obj_vec(KB, pos->n);
        for (J i = 0; b && i < pos->n; i++)
            kG(b)[i] = kJ(pos)[i] < n;
        r0(pos);
        return b;
    }
    if (pos->t == 0) {
        K out = ktn(0, pos->n);
        for (J i = 0; out && i < pos->n; i++)
            if (!(kK(out)[i] = found_flags(r1(kK(pos)[i]), n))) {
                out->n = i;
                r0(out);
                out = NULL;
            }
        r0(pos);
        return out;
    }
    r0(pos);
    return kerr("type");
}

K prim_in(K x, K y) {
    PRIM_ARGS2(x, y);
    if (!obj_stack_ok()) { /* a general x is looked up item by item */
        r0(x);
        r0(y);
        return NULL;
    }
    PRIM_SQUASH2(x, y);
    x = prim_unenum(x);
    y = prim_unenum(y);
    if (!x || !y) {
        r0(x);
        r0(y);
        return NULL;
    }
    if (y->t == 0) { /* y a general list: (y?x)<count y, no iteration through x */
        J yn = y->n;
        return found_flags(prim_find(y, x), yn);
    }
    if (y->t > 0 && y->t < 20 && x->t != 0 && x->t > -20 && x->t < 20 && abs(x->t) != y->t) {
        /* mixed types: only an atom or a one-item y compares by value; others are 'type */
        if (y->n != 1) {
            r0(x);
            r0(y);
            return kerr("type");
        }
        K a = prim_item(y, 0);
        r0(y);
        return prim_eq(x, a);
    }
    if (y->t < 0 && y->t > -20 && x->t > -20 && x->t < 20 && x->t != 0 && abs(x->t) != -y->t)
        return prim_eq(x, y);
    if (y->t < 0) {
        y = as_list(y);
        if (!y) {
            r0(x);
            return NULL;
        }
    }
    if (x->t < 0 || (y->t == 0 && x->t != 0 && 0)) {
        K probe = as_list(x);
        K r = probe ? find_all(y, probe) : NULL;
        J yn = obj_count(y);
        r0(probe);
        r0(y);
        if (!r)
            return NULL;
        bool in = kJ(r)[0] < yn;
        r0(r);
        return kb(in);
    }
    if (x->t == 0) {
        K r = prim_map(x, item_in_y, y); /* atoms of x give booleans: a boolean vector */
        r0(y);
        return r;
    }
    K r = find_all(y, x);
    J yn = obj_count(y);
    r0(x);
    r0(y);
    if (!r)
        return NULL;
    K b = obj_vec(KB, r->n);
    for (J i = 0; b && i < r->n; i++)
        kG(b)[i] = kJ(r)[i] < yn;
    r0(r);
    return b;
}

/* first-occurrence positions of the distinct items of x */
/* ---- grouping: one hashed pass, a table that grows with the number of groups ------------- */

/* A grouping of n items: gid[i] is item i's group (numbered in order of first appearance),
 * first[g] the first item of group g.  The hash table holds group numbers and is sized to
 * the groups, not the items, so low-cardinality data stays in cache. */
typedef struct Groups {
    J *gid, *first;
    J ngroups;
} Groups;

static bool grow_table(J **slot, J *mask, const J *first, J ngroups, const K x,
                       uint64_t (*hash)(const K, J)) {
    J size = (*mask + 1) * 2;
    J *fresh = calloc((size_t)size, sizeof(J));
    if (!fresh)
        return false;
    for (J g = 0; g < ngroups; g++) {
        J j = (J)(hash(x, first[g]) & (uint64_t)(size - 1));
        while (fresh[j])
            j = (j + 1) & (size - 1);
        fresh[j] = g + 1;
    }
    free(*slot);
    *slot = fresh;
    *mask = size - 1;
    return true;
}


/* the grouping loop for items compared as fixed-width integers of type T: each slot holds a
 * key and its group, so a probe touches one cache line and never the column */
typedef struct KeySlot {
    uint64_t key;
    J g; /* group + 1, 0 = empty */
} KeySlot;

#define GROUP_FIXED(T)                                                                          \
    do {                                                                                        \
        const T *v = (const T *)kG(x);                                                          \
        J size = 1024, count = 0;                                                               \
        KeySlot *tab = calloc((size_t)size, sizeof(KeySlot));                                   \
        if (!tab)                                                                               \
            goto oom;                                                                           \
        for (J i = 0; i < n; i++) {                                                             \
            uint64_t key = (uint64_t)v[i];                                                      \
            J j = (J)(hash_u64(key) & (uint64_t)(size - 1));                                    \
            while (tab[j].g && tab[j].key != key)                                               \
                j = (j + 1) & (size - 1);                                                       \
            if (!tab[j].g) {                                                                    \
                gr->first[gr->ngroups] = i;                                                     \
                tab[j].key = key;                                                               \
                tab[j].g = ++gr->ngroups;                                                       \
                if (++count * 2 > size) { /* double the table */                                \
                    KeySlot *fresh = calloc((size_t)size * 2, sizeof(KeySlot));                 \
                    if (!fresh) {                                                               \
                        free(tab);                                                              \
                        goto oom;                                                               \
                    }                                                                           \
                    for (J k = 0; k < size; k++) {                                              \
                        if (!tab[k].g)                                                          \
                            continue;                                                           \
                        J s = (J)(hash_u64(tab[k].key) & (uint64_t)(size * 2 - 1));             \
                        while (fresh[s].g)                                                      \
                            s = (s + 1) & (size * 2 - 1);                                       \
                        fresh[s] = tab[k];                                                      \
                    }                                                                           \
                    free(tab);                                                                  \
                    tab = fresh;                                                                \
                    size *= 2;                                                                  \
                }                                                                               \
                gr->gid[i] = gr->ngroups - 1;                                                   \
            } else {                                                                            \
                gr->gid[i] = tab[j].g - 1;                                                      \
            }                                                                                   \
        }                                                                                       \
        free(tab);                                                                              \
    } while (0)

/* integers spanning a range no wider than the list: a direct-address table instead of a
 * hash (the common case of small group codes).  False when the range is too wide. */
static bool dense_groups(const K x, J n, Groups *gr) {
    J lo = wj, hi = -wj;
    for (J i = 0; i < n; i++) {
        J v = x->t == KJ ? kJ(x)[i] : kI(x)[i] == ni ? nj : kI(x)[i];
        if (v == nj)
            return false; /* nulls: leave them to the hash */
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
    }
    if (hi - lo >= n || hi - lo > (J)1 << 26)
        return false;
    J range = hi - lo + 1;
    J *code = malloc((size_t)range * sizeof(J));
    if (!code)
        return false;
    memset(code, 0xff, (size_t)range * sizeof(J)); /* -1: not seen */
    for (J i = 0; i < n; i++) {
        J v = (x->t == KJ ? kJ(x)[i] : kI(x)[i]) - lo;
        if (code[v] < 0) {
            gr->first[gr->ngroups] = i;
            code[v] = gr->ngroups++;
        }
        gr->gid[i] = code[v];
    }
    free(code);
    return true;
}

static bool groups_make(const K x, Groups *gr) {
    J n = obj_count(x);
    gr->gid = malloc((size_t)(n ? n : 1) * sizeof(J));
    gr->first = malloc((size_t)(n ? n : 1) * sizeof(J));
    gr->ngroups = 0;
    J mask = 1023;
    J *slot = calloc((size_t)mask + 1, sizeof(J));
    if (!gr->gid || !gr->first || !slot)
        goto oom;
    int w = x->t > 0 && x->t != KF && x->t != KE ? obj_width(x->t) : 0;
    if ((x->t == KJ || x->t == KI) && n > 1024 && dense_groups(x, n, gr)) {
        free(slot);
        return true;
    }
    if (w == 8 && x->t != UU)
        GROUP_FIXED(uint64_t);
    else if (w == 4)
        GROUP_FIXED(uint32_t);
    else if (w == 2)
        GROUP_FIXED(uint16_t);
    else if (w == 1)
        GROUP_FIXED(uint8_t);
    else {
        for (J i = 0; i < n; i++) {
            J j = (J)(item_hash(x, i) & (uint64_t)mask), g;
            for (; (g = slot[j]); j = (j + 1) & mask)
                if (items_match(x, gr->first[g - 1], x, i))
                    break;
            if (!g) {
                gr->first[gr->ngroups] = i;
                slot[j] = g = ++gr->ngroups;
                if (gr->ngroups * 2 > mask && !grow_table(&slot, &mask, gr->first, gr->ngroups, x, item_hash))
                    goto oom;
            }
            gr->gid[i] = g - 1;
        }
    }
    free(slot);
    return true;
oom:
    free(slot);
    free(gr->gid);
    free(gr->first);
    gr->gid = gr->first = NULL;
    kerr("wsfull");
    return false;
}

static void groups_free(Groups *gr) {
    free(gr->gid);
    free(gr->first);
}

/* the position of the first occurrence of each distinct item */
static K distinct_positions(const K x) {
    Groups gr;
    if (!groups_make(x, &gr))
        return NULL;
    K pos = ktn(KJ, gr.ngroups);
    memcpy(kJ(pos), gr.first, (size_t)gr.ngroups * sizeof(J));
    groups_free(&gr);
    return pos;
}

/* the grouping of x (borrowed) as (first positions; each item's group), for other layers */
K prim_group_ids(const K x, K *gid) {
    Groups gr;
    if (!groups_make(x, &gr))
        return NULL;
    J n = obj_count(x);
    K pos = ktn(KJ, gr.ngroups), ids = ktn(KJ, n);
    memcpy(kJ(pos), gr.first, (size_t)gr.ngroups * sizeof(J));
    memcpy(kJ(ids), gr.gid, (size_t)n * sizeof(J));
    groups_free(&gr);
    *gid = ids;
    return pos;
}

K prim_gather(const K x, const K pos) {
    K r = obj_vec(x->t, pos->n);
    if (!r)
        return NULL;
    int w = obj_width(x->t);
    for (J i = 0; i < pos->n; i++)
        memcpy(kG(r) + (size_t)i * w, kG(x) + (size_t)kJ(pos)[i] * w, (size_t)w);
    if (x->t == 0)
        for (J i = 0; i < pos->n; i++)
            r1(kK(r)[i]);
    return r;
}

K prim_distinct(K x) {
    PRIM_ARGS1(x);
    if (prim_too_deep(x, NULL)) /* a dict's values may be a dict */
        return NULL;
    PRIM_SQUASH1(x);
    if (x->t == XT) { /* distinct rows */
        K rows = ktn(0, obj_count(x));
        K names = TABLE_COLS(x), cols = TABLE_DATA(x);
        for (J r = 0; r < rows->n; r++) {
            K row = ktn(0, names->n);
            for (J c = 0; c < names->n; c++)
                kK(row)[c] = prim_item(kK(cols)[c], r);
            kK(rows)[r] = row;
        }
        K pos = distinct_positions(rows);
        r0(rows);
        K out = ktn(0, names->n);
        for (J c = 0; pos && c < names->n; c++)
            kK(out)[c] = prim_gather(kK(cols)[c], pos);
        K nm = r1(names);
        r0(pos);
        r0(x);
        return xT(xD(nm, out));
    }
    if (x->t < 0 || x->t >= 98)
        return x;
    if (x->t == XD) {
        K v = r1(DICT_VALS(x));
        r0(x);
        return prim_distinct(v);
    }
    K pos = distinct_positions(x);
    K r = pos ? prim_gather(x, pos) : NULL;
    r0(pos);
    r0(x);
    return r;
}

K prim_group(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    if (x->t < 0 || x->t >= 98) {
        r0(x);
        return kerr("type");
    }
    J n = obj_count(x);
    Groups gr;
    if (!groups_make(x, &gr)) {
        r0(x);
        return NULL;
    }
    /* each group's rows, in order: counts, then one pass filling */
    K lists = ktn(0, gr.ngroups);
    J *fill = calloc((size_t)(gr.ngroups ? gr.ngroups : 1), sizeof(J));
    for (J i = 0; i < n; i++)
        fill[gr.gid[i]]++;
    for (J g = 0; g < gr.ngroups; g++) {
        kK(lists)[g] = ktn(KJ, fill[g]);
        fill[g] = 0;
    }
    for (J i = 0; i < n; i++) {
        J g = gr.gid[i];
        kJ(kK(lists)[g])[fill[g]++] = i;
    }
    free(fill);
    K pos = ktn(KJ, gr.ngroups);
    memcpy(kJ(pos), gr.first, (size_t)gr.ngroups * sizeof(J));
    groups_free(&gr);
    K keys = prim_gather(x, pos);
    r0(pos);
    r0(x);
    return xD(keys, lists);
}

static K select_where(K x, const K mask_src, bool keep_if_in) {
    /* items of x whose membership in mask_src equals keep_if_in */
    K probe = r1(x);
    K found = find_all(mask_src, probe);
    r0(probe);
    if (!found) {
        r0(x);
        return NULL;
    }
    J m = obj_count(mask_src);
    K pos = ktn(KJ, 0);
    for (J i = 0; i < found->n; i++)
        if ((kJ(found)[i] < m) == keep_if_in)
            ja(&pos, &i);
    r0(found);
    K r = prim_gather(x, pos);
    r0(pos);
    r0(x);
    return r;
}

/* the rows of table x (consumed) that are (keep) or are not in table y (consumed): the
 * columns of x matched by name in y */
static K table_rows_where(K x, K y, bool keep) {
    K cols = prim_columns_named(y, TABLE_COLS(x));
    if (!cols) {
        r0(x);
        r0(y);
        return NULL;
    }
    RowIndex ix = {0};
    K g = rows_index_new(cols, &ix) ? rows_index_find(&ix, TABLE_DATA(x)) : NULL;
    if (ix.keys)
        rows_index_free(&ix);
    r0(cols);
    r0(y);
    if (!g) {
        r0(x);
        return NULL;
    }
    K pick = ktn(KJ, 0);
    for (J r = 0; r < g->n; r++)
        if ((kJ(g)[r] >= 0) == keep)
            ja(&pick, &r);
    r0(g);
    K out = ktn(0, TABLE_COLS(x)->n);
    for (J c = 0; c < out->n; c++)
        kK(out)[c] = prim_gather(kK(TABLE_DATA(x))[c], pick);
    K names = r1(TABLE_COLS(x));
    r0(pick);
    r0(x);
    return xT(xD(names, out));
}

/* columns `names` (borrowed symbol vector) of table t (borrowed), or NULL + 'mismatch */
K prim_columns_named(const K t, const K names) {
    K out = ktn(0, names->n);
    for (J k = 0; k < names->n; k++) {
        J c = 0;
        while (c < TABLE_COLS(t)->n && kS(TABLE_COLS(t))[c] != kS(names)[k])
            c++;
        if (c == TABLE_COLS(t)->n) {
            out->n = k;
            r0(out);
            return kerr("mismatch");
        }
        kK(out)[k] = r1(kK(TABLE_DATA(t))[c]);
    }
    return out;
}

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
    return find_all(xk, yk);
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

K prim_except(K x, K y) {
    PRIM_ARGS2(x, y);
    PRIM_SQUASH2(x, y);
    if (x->t == XT && y->t == XT)
        return table_rows_where(x, y, false);
    if (y->t < 0)
        y = as_list(y);
    if (x->t < 0 || x->t >= 98) {
        r0(x);
        r0(y);
        return kerr("type");
    }
    K r = select_where(x, y, false);
    r0(y);
    return r;
}

K prim_inter(K x, K y) {
    PRIM_ARGS2(x, y);
    PRIM_SQUASH2(x, y);
    if (x->t == XT && y->t == XT)
        return table_rows_where(x, y, true);
    if (y->t < 0)
        y = as_list(y);
    if (x->t < 0 || x->t >= 98) {
        r0(x);
        r0(y);
        return kerr("type");
    }
    K r = select_where(x, y, true);
    r0(y);
    return r;
}

K prim_join(K x, K y);

K prim_union(K x, K y) {
    PRIM_ARGS2(x, y);
    return prim_distinct(prim_join(x, y));
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
        K xl = as_list(x);
        K yl = y->t < 0 ? as_list(y) : obj_list(1, y);
        return xD(xl, yl);
    }
    if (x->t >= 100 || y->t >= 100) { /* functions are neither keys nor values here */
        r0(x);
        r0(y);
        return kerr("type");
    }
    if (x->t < 98 && (y->t < 0 || obj_count(x) != obj_count(y))) {
        r0(x);
        r0(y);
        return kerr("length");
    }
    return xD(x, y);
}

K prim_within(K x, K y) {
    PRIM_ARGS2(x, y);
    PRIM_SQUASH2(x, y);
    if (y->t < 0 || obj_count(y) != 2) {
        r0(x);
        r0(y);
        return kerr("length");
    }
    K lo = prim_item(y, 0), hi = prim_item(y, 1);
    r0(y);
    K a = prim_ge(r1(x), lo);
    K b = prim_le(x, hi);
    return prim_min2(a, b);
}

K prim_differ(K x) {
    PRIM_ARGS1(x);
    PRIM_SQUASH1(x);
    if (x->t == XT) { /* rows: each against the one before */
        J n = obj_count(x);
        K r = obj_vec(KB, n);
        K cols = TABLE_DATA(x);
        for (J i = 0; r && i < n; i++) {
            bool same = i > 0;
            for (J c = 0; same && c < cols->n; c++)
                same = items_match(kK(cols)[c], i, kK(cols)[c], i - 1);
            kG(r)[i] = !same;
        }
        r0(x);
        return r;
    }
    if (x->t < 0 || x->t >= 98) {
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
            kG(r)[i] = i == 0 || !items_match(x, i, x, i - 1);
    }
    r0(x);
    return r;
}
