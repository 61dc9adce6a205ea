/* find.c -- search and sets: ? (find), in, distinct, group (one hashed pass, direct
 * address for small integer ranges), except, inter, union; over index.c's hash indexes. */
#include <stdlib.h>

#include "../base/hash.h"
#include "prims.h"
#include "primint.h"

/* the rank of x as Find sees it: 0 for an atom (or a dict, table, function), 1 + the rank of
 * the first item for a list (an empty list has rank 1) */
static int list_rank(const K x) {
    int r = 0;
    const K *p = &x;
    for (;;) {
        K v = *p;
        if (v->t < 0 || v->t >= XT || v->t > KENUM_LAST)
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
    } else if ((y->t == XD && DICT_KEYS(y)->t == KS) || (y->t >= 0 && y->t < KENUM && obj_count(y) == names->n)) {
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
    if ((x->t == -KJ || x->t == -KI || x->t == -KH) && (y->t < XT || y->t == XT)) {
        /* roll, deal, permute; of a table (a list of rows: ref/deal.md) its rows */
        J n = x->t == -KJ ? x->j : x->t == -KI ? (x->i == ni ? nj : x->i) : (x->h == nh ? nj : x->h);
        r0(x);
        if (y->t == XT) {
            K pos = prim_roll(n, kj(obj_count(y)));
            K data = TABLE_DATA(y), cols = pos ? ktn(0, data->n) : NULL;
            for (J c = 0; cols && c < data->n; c++)
                if (!(kK(cols)[c] = prim_at(r1(kK(data)[c]), r1(pos)))) {
                    cols->n = c;
                    r0(cols);
                    cols = NULL;
                }
            K names = r1(TABLE_COLS(y));
            r0(pos);
            r0(y);
            return cols ? xT(xD(names, cols)) : (r0(names), NULL);
        }
        return prim_roll(n, y);
    }
    if (x->t == XD) {
        /* reverse lookup (basics/dictsandtables.md): the key of the first value equal to y,
         * of each item of a list y (a keyed table's key rows for a table y); a null key where
         * none is (Find's index count x, past the keys) */
        K pos = prim_find(r1(DICT_VALS(x)), y);
        K k = r1(DICT_KEYS(x));
        r0(x);
        return pos ? prim_at(k, pos) : (r0(k), NULL);
    }
    if (x->t == -KS && (y->t == KS || y->t == -KS || obj_is_enum(y->t) || obj_is_enum(-y->t)))
        return prim_enum_extend(x, y); /* `sym?syms */
    /* an enumeration is found by its symbols among symbols or another domain's items, as in
     * `in` (ref/find.md, Implicit Find): both sides de-enumerated unless of one domain */
    if ((obj_is_enum(abs(x->t)) || obj_is_enum(abs(y->t))) && abs(x->t) != abs(y->t)) {
        x = prim_unenum(x);
        y = prim_unenum(y);
        if (!x || !y) {
            r0(x);
            r0(y);
            return NULL;
        }
    }
    /* a simple x is right-atomic over a general y whose first item is a list; a general y
     * that starts with an atom is 'type (ref/find.md, Type-specific) */
    if (x->t > 0 && x->t < KENUM && y->t == 0 && y->n && kK(y)[0]->t < 0) {
        bool atoms = true;
        for (J i = 0; atoms && i < y->n; i++)
            atoms = kK(y)[i]->t < 0;
        if (!atoms) {
            r0(x);
            r0(y);
            return kerr("type");
        }
    }
    if (x->t < 0 || x->t >= XT) {
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
            K r = prim_find_all(x, y);
            r0(x);
            r0(y);
            return r;
        }
    }
    if (y->t < 0 || (x->t == 0 && y->t != 0) || x->t == 0) {
        K probe = y->t < 0 ? prim_probe_list(y) : obj_list(1, y);
        if (!probe) {
            r0(x);
            return NULL;
        }
        K r = prim_find_all(x, probe);
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
        return out ? prim_squash(out) : NULL; /* positions of atoms: a long vector */
    }
    K r = prim_find_all(x, y);
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

/* x in y for symbol vectors (consumed): symbols are interned, so equal exactly when their
 * pointers are; y's pointers in a small open-addressed set */
bool prim_symset_make(SymSet *set, const S *syms, J n) {
    memset(set->bits, 0, sizeof set->bits);
    set->few = n > 0 && n <= SYMSET_FEW ? (int)n : 0;
    for (int k = 0; k < set->few; k++)
        set->members[k] = syms[k];
    int bits = 3;
    while (((J)1 << bits) < n * 2)
        bits++;
    set->mask = ((J)1 << bits) - 1;
    set->shift = 64 - bits;
    if (!(set->slots = mem_raw_calloc((size_t)set->mask + 1, sizeof(S)))) {
        kerr("wsfull");
        return false;
    }
    for (J k = 0; k < n; k++) {
        S s = syms[k];
        uint64_t h = (uint64_t)(uintptr_t)s * 0x9E3779B97F4A7C15ULL;
        unsigned b = (unsigned)(h >> 40) & 4095;
        set->bits[b >> 6] |= 1ULL << (b & 63);
        J j = (J)(h >> set->shift);
        while (set->slots[j] && set->slots[j] != s)
            j = (j + 1) & set->mask;
        set->slots[j] = s;
    }
    return true;
}

void prim_symset_free(SymSet *set) {
    mem_raw_free(set->slots);
    set->slots = NULL;
}

/* A few members are compared with every symbol directly, four at a time where the machine
 * has AVX2 (asked of the CPU at run time: the build targets plain x86-64); the filter and
 * the table otherwise. */
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
__attribute__((target("avx2"))) static J mark_few_avx2(const SymSet *set, const S *x, J n, G *out) {
    __m256i m[SYMSET_FEW];
    int k = set->few;
    for (int j = 0; j < k; j++)
        m[j] = _mm256_set1_epi64x((long long)(uintptr_t)set->members[j]);
    J i = 0;
    for (; i + 4 <= n; i += 4) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(x + i)), e = _mm256_cmpeq_epi64(v, m[0]);
        for (int j = 1; j < k; j++)
            e = _mm256_or_si256(e, _mm256_cmpeq_epi64(v, m[j]));
        unsigned b = (unsigned)_mm256_movemask_pd(_mm256_castsi256_pd(e));
        uint32_t bytes = (b & 1) | (b & 2) << 7 | (b & 4) << 14 | (b & 8) << 21;
        memcpy(out + i, &bytes, 4);
    }
    return i;
}
#endif

void prim_symset_mark(const SymSet *set, const S *x, J n, G *out) {
    J i = 0;
#if defined(__x86_64__) && defined(__GNUC__)
    if (set->few && __builtin_cpu_supports("avx2"))
        i = mark_few_avx2(set, x, n, out);
#endif
    for (; i < n; i++)
        out[i] = prim_symset_has(set, x[i]);
}

static K syms_in(K x, K y) {
    SymSet set;
    K r = prim_symset_make(&set, kS(y), y->n) ? obj_vec(KB, x->n) : NULL;
    if (r)
        prim_symset_mark(&set, kS(x), x->n, kG(r));
    prim_symset_free(&set);
    r0(x);
    r0(y);
    return r;
}

K prim_in(K x, K y) {
    PRIM_ARGS2(x, y);
    if (!obj_stack_ok()) { /* a general x is looked up item by item */
        r0(x);
        r0(y);
        return NULL;
    }
    if (y->t == XD && !obj_is_keyed(y)) { /* in a dict: in its values */
        K v = r1(DICT_VALS(y));
        r0(y);
        y = v;
    }
    if (y->t == XT) { /* rows (a table) or a record in a table: (y?x)<count y */
        J yn = obj_count(y);
        return found_flags(prim_find(y, x), yn);
    }
    PRIM_SQUASH2(x, y);
    K ein = prim_enum_in(x, y);
    if (ein)
        return ein;
    x = prim_unenum(x);
    y = prim_unenum(y);
    if (!x || !y) {
        r0(x);
        r0(y);
        return NULL;
    }
    if (x->t == KS && y->t == KS)
        return syms_in(x, y);
    if (y->t == 0) { /* y a general list: (y?x)<count y, no iteration through x */
        J yn = y->n;
        return found_flags(prim_find(y, x), yn);
    }
    if (y->t > 0 && y->t < KENUM && x->t != 0 && x->t > -KENUM && x->t < KENUM && abs(x->t) != y->t) {
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
    if (y->t < 0 && y->t > -KENUM && x->t > -KENUM && x->t < KENUM && x->t != 0 && abs(x->t) != -y->t)
        return prim_eq(x, y);
    if (y->t < 0) {
        y = prim_probe_list(y);
        if (!y) {
            r0(x);
            return NULL;
        }
    }
    if (x->t < 0 || (y->t == 0 && x->t != 0 && 0)) {
        K probe = prim_probe_list(x);
        K r = probe ? prim_find_all(y, probe) : NULL;
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
    K r = prim_find_all(y, x);
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
    J *fresh = mem_raw_calloc((size_t)size, sizeof(J));
    if (!fresh)
        return false;
    for (J g = 0; g < ngroups; g++) {
        J j = (J)(hash(x, first[g]) & (uint64_t)(size - 1));
        while (fresh[j])
            j = (j + 1) & (size - 1);
        fresh[j] = g + 1;
    }
    mem_raw_free(*slot);
    *slot = fresh;
    *mask = size - 1;
    return true;
}


/* the grouping loop for items compared as fixed-width integers of type T: each slot holds a
 * key and its group, so a probe touches one cache line and never the column */
/* Fibonacci hashing: the top bits of key * 2^64/phi spread pointers (symbols) and small
 * integers alike, in two instructions */
#define FIB 0x9E3779B97F4A7C15ULL

typedef struct KeySlot {
    uint64_t key;
    J g; /* group + 1, 0 = empty */
} KeySlot;

#define GROUP_FIXED(T)                                                                          \
    do {                                                                                        \
        const T *v = (const T *)kG(x);                                                          \
        J size = 1024, count = 0, shift = 54; /* slots = 2^(64 - shift) */                    \
        KeySlot *tab = mem_raw_calloc((size_t)size, sizeof(KeySlot));                                   \
        if (!tab)                                                                               \
            goto oom;                                                                           \
        for (J i = 0; i < n; i++) {                                                             \
            uint64_t key = (uint64_t)v[i];                                                      \
            J j = (J)((key * FIB) >> shift);                                                    \
            while (tab[j].g && tab[j].key != key)                                               \
                j = (j + 1) & (size - 1);                                                       \
            if (!tab[j].g) {                                                                    \
                gr->first[gr->ngroups] = i;                                                     \
                tab[j].key = key;                                                               \
                tab[j].g = ++gr->ngroups;                                                       \
                if (++count * 2 > size) { /* double the table */                                \
                    KeySlot *fresh = mem_raw_calloc((size_t)size * 2, sizeof(KeySlot));                 \
                    if (!fresh) {                                                               \
                        mem_raw_free(tab);                                                              \
                        goto oom;                                                               \
                    }                                                                           \
                    for (J k = 0; k < size; k++) {                                              \
                        if (!tab[k].g)                                                          \
                            continue;                                                           \
                        J s = (J)((tab[k].key * FIB) >> (shift - 1));                           \
                        while (fresh[s].g)                                                      \
                            s = (s + 1) & (size * 2 - 1);                                       \
                        fresh[s] = tab[k];                                                      \
                    }                                                                           \
                    mem_raw_free(tab);                                                                  \
                    tab = fresh;                                                                \
                    size *= 2;                                                                  \
                    shift--;                                                                    \
                }                                                                               \
                if (gr->gid)                                                                    \
                    gr->gid[i] = gr->ngroups - 1;                                               \
            } else if (gr->gid) {                                                               \
                gr->gid[i] = tab[j].g - 1;                                                      \
            }                                                                                   \
        }                                                                                       \
        mem_raw_free(tab);                                                                              \
    } while (0)

/* integers spanning a range no wider than the list: a direct-address table instead of a
 * hash (the common case of small group codes, dates, minutes).  False when the range is
 * too wide or a null is present.  Reads x[i] only before writing gid[i], so gid may be x's
 * own data (prim_regroup). */
static bool dense_groups(const K x, J n, Groups *gr) {
    bool wide = obj_width(x->t) == 8;
    J lo = wj, hi = -wj;
    for (J i = 0; i < n; i++) {
        J v = wide ? kJ(x)[i] : kI(x)[i] == ni ? nj : kI(x)[i];
        if (v == nj)
            return false; /* nulls: leave them to the hash */
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
    }
    uint64_t span = (uint64_t)hi - (uint64_t)lo; /* wide ranges would overflow a J */
    if (span >= (uint64_t)n || span > (uint64_t)1 << 26)
        return false;
    J range = hi - lo + 1;
    J *code = mem_raw_alloc((size_t)range * sizeof(J));
    if (!code)
        return false;
    memset(code, 0xff, (size_t)range * sizeof(J)); /* -1: not seen */
    for (J i = 0; i < n; i++) {
        J v = (wide ? kJ(x)[i] : kI(x)[i]) - lo;
        if (code[v] < 0) {
            gr->first[gr->ngroups] = i;
            code[v] = gr->ngroups++;
        }
        if (gr->gid)
            gr->gid[i] = code[v];
    }
    mem_raw_free(code);
    return true;
}

/* integer-like types the direct-address table takes (4 or 8 bytes, null the minimum) */
static bool dense_type(int t) {
    return t == KJ || t == KI || t == KD || t == KM || t == KU || t == KV || t == KT || t == KN || t == KP;
}

/* group the items of x into gr, writing each item's group to gid (n of them; NULL: only the
 * groups' first items are wanted, as by distinct): gid may be
 * x's own data when x is a long vector (prim_regroup), since the paths for 8-byte items read
 * item i only before writing gid[i] */
static bool groups_into(const K x, J *gid, Groups *gr) {
    J n = obj_count(x);
    gr->gid = gid;
    gr->first = mem_raw_alloc((size_t)(n ? n : 1) * sizeof(J));
    gr->ngroups = 0;
    J mask = 1023;
    J *slot = mem_raw_calloc((size_t)mask + 1, sizeof(J));
    if (!gr->first || !slot)
        goto oom;
    int w = x->t > 0 && x->t != KF && x->t != KE ? obj_width(x->t) : 0;
    if (dense_type(x->t) && n > 1024 && dense_groups(x, n, gr)) {
        mem_raw_free(slot);
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
            J j = (J)(prim_item_hash(x, i) & (uint64_t)mask), g;
            for (; (g = slot[j]); j = (j + 1) & mask)
                if (prim_items_match(x, gr->first[g - 1], x, i))
                    break;
            if (!g) {
                gr->first[gr->ngroups] = i;
                slot[j] = g = ++gr->ngroups;
                if (gr->ngroups * 2 > mask && !grow_table(&slot, &mask, gr->first, gr->ngroups, x, prim_item_hash))
                    goto oom;
            }
            if (gr->gid)
                gr->gid[i] = g - 1;
        }
    }
    mem_raw_free(slot);
    return true;
oom:
    mem_raw_free(slot);
    mem_raw_free(gr->first);
    gr->gid = gr->first = NULL;
    kerr("wsfull");
    return false;
}

static bool groups_make(const K x, Groups *gr) {
    J n = obj_count(x);
    J *gid = mem_raw_alloc((size_t)(n ? n : 1) * sizeof(J));
    if (!gid) {
        kerr("wsfull");
        return false;
    }
    if (!groups_into(x, gid, gr)) {
        mem_raw_free(gid);
        return false;
    }
    return true;
}

static void groups_free(Groups *gr) {
    mem_raw_free(gr->gid);
    mem_raw_free(gr->first);
}

/* the first positions of groups gr (freed) as a long vector */
static K groups_first(Groups *gr) {
    K pos = ktn(KJ, gr->ngroups);
    if (pos)
        memcpy(kJ(pos), gr->first, (size_t)gr->ngroups * sizeof(J));
    mem_raw_free(gr->first);
    return pos;
}

/* distinct over many 8-byte items, radix-partitioned so that every hash table stays in
 * cache: the (key, position) pairs are scattered by the top bits of the key's hash into
 * PARTS partitions (positions ascending within each), each partition marks the first
 * position of each of its keys in a bitmap, and the bitmap read in order gives the first
 * positions in order of first appearance.  Keys are compared by their bits, as GROUP_FIXED
 * compares them.  NULL + kerr when memory runs out. */
enum { PART_BITS = 8, PARTS = 1 << PART_BITS };
typedef struct KeyPos {
    uint64_t key;
    J pos;
} KeyPos;

static K distinct_partitioned(const K x) {
    J n = x->n;
    const uint64_t *v = (const uint64_t *)kG(x);
    J *start = mem_raw_calloc(PARTS + 1, sizeof(J));
    KeyPos *pairs = mem_raw_alloc((size_t)n * sizeof(KeyPos));
    uint64_t *firsts = mem_raw_calloc((size_t)(n + 63) / 64, 8);
    KeySlot *tab = NULL;
    K out = NULL;
    if (!start || !pairs || !firsts)
        goto done;
    for (J i = 0; i < n; i++)
        start[((v[i] * FIB) >> (64 - PART_BITS)) + 1]++;
    J biggest = 0;
    for (int p = 0; p < PARTS; p++) {
        biggest = MAX(biggest, start[p + 1]);
        start[p + 1] += start[p];
    }
    J fill[PARTS];
    memcpy(fill, start, sizeof fill);
    for (J i = 0; i < n; i++) {
        J at = fill[(v[i] * FIB) >> (64 - PART_BITS)]++;
        pairs[at].key = v[i];
        pairs[at].pos = i;
    }
    int bits = 4;
    while (((J)1 << bits) < biggest * 2)
        bits++;
    J size = (J)1 << bits, count = 0;
    tab = mem_raw_alloc((size_t)size * sizeof(KeySlot));
    if (!tab)
        goto done;
    for (int p = 0; p < PARTS; p++) {
        J lo = start[p], hi = start[p + 1];
        /* a table for this partition: at most twice its items, from the hash's lower bits */
        int pb = 4;
        while (((J)1 << pb) < (hi - lo) * 2)
            pb++;
        J psize = (J)1 << pb;
        memset(tab, 0, (size_t)psize * sizeof(KeySlot));
        for (J k = lo; k < hi; k++) {
            uint64_t key = pairs[k].key;
            J j = (J)(((key * FIB) << PART_BITS) >> (64 - pb));
            while (tab[j].g && tab[j].key != key)
                j = (j + 1) & (psize - 1);
            if (!tab[j].g) {
                tab[j].key = key;
                tab[j].g = 1;
                firsts[pairs[k].pos >> 6] |= 1ULL << (pairs[k].pos & 63);
                count++;
            }
        }
    }
    out = ktn(KJ, count);
    for (J w = 0, k = 0; out && w < (n + 63) / 64; w++)
        for (uint64_t bitsw = firsts[w]; bitsw; bitsw &= bitsw - 1)
            kJ(out)[k++] = w * 64 + __builtin_ctzll(bitsw);
done:
    if (!out && !kerr_msg())
        kerr("wsfull");
    mem_raw_free(start);
    mem_raw_free(pairs);
    mem_raw_free(firsts);
    mem_raw_free(tab);
    return out;
}

/* many distinct values among the first 2^16 of x's 8-byte items (a quarter or more): then
 * one hash table over all of them would not stay in cache */
static bool many_distinct(const K x) {
    enum { SAMPLE = 1 << 16, SLOTS = 1 << 17 };
    uint64_t *seen = mem_raw_calloc(SLOTS, 8);
    uint8_t *used = mem_raw_calloc(SLOTS, 1);
    J distinct = 0;
    const uint64_t *v = (const uint64_t *)kG(x);
    for (J i = 0; seen && used && i < SAMPLE; i++) {
        J j = (J)((v[i] * FIB) >> (64 - 17));
        while (used[j] && seen[j] != v[i])
            j = (j + 1) & (SLOTS - 1);
        if (!used[j])
            used[j] = 1, seen[j] = v[i], distinct++;
    }
    mem_raw_free(seen);
    mem_raw_free(used);
    return distinct >= SAMPLE / 4;
}

/* the position of the first occurrence of each distinct item (no group per item) */
static K distinct_positions(const K x) {
    Groups gr;
    if (x->t > 0 && x->t < KENUM && x->t != KF && x->t != KZ && x->t != UU && obj_width(x->t) == 8 &&
        x->n >= (J)1 << 17 && many_distinct(x))
        return distinct_partitioned(x);
    if (!groups_into(x, NULL, &gr))
        return NULL;
    return groups_first(&gr);
}

/* the grouping of x (borrowed) as (first positions; each item's group), for other layers */
K prim_group_ids(const K x, K *gid) {
    Groups gr;
    K ids = ktn(KJ, obj_count(x));
    *gid = NULL;
    if (!ids || !groups_into(x, kJ(ids), &gr)) {
        r0(ids);
        return NULL;
    }
    K pos = groups_first(&gr);
    if (!pos) {
        r0(ids);
        return NULL;
    }
    *gid = ids;
    return pos;
}

K prim_regroup(K codes) {
    Groups gr;
    ASSERT(codes->t == KJ && codes->r == 0);
    if (!groups_into(codes, kJ(codes), &gr))
        return NULL;
    return groups_first(&gr);
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
    if (x->t < 0 || x->t >= XT)
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
    if (x->t == XD) { /* a dict's values grouped: the keys where each occurs */
        K g = prim_group(r1(DICT_VALS(x)));
        if (!g) {
            r0(x);
            return NULL;
        }
        K keys = r1(DICT_KEYS(g)), at = prim_at(r1(DICT_KEYS(x)), r1(DICT_VALS(g)));
        r0(g);
        r0(x);
        return at ? xD(keys, at) : (r0(keys), NULL);
    }
    if (x->t == XT) { /* a table's distinct rows (a table) to the rows where each occurs */
        K pos = table_find(r1(x), r1(x)); /* each row's first occurrence */
        K g = pos ? prim_group(pos) : NULL;
        if (!g) {
            r0(x);
            return NULL;
        }
        K rows = DICT_KEYS(g), data = TABLE_DATA(x);
        K cols = ktn(0, data->n);
        for (J c = 0; cols && c < data->n; c++)
            if (!(kK(cols)[c] = prim_at(r1(kK(data)[c]), r1(rows)))) {
                cols->n = c;
                r0(cols);
                cols = NULL;
            }
        K lists = r1(DICT_VALS(g)), names = r1(TABLE_COLS(x));
        r0(g);
        r0(x);
        if (!cols) {
            r0(lists);
            r0(names);
            return NULL;
        }
        return xD(xT(xD(names, cols)), lists);
    }
    if (x->t < 0 || x->t >= XT) {
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
    J *fill = mem_raw_calloc((size_t)(gr.ngroups ? gr.ngroups : 1), sizeof(J));
    if (!lists || !fill)
        goto oom;
    for (J i = 0; i < n; i++)
        fill[gr.gid[i]]++;
    for (J g = 0; g < gr.ngroups; g++) {
        if (!(kK(lists)[g] = ktn(KJ, fill[g])))
            goto oom;
        fill[g] = 0;
    }
    for (J i = 0; i < n; i++) {
        J g = gr.gid[i];
        kJ(kK(lists)[g])[fill[g]++] = i;
    }
    mem_raw_free(fill);
    K pos = ktn(KJ, gr.ngroups);
    memcpy(kJ(pos), gr.first, (size_t)gr.ngroups * sizeof(J));
    groups_free(&gr);
    K keys = prim_gather(x, pos);
    r0(pos);
    r0(x);
    return xD(keys, lists);
oom:
    r0(lists);
    mem_raw_free(fill);
    groups_free(&gr);
    r0(x);
    return kerr("wsfull");
}

static K select_where(K x, const K mask_src, bool keep_if_in) {
    /* items of x whose membership in mask_src equals keep_if_in */
    K probe = r1(x);
    K found = prim_find_all(mask_src, probe);
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

K prim_except(K x, K y) {
    PRIM_ARGS2(x, y);
    PRIM_SQUASH2(x, y);
    if (x->t == XT && y->t == XT)
        return table_rows_where(x, y, false);
    if (y->t < 0)
        y = prim_probe_list(y);
    if (x->t < 0 || x->t >= XT) {
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
        y = prim_probe_list(y);
    if (x->t < 0 || x->t >= XT) {
        r0(x);
        r0(y);
        return kerr("type");
    }
    K r = select_where(x, y, true);
    r0(y);
    return r;
}

K prim_union(K x, K y) {
    PRIM_ARGS2(x, y);
    return prim_distinct(prim_join(x, y));
}

